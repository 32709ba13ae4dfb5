import type { Document } from "../document/document.js";
import type { Finding } from "./finding.js";
import type { Source } from "./sources.js";

/** Below this alignment score no source tells the same story. */
export const SAME_STORY = 0.2;
/**
 * From this score on, a source accounts for most of the suspect sentence by sentence: the suspect
 * is a copy, rewrite or translation of it, and what it adds is worth a finding. Independent
 * reports of one story each carry details of their own, and those are not findings.
 */
export const DERIVED = 0.45;

/**
 * Paragraphs of a derived suspect that no sentence of any source of its story corresponds to:
 * what the rewrite added. Without a source it derives from, nothing is said.
 */
export function unsupportedPassages(suspect: Document, sources: readonly Source[]): Finding[] {
  if (!sources.some((s) => s.alignment.score >= DERIVED)) return [];
  const story = sources.filter((s) => s.alignment.score >= SAME_STORY);
  const aligned = new Set(story.flatMap((s) => s.alignment.pairs.map((p) => p.suspect.index)));
  // A sentence naming nothing the KB knows can only be matched by its words, within one language.
  const comparable = story.some((s) => s.doc.lang === suspect.lang)
    ? () => true
    : (i: number) => (story[0]?.alignment.facts[i]?.anchors.size ?? 0) > 0;
  const headline = new Set(suspect.layer("paragraphs").flatMap((p, i) => (p.headline ? [i] : [])));
  const byParagraph = new Map<number, number[]>();
  suspect.layer("sentences").forEach((s, i) => {
    byParagraph.set(s.paragraph, [...(byParagraph.get(s.paragraph) ?? []), i]);
  });
  const paragraphs = suspect.layer("paragraphs");
  return [...byParagraph].flatMap(([p, sentences]): Finding[] => {
    const span = paragraphs[p];
    if (!span || headline.has(p) || sentences.some((i) => aligned.has(i)) || !sentences.some(comparable))
      return [];
    return [
      {
        start: span.start,
        end: span.end,
        text: suspect.text.slice(span.start, span.end),
        kind: "unsupported-passage",
        verdict: "unsupported",
        message: `no sentence of the ${story.length} source${story.length > 1 ? "s" : ""} of this story corresponds to this paragraph`,
        evidence: [],
        confidence: Math.min(0.9, 0.4 + 0.1 * story.length),
      },
    ];
  });
}
