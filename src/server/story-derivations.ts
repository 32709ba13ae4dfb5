import type { CorpusStore, Corroboration, Story } from "../corpus/corpus-store.js";
import type { Document } from "../document/document.js";
import { restoreDocument } from "../store/restore.js";
import type { Store } from "../store/store.js";
import { align, type SentenceFacts, sentenceFacts } from "../verify/align.js";
import { isDerived } from "../verify/passages.js";

/** Members compared pairwise at most: alignment is quadratic in documents and in sentences. */
export const MAX_COMPARED = 40;

export interface Derivation {
  readonly id: string;
  /** The earlier member it derives from (verify/passages.ts isDerived), best aligned. */
  readonly source: string;
  readonly score: number;
  readonly coverage: number;
}

/** A fact some members state, with its corroboration over the whole corpus and within the story. */
export interface StoryFact extends Omit<Corroboration, "supports"> {
  /** Members of the story stating it. */
  readonly inStory: number;
}

/** Facts listed for a story at most, most stated first. */
const MAX_FACTS = 50;

interface Member {
  readonly doc: Document;
  readonly facts: SentenceFacts[];
}

/** Which members of a story derive from which (copies, rewrites, translations); only the first MAX_COMPARED members by date are read. */
export function storyDerivations(story: Story, store: Store): Derivation[] {
  const members: Member[] = story.documents.slice(0, MAX_COMPARED).flatMap((m) => {
    const stored = store.get(m.id);
    if (!stored) return [];
    const doc = restoreDocument(stored);
    return [{ doc, facts: sentenceFacts(doc) }];
  });
  const derivations: Derivation[] = [];
  for (const m of members) {
    let best: Derivation | undefined;
    for (const s of members) {
      // A source is published no later than what derives from it.
      if (s === m || (m.doc.date && s.doc.date && s.doc.date.value > m.doc.date.value)) continue;
      const a = align(m.facts, s.facts, m.doc.lang === s.doc.lang);
      if (isDerived(a) && (!best || a.score > best.score))
        best = { id: m.doc.id, source: s.doc.id, score: a.score, coverage: a.coverage };
    }
    if (best) derivations.push(best);
  }
  return derivations;
}

/** The facts the story's members state (CorpusStore.factsOf), most stated within the story first. */
export function storyFacts(story: Story, corpus: CorpusStore): StoryFact[] {
  const members = new Set(story.documents.map((d) => d.id));
  const facts = new Map<string, StoryFact>();
  for (const id of members) {
    for (const { supports, ...fact } of corpus.factsOf(id)) {
      if (facts.has(fact.fact)) continue;
      const inStory = new Set(supports.filter((s) => members.has(s.docId)).map((s) => s.docId)).size;
      facts.set(fact.fact, { ...fact, inStory });
    }
  }
  return [...facts.values()]
    .sort((a, b) => b.inStory - a.inStory || b.documents - a.documents || a.label.localeCompare(b.label))
    .slice(0, MAX_FACTS);
}
