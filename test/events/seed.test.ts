import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Analyzer } from "../../src/analysis.js";
import type { EventValue } from "../../src/document/layers.js";
import type { Annotation } from "../../src/document/span.js";
import { sharedRoot } from "../../src/paths.js";
import { readAll } from "../../src/readers/index.js";

/** The acceptance on the seed article, read at run time from the shared corpus (never copied). */
const seed = join(sharedRoot(), "corpus", "000_c7ca7f641c353b9e.txt");

describe.skipIf(!existsSync(seed))("events on the seed article", () => {
  it("codes the meetings, praise, agreement, criticism, sanctions and the Kursk incursion", async () => {
    let events: ReadonlyArray<Annotation<EventValue>> = [];
    let text = "";
    for await (const item of readAll([seed]))
      if (item.kind === "document") {
        const doc = new Analyzer().analyze(item.init);
        events = doc.layer("events");
        text = doc.text;
      }
    const has = (
      root: string | RegExp,
      source: string | null,
      target: string | null,
      extra?: (e: EventValue) => boolean,
    ) =>
      events.some(
        (e) =>
          (typeof root === "string" ? e.root === root : root.test(e.root)) &&
          (source === null || e.source?.cameo === source) &&
          (target === null || e.target?.cameo === target) &&
          (extra?.(e) ?? true),
      );
    expect(
      has("04", "CHNGOV", "RUSGOV", (e) => e.target?.kbId === "Q7747" && e.source?.kbId === "Q4414390"),
    ).toBe(true);
    expect(has("04", "CHNGOV", "RUSGOV", (e) => e.target?.name === "Mikhail Mishustin")).toBe(true);
    expect(has("05", "CHNGOV", "RUSGOV")).toBe(true);
    expect(
      has(/^0[36]$/, null, null, (e) => [e.source?.cameo, e.target?.cameo].sort().join() === "CHNGOV,RUSGOV"),
    ).toBe(true);
    expect(has("11", null, "USA")).toBe(true);
    expect(has("16", "WST", "RUS")).toBe(true);
    expect(has("19", "UKRMIL", "RUS", (e) => e.place?.name === "Kursk")).toBe(true);
    for (const e of events) {
      expect(text.slice(e.start, e.end).length).toBeGreaterThan(0);
      expect(e.sentence).toBeGreaterThanOrEqual(0);
    }
  });
});
