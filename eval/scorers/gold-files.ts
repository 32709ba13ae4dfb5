import { readFileSync } from "node:fs";

/** Languages with a hand-written gold file for amounts and quotes. */
export const GOLD_LANGS = ["en", "it", "es", "fr", "de"] as const;

/** The rows of a gold TSV: first cell the text, second the expectation; `#` lines are comments. */
export function goldLines(path: string): Array<[string, string]> {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("#"))
    .map((line) => {
      const [text = "", expected = ""] = line.split("\t");
      return [text, expected];
    });
}

/** F1 in percent with one decimal, from hits over gold and system counts. */
export function f1Of(hits: number, gold: number, system: number): string {
  const p = system ? hits / system : 0;
  const r = gold ? hits / gold : 0;
  return p + r ? ((200 * p * r) / (p + r)).toFixed(1) : "0.0";
}
