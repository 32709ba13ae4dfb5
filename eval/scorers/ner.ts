import { join } from "node:path";
import type { EntityValue } from "../../src/document/layers.js";
import type { Row, Scorer } from "../scorer.js";
import { isGeneratedBody, linkSentences, tokenRange } from "./linking-run.js";
import { compareRows } from "./ner-compare.js";
import { type NerSentence, prf, readNer, score, spans } from "./ner-data.js";

const SETS = [
  { set: "UNER en (PUD test)", lang: "en", file: "eval/ner/uner_en_pud-ud-test.iob2", format: "uner" },
  { set: "UNER de (PUD test)", lang: "de", file: "eval/ner/uner_de_pud-ud-test.iob2", format: "uner" },
  { set: "KIND it (Wikinews test)", lang: "it", file: "eval/ner/kind_WN_test.tsv", format: "kind" },
] as const;

export function nerType(e: EntityValue): "PER" | "ORG" | "LOC" | undefined {
  if (e.adjective) return undefined;
  if (e.metonymOf || e.type === "country" || e.type === "place" || e.type === "region") return "LOC";
  if (e.type === "person") return "PER";
  if (e.type === "organisation" && !isGeneratedBody(e)) return "ORG";
  return undefined;
}

/** Predicted `type:first:last` spans per sentence, from relata's entities on whole documents. */
export function predict(sentences: readonly NerSentence[], lang: string): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < sentences.length; ) {
    let j = i;
    while (j < sentences.length && sentences[j]?.doc === sentences[i]?.doc) j++;
    const docSentences = sentences.slice(i, j);
    const { placed, entities } = linkSentences(docSentences, lang);
    docSentences.forEach((s, n) => {
      const p = placed[n];
      const found: string[] = [];
      for (const e of entities) {
        const type = nerType(e);
        const range = p && type ? tokenRange(p, s.tokens, e.start, e.end) : undefined;
        if (range) found.push(`${type}:${range[0]}:${range[1]}`);
      }
      out.push(found);
    });
    i = j;
  }
  return out;
}

export const nerScorer: Scorer = {
  task: "NER",
  needs: SETS.map((s) => s.file),
  async run(shared: string): Promise<Row[]> {
    const rows: Row[] = [];
    for (const s of SETS) {
      const sentences = readNer(join(shared, s.file), s.format);
      const gold = sentences.map((x) => spans(x.tags));
      const t0 = performance.now();
      const predicted = predict(sentences, s.lang);
      const ms = performance.now() - t0;
      for (const type of [undefined, "PER", "ORG", "LOC"] as const) {
        rows.push({
          task: this.task,
          set: s.set,
          measure: `relata ${type ?? "all types"}`,
          value: prf(score(gold, predicted, type)),
          note: type
            ? undefined
            : `${sentences.length} sentences, ${(ms / sentences.length).toFixed(2)} ms/sentence`,
        });
      }
      rows.push({
        task: this.task,
        set: s.set,
        measure: "relata spans (untyped)",
        value: prf(score(gold, predicted, undefined, false)),
      });
      if (s.lang === "en") rows.push(...(await compareRows(sentences, gold, s.set)));
    }
    return rows;
  },
};
