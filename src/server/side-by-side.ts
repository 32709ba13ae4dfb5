import type { Document } from "../document/document.js";
import type { Annotation } from "../document/span.js";
import { type Alignment, align, type SentenceFacts, sentenceFacts } from "../verify/align.js";
import { isDerived } from "../verify/passages.js";

/** A value of a sentence compared across an aligned pair; offsets are within the sentence text. */
export interface SentenceValue {
  readonly kind: "amount" | "date";
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface SideSentence {
  readonly index: number;
  readonly text: string;
  /** Amounts and dates the counterpart does not state: changed, added or left out. */
  readonly changed: readonly SentenceValue[];
}

export interface SideBySideRow {
  readonly status: "aligned" | "added" | "dropped";
  readonly document: SideSentence | null;
  readonly source: SideSentence | null;
  readonly score: number;
}

export interface SideBySide {
  readonly derived: boolean;
  readonly score: number;
  readonly coverage: number;
  readonly rows: readonly SideBySideRow[];
}

const within = (a: { start: number; end: number }, s: { start: number; end: number }) =>
  a.start >= s.start && a.end <= s.end;

/**
 * The amounts and dates of a sentence, keyed by value so that translations compare equal. Entities
 * are left out: sentences that say the same thing often name the same actor differently.
 */
function valuesOf(doc: Document, facts: SentenceFacts): SentenceValue[] {
  const values: SentenceValue[] = [];
  const add = (a: Annotation, kind: SentenceValue["kind"], key: string) => {
    if (within(a, facts))
      values.push({
        kind,
        key,
        start: a.start - facts.start,
        end: a.end - facts.start,
        text: doc.text.slice(a.start, a.end),
      });
  };
  for (const a of doc.layer("amounts")) if (a.kind !== "ordinal") add(a, "amount", `${a.value} ${a.unit}`);
  for (const t of doc.layer("times")) if (t.type === "DATE") add(t, "date", t.value);
  return values;
}

function changedValues(mine: readonly SentenceValue[], theirs: readonly SentenceValue[]): SentenceValue[] {
  return mine.filter((v) => !theirs.some((t) => t.kind === v.kind && t.key === v.key));
}

function side(doc: Document, facts: SentenceFacts, changed: SentenceValue[] = []): SideSentence {
  return { index: facts.index, text: doc.text.slice(facts.start, facts.end), changed };
}

/**
 * A document beside the source it may derive from, sentence by sentence in the document's order:
 * each sentence with its aligned source sentence (and the values they state differently), the
 * document's added sentences, and the source's dropped ones placed after their predecessor.
 */
export function sideBySide(doc: Document, source: Document, alignment?: Alignment): SideBySide {
  const a = alignment ?? align(sentenceFacts(doc), sentenceFacts(source), doc.lang === source.lang);
  const paired = new Map(a.pairs.map((p) => [p.suspect.index, p]));
  const rows: SideBySideRow[] = a.facts.map((facts) => {
    const pair = paired.get(facts.index);
    if (!pair) return { status: "added", document: side(doc, facts), source: null, score: 0 };
    const mine = valuesOf(doc, facts);
    const theirs = valuesOf(source, pair.source);
    return {
      status: "aligned",
      document: side(doc, facts, changedValues(mine, theirs)),
      source: side(source, pair.source, changedValues(theirs, mine)),
      score: pair.score,
    };
  });
  for (const dropped of a.dropped) {
    const after = rows.findLastIndex((r) => r.source !== null && r.source.index < dropped.index);
    rows.splice(after + 1, 0, { status: "dropped", document: null, source: side(source, dropped), score: 0 });
  }
  return { derived: isDerived(a), score: a.score, coverage: a.coverage, rows };
}
