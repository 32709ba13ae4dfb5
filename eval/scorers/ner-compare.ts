import type { Row } from "../scorer.js";
import { type NerSentence, prf, score } from "./ner-data.js";

interface Span {
  type: string;
  start: number;
  end: number;
}

/** Character spans → `type:first:last` over the sentence's tokens joined by spaces. */
function toTokens(s: NerSentence, found: readonly Span[]): string[] {
  const offsets: number[] = [];
  let at = 0;
  for (const t of s.tokens) {
    offsets.push(at);
    at += t.length + 1;
  }
  const out: string[] = [];
  for (const f of found) {
    const covered = offsets.flatMap((o, i) =>
      o < f.end && o + (s.tokens[i]?.length ?? 0) > f.start ? [i] : [],
    );
    if (covered.length) out.push(`${f.type}:${covered[0]}:${covered[covered.length - 1]}`);
  }
  return out;
}

/**
 * The same English set through two JavaScript NLP libraries, measured in the same run:
 * compromise 14 (people, places, organisations) and wink-nlp 2 with its English lite model, whose
 * entities are dates and numbers, so its proper-noun runs (PROPN) give it an untyped span score only.
 */
export async function compareRows(
  sentences: readonly NerSentence[],
  gold: readonly string[][],
  set: string,
): Promise<Row[]> {
  const rows: Row[] = [];
  const nlp = (await import("compromise")).default;
  const t0 = performance.now();
  const byCompromise = sentences.map((s) => {
    const doc = nlp(s.tokens.join(" "));
    const found: Span[] = [];
    for (const [type, view] of [
      ["PER", doc.people()],
      ["LOC", doc.places()],
      ["ORG", doc.organizations()],
    ] as const) {
      for (const m of view.json({ offset: true }) as { offset: { start: number; length: number } }[]) {
        found.push({ type, start: m.offset.start, end: m.offset.start + m.offset.length });
      }
    }
    return toTokens(s, found);
  });
  const cms = (performance.now() - t0) / sentences.length;
  for (const type of [undefined, "PER", "ORG", "LOC"] as const) {
    rows.push({
      task: "NER",
      set,
      measure: `compromise ${type ?? "all types"}`,
      value: prf(score(gold, byCompromise, type)),
      note: type ? undefined : `${cms.toFixed(2)} ms/sentence`,
    });
  }
  rows.push({
    task: "NER",
    set,
    measure: "compromise spans (untyped)",
    value: prf(score(gold, byCompromise, undefined, false)),
  });

  const winkNLP = (await import("wink-nlp")).default;
  const model = (await import("wink-eng-lite-web-model")).default;
  const wink = winkNLP(model);
  const its = wink.its;
  const t1 = performance.now();
  const byWink = sentences.map((s) => {
    const tags = wink.readDoc(s.tokens.join(" ")).tokens().out(its.pos) as string[];
    // wink re-tokenises; keep only sentences whose tokens line up with the gold ones.
    if (tags.length !== s.tokens.length) return [];
    const out: string[] = [];
    let first = -1;
    tags.forEach((tag, i) => {
      if (tag === "PROPN" && first < 0) first = i;
      if (tag !== "PROPN" && first >= 0) {
        out.push(`X:${first}:${i - 1}`);
        first = -1;
      }
    });
    if (first >= 0) out.push(`X:${first}:${tags.length - 1}`);
    return out;
  });
  const wms = (performance.now() - t1) / sentences.length;
  rows.push({
    task: "NER",
    set,
    measure: "wink-nlp PROPN spans (untyped)",
    value: prf(score(gold, byWink, undefined, false)),
    note: `${wms.toFixed(2)} ms/sentence; sentences wink tokenises differently count as misses`,
  });
  return rows;
}
