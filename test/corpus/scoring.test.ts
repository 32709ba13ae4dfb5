import { describe, expect, it } from "vitest";
import { clusterScores } from "../../src/corpus/cluster-measures.js";
import { evidence, lexicon } from "../../src/corpus/features.js";
import { type StoryProfile, storyScore } from "../../src/corpus/stories.js";
import type { Layers } from "../../src/document/document.js";

const span = { start: 0, end: 1 };

describe("story features", () => {
  const layers = {
    entities: [
      { ...span, type: "place", kbId: "P1", name: "Marrakesh" },
      { ...span, type: "person", kbId: "", name: "Unknown Person" },
    ],
    times: [
      { ...span, type: "DATE", value: "2023-09-08TEV", anchor: null, uncertain: false },
      { ...span, type: "DATE", value: "2023-09", anchor: null, uncertain: false },
      { ...span, type: "DURATION", value: "P3D", anchor: null, uncertain: false },
    ],
    amounts: [
      { ...span, kind: "money", value: 5_000_000, unit: "EUR", uncertain: false },
      { ...span, kind: "count", value: 2000, unit: "morto", uncertain: false },
    ],
  } as unknown as Layers;

  it("keeps linked entities, dated days and language-independent amounts only", () => {
    expect([...evidence({ lang: "it", text: "", layers }).keys()]).toEqual([
      "e:P1",
      "t:2023-09-08",
      "a:5000000 EUR",
    ]);
  });

  it("keys words by language so that they only compare within it", () => {
    expect([
      ...lexicon({ lang: "it", title: "Terremoto", text: "in Marocco, 2023", layers: {} }).keys(),
    ]).toEqual(["w:it:terremoto", "w:it:marocco"]);
  });
});

describe("storyScore", () => {
  const weight = () => 1;
  const story: StoryProfile = {
    id: 1,
    size: 2,
    sizeByLang: { en: 2 },
    counts: new Map([
      ["e:A", 2],
      ["e:B", 1],
      ["w:en:quake", 2],
    ]),
  };
  const doc = new Map([
    ["e:A", 1],
    ["e:B", 1],
  ]);

  it("scores shared evidence with the centroid, in any language", () => {
    expect(storyScore(doc, "fr", story, weight)).toBeCloseTo(3 / Math.sqrt(2 * 5), 6);
    expect(storyScore(new Map([["e:C", 1]]), "fr", story, weight)).toBe(0);
  });

  it("lets words of the same language raise a score but never lower it", () => {
    const alone = storyScore(doc, "fr", story, weight);
    expect(storyScore(new Map([...doc, ["w:en:quake", 1]]), "en", story, weight)).toBeGreaterThan(alone);
    expect(storyScore(new Map([...doc, ["w:en:other", 1]]), "en", story, weight)).toBe(alone);
  });
});

describe("clusterScores", () => {
  it("gives pairwise and B-cubed figures, noise counted as singletons", () => {
    const gold = new Map([
      ["a1", "A"],
      ["a2", "A"],
      ["b1", "B"],
      ["n1", "N"],
      ["n2", "N"],
    ]);
    const perfect = clusterScores(
      gold,
      new Map([
        ["a1", "1"],
        ["a2", "1"],
        ["b1", "2"],
        ["n1", "3"],
        ["n2", "4"],
      ]),
      (l) => l === "N",
    );
    expect(perfect.pairwise.f1).toBe(1);
    expect(perfect.bcubed.f1).toBe(1);
    // Noise put together is a wrong pair; a1 split from a2 loses the only true pair.
    const wrong = clusterScores(
      gold,
      new Map([
        ["a1", "1"],
        ["a2", "2"],
        ["b1", "3"],
        ["n1", "4"],
        ["n2", "4"],
      ]),
      (l) => l === "N",
    );
    expect(wrong.pairwise).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(wrong.bcubed.precision).toBeCloseTo(0.8, 6);
    expect(wrong.bcubed.recall).toBeCloseTo(0.8, 6);
  });
});
