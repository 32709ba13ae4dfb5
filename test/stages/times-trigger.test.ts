import { describe, expect, it } from "vitest";
import { parsePublishedDate } from "../../src/document/date.js";
import { resolveTimes } from "../../src/stages/times.js";
import { sentenceEnds, triggerWindows, windowsAround } from "../../src/stages/times-trigger.js";
import { packs } from "../fixtures/mentions/doc.js";

const windowsOf = (lang: string, text: string) =>
  triggerWindows(packs.get(lang), text, sentenceEnds(text)).map(([s, e]) => text.slice(s, e).trim());

describe("times pre-scan", () => {
  it("keeps the sentences holding a digit or a time word and skips the others", () => {
    const text = "Il governo ha parlato. Il 5 agosto è arrivato. Nessuno ha risposto. Ieri è ripartito.";
    expect(windowsOf("it", text)).toEqual(["Il 5 agosto è arrivato.", "Ieri è ripartito."]);
  });

  it("merges adjacent sentences into one window", () => {
    const text = "The talks ended on Oct. 5 in Geneva. Nothing else.";
    expect(windowsOf("en", text)).toEqual(["The talks ended on Oct. 5 in Geneva."]);
  });

  it("finds prefixes of long inflected time words", () => {
    expect(windowsOf("ru", "Саммит прошёл в Казани. Встреча состоялась в январе.")).toEqual([
      "Встреча состоялась в январе.",
    ]);
  });

  it("bounds windows by the sentence ends around each span", () => {
    const text = "One. Two three. Four.";
    expect(windowsAround(sentenceEnds(text), [{ start: 5, end: 8 }])).toEqual([[5, 16]]);
  });

  it("no longer reads a weekday abbreviation inside a longer word", () => {
    // chrono's ASCII word boundary read "dom" of "doméstico" as Sunday and "дек" of "декларации" as December.
    const date = parsePublishedDate("2024-10-22");
    expect(resolveTimes(packs.get("es"), "Sufrió un accidente doméstico y canceló el viaje.", date)).toEqual(
      [],
    );
    expect(resolveTimes(packs.get("ru"), "Это было отражено в декларации саммита.", date)).toEqual([]);
    expect(resolveTimes(packs.get("es"), "Llegó el domingo.", date).map((t) => t.value)).toEqual([
      "2024-10-20",
    ]);
  });
});
