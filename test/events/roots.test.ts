import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Analyzer } from "../../src/analysis.js";

/** One sentence per CAMEO root in each of en it es fr de, coded by the full pipeline. */
const analyzer = new Analyzer();
const rows = readFileSync(join(import.meta.dirname, "..", "fixtures", "events", "roots.tsv"), "utf8")
  .split("\n")
  .filter((line) => line && !line.startsWith("#"))
  .map((line) => line.split("\t") as [string, string, string, string, string]);

describe("event coder: every CAMEO root in five languages", () => {
  it.each(rows)("%s: %s → %s %s→%s", (lang, text, root, source, target) => {
    const doc = analyzer.analyze({ text, lang, date: { value: "2024-05", precision: "month" } });
    const events = doc
      .layer("events")
      .map((e) => `${e.root} ${e.source?.cameo ?? "-"} ${e.target?.cameo ?? "-"}`);
    const wanted = (e: string) => {
      const [r, s, t] = e.split(" ");
      return (
        r === root && (source === "-" || s?.startsWith(source)) && (target === "-" || t?.startsWith(target))
      );
    };
    expect(events.some(wanted), `events: ${events.join(" | ")}`).toBe(true);
  });
});
