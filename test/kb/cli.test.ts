import { copyFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { registerKb } from "../../src/cli/kb.js";

const fixture = (f: string) => join(import.meta.dirname, "..", "fixtures", "kb", f);
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "relata-kb-cli-"));
  copyFileSync(fixture("mini.kb.tsv"), join(dir, "mini.kb.tsv"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `relata kb …` in process and returns what it printed. */
async function kb(...args: string[]): Promise<string> {
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  try {
    const program = new Command("relata").exitOverride();
    registerKb(program);
    await program.parseAsync(["node", "relata", "kb", ...args]);
  } finally {
    spy.mockRestore();
  }
  return out.join("");
}

describe("relata kb", () => {
  it("stats prints entities, names per language and facts", async () => {
    const text = await kb("stats", "--kb", dir);
    expect(text).toMatch(/entities 2: country 1, office 1/);
    expect(text).toMatch(/by language .*en 1/);
    expect(text).toMatch(/0 office terms/);
  });

  it("import adds a file that stats then counts", async () => {
    expect(await kb("import", "--petrarch", fixture("petrarch-ok.txt"), "--kb", dir)).toMatch(
      /imported 3 entities/,
    );
    expect(readdirSync(join(dir, "imports"))).toEqual(["petrarch-ok.petrarch.kb.tsv"]);
    expect(await kb("stats", "--kb", dir, "--format", "json")).toContain('"cameo": 4');
  });

  it("import refuses a malformed file with its line", async () => {
    await expect(kb("import", "--petrarch", fixture("petrarch-bad.txt"), "--kb", dir)).rejects.toThrow(
      /petrarch-bad\.txt:4: bad code block/,
    );
    await expect(kb("import", "--kb", dir)).rejects.toThrow(
      /exactly one of --wikidata FILE or --petrarch FILE/,
    );
  });
});
