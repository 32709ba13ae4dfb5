import { describe, expect, it } from "vitest";
import { amountsStage, findAmounts } from "../../src/stages/amounts.js";
import { numberReader } from "../../src/stages/numbers.js";
import { timesStage } from "../../src/stages/times.js";
import { annotationAt, fixture, LANGS, packs } from "../fixtures/mentions/doc.js";

const EXPECTED: Record<(typeof LANGS)[number], { target: string; more: string; share: string }> = {
  it: { target: "$240 miliardi", more: "più del 25%", share: "1,6%" },
  en: { target: "$240 billion", more: "more than 25%", share: "1.6%" },
  es: { target: "$240 mil millones", more: "más del 25%", share: "1,6%" },
  fr: { target: "$240 milliards", more: "plus de 25%", share: "1,6%" },
  de: { target: "$240 Milliarden", more: "mehr als 25%", share: "1,6%" },
};

describe("amounts on the acceptance renderings", () => {
  for (const lang of LANGS) {
    it(`normalises money and shares in ${lang}`, () => {
      const doc = amountsStage.run(timesStage.run(fixture(lang), { packs }), { packs });
      const layer = doc.layer("amounts");
      const e = EXPECTED[lang];
      expect(annotationAt(doc, layer, e.target)).toMatchObject({
        kind: "money",
        value: 240_000_000_000,
        unit: "USD",
      });
      expect(annotationAt(doc, layer, e.more)).toMatchObject({
        kind: "percent",
        value: 25,
        unit: "%",
        modifier: ">",
      });
      expect(annotationAt(doc, layer, e.share)).toMatchObject({ kind: "percent", value: 1.6, unit: "%" });
      // Years and durations belong to the times layer, not to amounts.
      expect(layer.some((a) => doc.text.slice(a.start, a.end).includes("2023"))).toBe(false);
    });
  }
});

const amounts = (lang: string, text: string) =>
  findAmounts(packs.get(lang), text).map((a) => ({ text: text.slice(a.start, a.end), ...a }));

describe("money, shares, counts and ordinals", () => {
  it("reads the same sum however each language writes it", () => {
    for (const [lang, text] of [
      ["en", "240 billion dollars"],
      ["it", "240 miliardi di dollari"],
      ["es", "240.000 millones de dólares"],
      ["fr", "240 milliards de dollars"],
      ["de", "240 Milliarden Dollar"],
    ] as const) {
      expect(amounts(lang, text)[0], lang).toMatchObject({
        kind: "money",
        value: 240_000_000_000,
        unit: "USD",
      });
    }
    expect(amounts("de", "1,25 Mrd. Euro")[0]).toMatchObject({ value: 1_250_000_000, unit: "EUR" });
    expect(amounts("en", "a £5m fund")[0]).toMatchObject({ value: 5_000_000, unit: "GBP" });
  });

  it("counts with the lemma of the counted noun", () => {
    expect(amounts("it", "Sono arrivati 300 soldati.")[0]).toMatchObject({
      kind: "count",
      value: 300,
      unit: "soldato",
    });
    expect(amounts("en", "Some 121,000 evacuees left.")[0]).toMatchObject({
      value: 121_000,
      unit: "evacuee",
      modifier: "~",
    });
    expect(amounts("fr", "121 000 évacués")[0]).toMatchObject({ value: 121_000, unit: "évacué" });
    expect(amounts("de", "Es kamen dreihundert Soldaten.")[0]).toMatchObject({ value: 300, unit: "Soldat" });
  });

  it("reads ordinals that name something", () => {
    expect(amounts("en", "the 29th regular meeting")[0]).toMatchObject({
      kind: "ordinal",
      value: 29,
      unit: "meeting",
    });
    expect(amounts("it", "il 29/esimo incontro")[0]).toMatchObject({
      kind: "ordinal",
      value: 29,
      unit: "incontro",
    });
    expect(amounts("fr", "la 29e réunion")[0]).toMatchObject({ kind: "ordinal", value: 29, unit: "réunion" });
    expect(amounts("de", "Er wurde 29. Danach ging er.")).toEqual([]);
  });

  it("finds what a sum or share quantifies when determiners make it plain", () => {
    expect(amounts("it", "superando il target di $240 miliardi")[0]?.quantifies?.name).toBe("target");
    expect(amounts("en", "a 25% increase in trade")[0]?.quantifies?.name).toBe("increase");
  });

  it("skips a bare number and an article read as one", () => {
    expect(amounts("en", "Article 5 applies.")).toEqual([]);
    expect(amounts("it", "Ha incontrato uno studente.")).toEqual([]);
  });
});

describe("locale-aware numbers", () => {
  const read = (lang: string, raw: string) => numberReader(packs.get(lang)).parseDigits(raw);

  it("reads separators by the language's convention", () => {
    expect(read("it", "240.000")).toEqual({ value: 240000, uncertain: false });
    expect(read("it", "1,6")).toEqual({ value: 1.6, uncertain: false });
    expect(read("en", "1,600")).toEqual({ value: 1600, uncertain: false });
    expect(read("en", "1.6")).toEqual({ value: 1.6, uncertain: false });
    expect(read("de", "1.234,5")).toEqual({ value: 1234.5, uncertain: false });
  });

  it("reads a mark used against the convention, flagged as uncertain", () => {
    expect(read("it", "1.6")).toEqual({ value: 1.6, uncertain: true });
    expect(read("en", "1.234,5")).toEqual({ value: 1234.5, uncertain: true });
  });

  it("refuses numbers whose groups cannot be read", () => {
    expect(read("it", "1.2.3")).toBeUndefined();
    expect(read("en", "12,34,567.8.9")).toBeUndefined();
  });

  it("reads number words, compounds included", () => {
    const words = (lang: string, raw: string) => numberReader(packs.get(lang)).parseWords(raw)?.value;
    expect(words("it", "ventitré")).toBe(23);
    expect(words("it", "duecentotrenta")).toBe(230);
    expect(words("de", "dreiundzwanzig")).toBe(23);
    expect(words("en", "twenty-three")).toBe(23);
    expect(words("es", "treinta y dos")).toBe(32);
    expect(words("fr", "quatre-vingt-dix")).toBe(90);
  });
});
