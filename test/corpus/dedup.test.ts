import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bandKeys, minhash, nearDuplicatePairs, shingles } from "../../src/corpus/dedup.js";
import { fnv1a } from "../../src/corpus/hash.js";
import { fixture } from "../cli/run-cli.js";

interface Item {
  id: string;
  group: string;
  lang: string;
  text: string;
}

const items = JSON.parse(readFileSync(fixture("corpus", "near-duplicates.json"), "utf8")) as Item[];

describe("MinHash near-duplicate detection", () => {
  it("hashes stably, so signatures stored yesterday compare with today's", () => {
    expect(fnv1a("kursk", 1)).toBe(fnv1a("kursk", 1));
    expect(fnv1a("kursk", 1)).not.toBe(fnv1a("kursk", 2));
    expect(minhash("the same words in the same order")).toEqual(
      minhash("The same words, in the same order."),
    );
  });

  it("shingles a short text as one shingle", () => {
    expect([...shingles("two words")]).toEqual(["two words"]);
    expect(shingles("a b c d").size).toBe(2);
  });

  it("finds edited, padded and reordered copies and nothing else (precision and recall 1 on the fixtures)", () => {
    const groupOf = new Map(items.map((i) => [i.id, i.group]));
    const found = nearDuplicatePairs(items);
    const truePairs = items.flatMap((a, n) => items.slice(n + 1).filter((b) => b.group === a.group)).length;
    expect(truePairs).toBe(7);
    expect(found.filter(([a, b]) => groupOf.get(a) === groupOf.get(b))).toHaveLength(found.length);
    expect(found).toHaveLength(truePairs);
    expect(found).toContainEqual(["water", "water-reordered"]);
  });

  it("never pairs texts of different languages", () => {
    const keysEn = new Set(bandKeys("en", minhash("un traghetto")));
    expect(bandKeys("it", minhash("un traghetto")).some((k) => keysEn.has(k))).toBe(false);
  });
});
