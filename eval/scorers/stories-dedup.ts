import { readFileSync } from "node:fs";
import { join } from "node:path";
import { nearDuplicatePairs } from "../../src/corpus/dedup.js";
import { packageRoot } from "../../src/paths.js";
import { pct, type Row, type Scorer } from "../scorer.js";

interface Item {
  id: string;
  group: string;
  lang: string;
  text: string;
}

const FIXTURE = join(packageRoot(), "test", "fixtures", "corpus", "near-duplicates.json");

/** Near-duplicate detection on the repository's own fixtures: copies edited, padded, reordered vs. other stories. */
export const dedupScorer: Scorer = {
  task: "dedup",
  needs: [],
  run(): Row[] {
    const items = JSON.parse(readFileSync(FIXTURE, "utf8")) as Item[];
    const groupOf = new Map(items.map((i) => [i.id, i.group]));
    const found = nearDuplicatePairs(items);
    const right = found.filter(([a, b]) => groupOf.get(a) === groupOf.get(b)).length;
    const gold = items.flatMap((a, n) => items.slice(n + 1).filter((b) => b.group === a.group)).length;
    return [
      {
        task: this.task,
        set: "near-duplicates.json",
        measure: "pair P / R",
        value: `${pct(right, found.length)} / ${pct(right, gold)}`,
        note: `${found.length} pairs found, ${gold} true`,
      },
    ];
  },
};
