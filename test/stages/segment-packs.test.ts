import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LangPacks } from "../../src/lang/packs.js";

describe("language packs", () => {
  const packs = new LangPacks();

  it("hold the same file names in every language: adding a language is adding a folder", () => {
    const files = (code: string) => readdirSync(join(packs.root, code)).sort();
    const [first, ...rest] = packs.codes;
    expect(first).toBeDefined();
    for (const code of rest)
      expect({ code, files: files(code) }).toEqual({ code, files: files(first ?? "") });
  });

  it("list abbreviations with their final dot", () => {
    for (const code of packs.codes) {
      for (const entry of packs.get(code)?.list("abbreviations.txt") ?? []) expect(entry).toMatch(/\.$/);
    }
  });
});
