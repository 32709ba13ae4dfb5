import { describe, expect, it } from "vitest";
import { countTone, findTone, toneStage } from "../../src/stages/tone.js";
import { fixture, packs } from "../fixtures/mentions/doc.js";

const tone = (lang: string, text: string) => findTone(packs.get(lang), text, [])[0];

describe("lexicon tone", () => {
  it("reports shares of positive and negative words as GDELT does, labelled weak", () => {
    const t = tone("en", "The attack killed civilians but the talks brought hope.");
    // 9 words: killed, attack negative; hope positive.
    expect(t).toMatchObject({ scope: "document", words: 9, signal: "weak" });
    expect(t?.negative).toBeCloseTo((100 * 2) / 9, 1);
    expect(t?.positive).toBeCloseTo(100 / 9, 1);
    expect(t?.tone).toBeCloseTo(-100 / 9, 1);
    expect(t?.polarity).toBeCloseTo(300 / 9, 1);
  });

  it("flips a sentiment word after a negator, within its clause", () => {
    expect(countTone(packs.get("it"), "L'esercito non è riuscito a fermare l'offensiva.")).toMatchObject({
      positive: 0,
      negative: 2,
    });
    expect(countTone(packs.get("it"), "L'esercito è riuscito a fermare l'offensiva.").positive).toBe(1);
    expect(countTone(packs.get("de"), "Es gelang nicht, die Offensive zu stoppen.")).toMatchObject({
      negative: 1,
    });
  });

  it("matches stems without matching unrelated words", () => {
    expect(countTone(packs.get("it"), "Le sanzioni ingiuste e la guerra.").negative).toBe(3);
    expect(countTone(packs.get("it"), "durante la riunione a Roma").negative).toBe(0);
    expect(countTone(packs.get("en"), "The committee met in winter.").positive).toBe(0);
  });

  it("scores the document and each sentence", () => {
    const doc = toneStage.run(fixture("it"), { packs });
    const layer = doc.layer("tone");
    expect(layer[0]).toMatchObject({ scope: "document", start: 0, end: doc.text.length });
    expect(layer.slice(1).every((t) => t.scope === "sentence")).toBe(true);
    expect(layer.length).toBe(1 + doc.layer("sentences").length);
    const words = layer.slice(1).reduce((n, t) => n + t.words, 0);
    expect(layer[0]?.words).toBe(words);
  });
});
