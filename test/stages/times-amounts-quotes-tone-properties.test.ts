import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePublishedDate } from "../../src/document/date.js";
import { Document } from "../../src/document/document.js";
import { isValidSpan } from "../../src/document/span.js";
import { amountsStage } from "../../src/stages/amounts.js";
import { quotesStage } from "../../src/stages/quotes.js";
import { timesStage } from "../../src/stages/times.js";
import { toneStage } from "../../src/stages/tone.js";
import { LANGS, packs, withSentences } from "../fixtures/mentions/doc.js";

/** Pieces that stress the mention stages: broken dates, odd separators, stray quote marks. */
const PIECES = [
  "31 febbraio",
  "30 février 2023",
  "el 32 de marzo",
  "am 29.02.2023",
  "1.2.3,4",
  "1,,5%",
  "12.345.67",
  "$$5 miliardi",
  "€",
  "%",
  "«",
  "»",
  "“",
  '"',
  "„",
  "—",
  "ha dichiarato che",
  "said",
  "secondo",
  "due mesi fa",
  "tra gennaio e",
  "più di",
  "2023",
  "99999999999999999999",
  "Li",
  "non",
  "\n\n",
  " ",
  ".",
];

const text = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })), { maxLength: 25 })
  .map((parts) => parts.join(" "));
const date = fc.constantFrom("2024", "2024-08", "2024-02-29", "2024-08-21T16:30:00Z", "");

describe("bad input never throws", () => {
  it("annotates any text in any language with valid spans", () => {
    fc.assert(
      fc.property(text, date, fc.constantFrom(...LANGS, "ru", "ar", "pt", "und"), (t, d, lang) => {
        let doc = withSentences(Document.create({ text: t, lang, date: parsePublishedDate(d) }));
        for (const stage of [timesStage, amountsStage, quotesStage, toneStage])
          doc = stage.run(doc, { packs });
        for (const layer of ["times", "amounts", "quotes", "tone"] as const) {
          for (const a of doc.layer(layer))
            expect(isValidSpan(doc.text, a), `${layer} in ${JSON.stringify(t)}`).toBe(true);
        }
        for (const a of doc.layer("amounts")) expect(Number.isFinite(a.value)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("never reads an impossible date as a day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 30, max: 31 }), fc.constantFrom("it", "en", "fr"), (day, lang) => {
        const month = { it: "febbraio", en: "February", fr: "février" }[lang];
        const doc = timesStage.run(
          Document.create({ text: `Il ${day} ${month} 2023.`, lang, date: parsePublishedDate("2024-08") }),
          {
            packs,
          },
        );
        for (const t of doc.layer("times")) expect(t.value).not.toMatch(/^2023-02-3/);
      }),
    );
  });
});
