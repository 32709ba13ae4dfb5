import { readFileSync } from "node:fs";
import { join } from "node:path";
import { detectLanguage } from "../../src/stages/langid.js";
import { pct, type Row, type Scorer } from "../scorer.js";

/** Language identification on the real multilingual excerpts: their `lang` field is the gold. */
export const langIdScorer: Scorer = {
  task: "language id",
  needs: ["corpus/real-dev.jsonl"],
  run(shared: string): Row[] {
    const lines = readFileSync(join(shared, "corpus/real-dev.jsonl"), "utf8").split("\n").filter(Boolean);
    let right = 0;
    const misses: string[] = [];
    for (const line of lines) {
      const rec = JSON.parse(line) as { id: string; lang: string; title?: string | null; text: string };
      const got = detectLanguage(rec.title ? `${rec.title}\n\n${rec.text}` : rec.text).lang;
      if (got === rec.lang) right++;
      else misses.push(`${rec.id} ${rec.lang}→${got}`);
    }
    return [
      {
        task: this.task,
        set: "real-dev.jsonl",
        measure: "accuracy",
        value: `${right}/${lines.length} (${pct(right, lines.length)})`,
        note: misses.length ? `misses: ${misses.join(", ")}` : "goal ≥ 43/44",
      },
    ];
  },
};
