import { describe, expect, it } from "vitest";
import { packs } from "../fixtures/mentions/doc.js";

/** The data files of the mention stages (docs/MENTIONS.md): every language folder holds them all. */
const FILES = [
  "time-words.tsv",
  "not-times.txt",
  "future-cues.txt",
  "modifiers.tsv",
  "number-format.json",
  "number-words.tsv",
  "scale-words.tsv",
  "currencies.tsv",
  "amount-units.tsv",
  "count-nouns.tsv",
  "ordinal-suffixes.txt",
  "function-words.tsv",
  "quote-marks.tsv",
  "reporting-verbs.txt",
  "attribution.tsv",
  "tone-positive.txt",
  "tone-negative.txt",
  "negators.txt",
];

describe("language packs of the mention stages", () => {
  it("hold the same files in every language folder", () => {
    expect(packs.codes).toEqual(expect.arrayContaining(["ar", "de", "en", "es", "fr", "it", "pt", "ru"]));
    for (const code of packs.codes)
      for (const f of FILES) expect(packs.get(code)?.has(f), `${code}/${f}`).toBe(true);
  });

  it("have real data for the five main languages", () => {
    for (const code of ["en", "it", "es", "fr", "de"]) {
      const pack = packs.get(code);
      for (const f of FILES.filter((name) => !name.endsWith(".json"))) {
        expect(pack?.list(f).length, `${code}/${f}`).toBeGreaterThan(0);
      }
    }
  });

  it("compile every not-times pattern", () => {
    for (const code of packs.codes)
      for (const line of packs.get(code)?.list("not-times.txt") ?? [])
        expect(() => new RegExp(line, "uy")).not.toThrow();
  });
});
