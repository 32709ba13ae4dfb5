import type { CorpusStore } from "../corpus/corpus-store.js";
import type { Document } from "../document/document.js";
import type { KnowledgeBase } from "../kb/kb.js";
import type { Store } from "../store/store.js";
import { unverifiableClaims } from "./claims.js";
import { compareValues } from "./compare.js";
import { bySeverity, type Finding } from "./finding.js";
import { checkRoles } from "./kb-roles.js";
import { SAME_STORY, unsupportedPassages } from "./passages.js";
import { findSources } from "./sources.js";
import { storyTitles } from "./story-titles.js";

/** The report of `relata check`: the document, its story, its likely sources, the findings. */
export interface CheckReport {
  readonly doc: string;
  /** The story the document was placed in, or else the story of the document it derives from. */
  readonly story: number | null;
  readonly derivedFrom: readonly { doc: string; url: string | undefined; lang: string; score: number }[];
  readonly findings: readonly Finding[];
}

/** Where the corpus's stories are looked up: a document's story, and a story's documents. */
export type StoryIndex = Pick<CorpusStore, "storyOf" | "story">;

/** Sources compared value by value. */
const COMPARED = 10;

/**
 * Every check of a document: against the knowledge base, and, given a store, against the stored
 * documents that report the same things (their values, and the paragraphs none of them has).
 * With the corpus's stories, a passage is judged against the documents of its source's story.
 */
export function checkDocument(
  doc: Document,
  kb: KnowledgeBase,
  store?: Store,
  stories?: StoryIndex,
): CheckReport {
  const storyOf = stories ? (id: string) => stories.storyOf(id) : undefined;
  const sources = store ? findSources(doc, store, kb) : [];
  // Reports of the same story, best aligned first: the likely sources a reader is shown.
  const related = sources.filter((s) => s.alignment.score >= SAME_STORY);
  const story = storyOf?.(doc.id) ?? (related[0] ? storyOf?.(related[0].doc.id) : undefined);
  const members = story === undefined ? [] : (stories?.story(story)?.documents.map((d) => d.id) ?? []);
  const findings: Finding[] = [
    ...checkRoles(
      doc,
      kb,
      store && doc.layer("roles").length > 0 ? storyTitles(store, members, doc.id) : undefined,
    ),
    ...compareValues(doc, sources.slice(0, COMPARED)),
    ...unsupportedPassages(doc, sources, storyOf),
  ];
  findings.push(...unverifiableClaims(doc, findings));
  const derivedFrom = related.slice(0, 3).map((s) => ({
    doc: s.doc.id,
    url: s.doc.url,
    lang: s.doc.lang,
    score: Number(s.alignment.score.toFixed(3)),
  }));
  return { doc: doc.id, story: story ?? null, derivedFrom, findings: findings.sort(bySeverity) };
}
