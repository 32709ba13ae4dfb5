import type { Document } from "../document/document.js";
import type { Alignment } from "./align.js";
import type { Finding } from "./finding.js";
import type { Source } from "./sources.js";

/** Below this alignment score no source tells the same story. */
export const SAME_STORY = 0.2;
/**
 * A copy, rewrite or translation has a counterpart for nearly every sentence of its source, even
 * when it adds paragraphs; independent reports of one story share some sentences, not most.
 * Measured on real-dev (docs/EVALUATION.md): altered copies cover 0.88–1.0 of their source,
 * independent reports at most 0.75 of their closest one.
 */
export function isDerived(alignment: Alignment): boolean {
  return alignment.coverage >= 0.8 && alignment.score >= 0.5;
}

/**
 * The sources of the suspect's story: those it derives from, and those that account for the body
 * it shares with them. Judging the others on the body only keeps out a report of another story
 * that a rewrite lifted a paragraph from: that report matches the addition, not the body.
 */
function storySources(sources: readonly Source[]): Source[] {
  const derived = sources.filter((s) => isDerived(s.alignment));
  const body = new Set(derived.flatMap((s) => s.alignment.pairs.map((p) => p.suspect.index)));
  if (body.size === 0) return [];
  return sources.filter((s) => {
    if (derived.includes(s)) return true;
    const onBody = s.alignment.pairs.filter((p) => body.has(p.suspect.index));
    return onBody.reduce((sum, p) => sum + p.score, 0) / body.size >= SAME_STORY;
  });
}

/**
 * Paragraphs of a derived suspect that no sentence of any source of its story corresponds to:
 * what the rewrite added. Without a source it derives from, nothing is said.
 */
export function unsupportedPassages(suspect: Document, sources: readonly Source[]): Finding[] {
  const story = storySources(sources);
  if (story.length === 0) return [];
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
