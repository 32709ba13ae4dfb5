import type { Document } from "../document/document.js";
import { type Alignment, supports } from "./align.js";
import { afterClosingLine } from "./closing.js";
import { evidenceOf, type Finding } from "./finding.js";
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

/** The story a stored document was placed in, when the corpus has placed it. */
export type StoryOf = (docId: string) => number | undefined;

/**
 * The sources of the suspect's story: those it derives from, and the other documents of their
 * story. Without placed stories, those that account for the body the suspect shares with its
 * sources stand in for the story. Either way a report of another story that a rewrite lifted a
 * paragraph from is kept out: it matches the addition, not the body.
 */
function storySources(sources: readonly Source[], storyOf: StoryOf | undefined): Source[] {
  const derived = sources.filter((s) => isDerived(s.alignment));
  const stories = new Set(derived.map((s) => storyOf?.(s.doc.id)).filter((id) => id !== undefined));
  if (stories.size > 0)
    return sources.filter((s) => derived.includes(s) || stories.has(storyOf?.(s.doc.id) as number));
  const body = new Set(derived.flatMap((s) => s.alignment.pairs.map((p) => p.suspect.index)));
  if (body.size === 0) return [];
  return sources.filter((s) => {
    if (derived.includes(s)) return true;
    const onBody = s.alignment.pairs.filter((p) => body.has(p.suspect.index));
    return onBody.reduce((sum, p) => sum + p.score, 0) / body.size >= SAME_STORY;
  });
}

/** A pair this close with the document the suspect derives from is its counterpart, whatever it names. */
const FIRM_PAIR = 0.6;

/** A story's anchors named in this share of its sentences or more say little about any one of them. */
const COMMON_SHARE = 0.1;

/** The anchors common to the sources' sentences. */
function commonAnchors(sources: readonly Source[]): Set<string> {
  const counts = new Map<string, number>();
  let sentences = 0;
  for (const s of sources) {
    for (const facts of s.alignment.sourceFacts) {
      sentences++;
      for (const a of facts.anchors) counts.set(a, (counts.get(a) ?? 0) + 1);
    }
  }
  return new Set([...counts].filter(([, n]) => n >= COMMON_SHARE * sentences).map(([a]) => a));
}

const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? "s" : ""}`;

/**
 * Paragraphs no source supports: those of a derived suspect that no sentence of any source of its
 * story corresponds to (what the rewrite added), and those after the article's closing line that
 * no source has at all. Nothing else is said without a source the suspect derives from.
 */
export function unsupportedPassages(
  suspect: Document,
  sources: readonly Source[],
  storyOf?: StoryOf,
): Finding[] {
  const story = storySources(sources, storyOf);
  const judged = story.length > 0 ? story : sources;
  const common = commonAnchors(judged);
  const aligned = new Set(
    judged.flatMap((s) => {
      const derived = isDerived(s.alignment);
      return s.alignment.pairs
        .filter(
          (p) =>
            (derived && p.score >= FIRM_PAIR) ||
            supports(p, s.doc.lang === suspect.lang, (a) => common.has(a)),
        )
        .map((p) => p.suspect.index);
    }),
  );
  // A sentence naming nothing the KB knows can only be matched by its words, within one language.
  const comparable =
    story.length === 0 || story.some((s) => s.doc.lang === suspect.lang)
      ? () => true
      : (i: number) => (story[0]?.alignment.facts[i]?.anchors.size ?? 0) > 0;
  const paragraphs = suspect.layer("paragraphs");
  const closing = afterClosingLine(suspect);
  const closingSpan = closing ? paragraphs[closing.closing] : undefined;
  const byParagraph = new Map<number, number[]>();
  suspect.layer("sentences").forEach((s, i) => {
    byParagraph.set(s.paragraph, [...(byParagraph.get(s.paragraph) ?? []), i]);
  });
  return [...byParagraph].flatMap(([p, sentences]): Finding[] => {
    const span = paragraphs[p];
    const appended = closing?.after.includes(p) ?? false;
    if (!span || span.headline || sentences.some((i) => aligned.has(i)) || !sentences.some(comparable))
      return [];
    if (story.length === 0 && !appended) return [];
    const reasons = [
      ...(story.length > 0
        ? [`no sentence of the ${plural(story.length, "source")} of this story corresponds to this paragraph`]
        : []),
      ...(appended && closingSpan
        ? [
            `it follows the article's closing line "${suspect.text.slice(closingSpan.start, closingSpan.end)}"${
              story.length === 0
                ? `, and none of the ${plural(sources.length, "related report")} in the corpus has it`
                : ""
            }`,
          ]
        : []),
    ];
    return [
      {
        start: span.start,
        end: span.end,
        text: suspect.text.slice(span.start, span.end),
        kind: "unsupported-passage",
        verdict: "unsupported",
        message: reasons.join("; "),
        evidence: appended && closingSpan ? [evidenceOf(suspect, closingSpan)] : [],
        confidence: Math.min(0.9, (appended ? 0.5 : 0.4) + 0.1 * story.length),
      },
    ];
  });
}
