import { join } from "node:path";
import { LangPacks } from "../../src/lang/packs.js";
import { packageRoot } from "../../src/paths.js";
import { countTone, toneValue } from "../../src/stages/tone.js";
import { pct, type Row, type Scorer } from "../scorer.js";
import { GOLD_LANGS, goldLines } from "./gold-files.js";

/**
 * Lexicon tone against relata's hand-labelled sentences (eval/gold/tone/<lang>.tsv): how often the
 * sign of the tone (positive, negative, zero for neutral) is the label's. The lexicons were written
 * with these sentences at hand, so this is a calibration check, not a held-out score.
 */
export const toneScorer: Scorer = {
  task: "tone",
  needs: [],
  run(): Row[] {
    const packs = new LangPacks();
    return GOLD_LANGS.map((lang) => {
      const rows = goldLines(join(packageRoot(), "eval/gold/tone", `${lang}.tsv`));
      const right = rows.filter(([label, sentence]) => {
        const tone = toneValue("sentence", countTone(packs.get(lang), sentence)).tone;
        return (tone > 0 ? "positive" : tone < 0 ? "negative" : "neutral") === label;
      }).length;
      return {
        task: "tone sign (weak signal)",
        set: `${lang} (${rows.length} labelled, calibration set)`,
        measure: "accuracy",
        value: pct(right, rows.length),
      };
    });
  },
};
