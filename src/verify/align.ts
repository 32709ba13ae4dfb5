import type { Document } from "../document/document.js";
import type { EntityValue } from "../document/layers.js";
import type { Annotation } from "../document/span.js";
import { defaultPacks } from "../lang/packs.js";
import { functionWords } from "../stages/function-words.js";
import { phraseKey } from "../stages/phrases.js";

/** What a sentence says, as comparable features: linked entities, numbers and dates in any language, words within one. */
export interface SentenceFacts {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly paragraph: number;
  /**
   * Language-independent features: `e:<kbId>` for specific entities (people, places, bodies),
   * `g:<kbId>` for the general ones every report of a region names (countries, governments,
   * groups), `n:<value><unit>`, `t:<value>`.
   */
  readonly anchors: ReadonlySet<string>;
  /** Lower-cased content words, compared only between documents of the same language. */
  readonly words: ReadonlySet<string>;
}

const WORD = /[\p{L}\p{N}]{4,}/gu;

const inside = (a: Annotation, s: Annotation) => a.start >= s.start && a.end <= s.end;

/** Countries, groups, governments and regions spanning several countries (Europe, the Middle East). */
export const isGeneral = (e: Annotation<EntityValue>) =>
  e.type === "country" ||
  (e.type === "region" && e.country === "") ||
  e.type === "group" ||
  e.metonymOf !== undefined ||
  (e.type === "organisation" && /(GOV|MED)$/.test(e.cameo));

/** General anchors weigh less: two reports naming Russia and China are not yet saying the same thing. */
const weight = (anchor: string) => (anchor.startsWith("g:") ? 0.3 : 1);

/** The facts of every sentence of an analysed document. */
export function sentenceFacts(doc: Document): SentenceFacts[] {
  const entities = doc.layer("entities");
  const amounts = doc.layer("amounts");
  const times = doc.layer("times");
  // Closed-class words say nothing alike: two texts sharing "della" and "sono" are not related.
  const closed = functionWords(defaultPacks().get(doc.lang));
  return doc.layer("sentences").map((s, index) => {
    const anchors = new Set<string>();
    for (const e of entities)
      if (e.kbId && inside(e, s)) anchors.add(`${isGeneral(e) ? "g" : "e"}:${e.kbId}`);
    // Money and percentages have language-independent units; counted nouns do not.
    for (const a of amounts) {
      if (inside(a, s) && (a.kind === "money" || a.kind === "percent")) anchors.add(`n:${a.value}${a.unit}`);
    }
    for (const t of times) if (inside(t, s) && t.type === "DATE" && !t.anchor) anchors.add(`t:${t.value}`);
    const words = new Set(
      ((doc.text.slice(s.start, s.end).toLowerCase().match(WORD) ?? []) as string[]).filter(
        (w) => !closed.has(phraseKey(w)),
      ),
    );
    return { index, start: s.start, end: s.end, paragraph: s.paragraph, anchors, words };
  });
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

const weightOf = (set: ReadonlySet<string>) => [...set].reduce((sum, x) => sum + weight(x), 0);

/**
 * Anchors in common, weighted (Dice). With `partial`, the mean of Dice and the overlap coefficient,
 * so that a short sentence restating part of a long one matches it too. Nothing when no shared
 * anchor is specific to the story: naming the same countries is not saying the same thing.
 */
function anchorSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>, partial = false): number {
  let shared = 0;
  let specific = false;
  for (const x of a) {
    if (!b.has(x)) continue;
    shared += weight(x);
    specific ||= weight(x) === 1;
  }
  if (!specific) return 0;
  const wa = weightOf(a);
  const wb = weightOf(b);
  const dice = (2 * shared) / (wa + wb);
  return partial ? (dice + shared / Math.min(wa, wb)) / 2 : dice;
}

/**
 * How alike two sentences are, 0 to 1. Across languages only the anchors count; within one
 * language the words count too, since a copy keeps most of them and a rewrite some.
 */
export function similarity(a: SentenceFacts, b: SentenceFacts, sameLanguage: boolean): number {
  const anchors = anchorSimilarity(a.anchors, b.anchors);
  if (!sameLanguage) return anchors;
  const words = dice(a.words, b.words);
  return a.anchors.size + b.anchors.size === 0 ? words : 0.4 * anchors + 0.6 * words;
}

/**
 * Whether two sentences of different reports may speak of the same thing, part of one restated in
 * the other: looser than `similarity`, for finding the other reports' statement of a date.
 */
export function mayRestate(a: SentenceFacts, b: SentenceFacts): boolean {
  return anchorSimilarity(a.anchors, b.anchors, true) >= ALIGNED;
}

/** Within one language, a sentence sharing this much of its wording with another restates it. */
const RESTATED_WORDS = 0.3;

/**
 * Whether an aligned pair is firm enough to say the source supports the suspect's sentence. A name
 * common to the whole story is not: its head of state is named in half its sentences, so an added
 * sentence about him pairs with any of them. A specific anchor (name, number, date) rare in the
 * story is, and so are two common ones, and, within one language, much of the wording.
 */
export function supports(
  pair: AlignedPair,
  sameLanguage: boolean,
  common: (anchor: string) => boolean,
): boolean {
  let strength = 0;
  for (const x of pair.suspect.anchors)
    if (weight(x) === 1 && pair.source.anchors.has(x)) strength += common(x) ? 1 : 2;
  return strength >= 2 || (sameLanguage && dice(pair.suspect.words, pair.source.words) >= RESTATED_WORDS);
}

/** Below this a sentence has no counterpart in the other document. */
export const ALIGNED = 0.35;

export interface AlignedPair {
  readonly suspect: SentenceFacts;
  readonly source: SentenceFacts;
  readonly score: number;
}

export interface Alignment {
  /** The suspect's sentences, by index. */
  readonly facts: readonly SentenceFacts[];
  /** The source's sentences, by index. */
  readonly sourceFacts: readonly SentenceFacts[];
  readonly pairs: readonly AlignedPair[];
  /** Sentences of the suspect with no counterpart in the source. */
  readonly added: readonly SentenceFacts[];
  /** Sentences of the source no sentence of the suspect corresponds to. */
  readonly dropped: readonly SentenceFacts[];
  /** Mean best similarity over the suspect's sentences: how much of it the source accounts for. */
  readonly score: number;
  /** Share of the source's sentences the suspect has a counterpart for: near 1 for a copy, even with additions. */
  readonly coverage: number;
}

/**
 * Aligns each sentence of the suspect with its most similar sentence of the source. Order is not
 * enforced: rewrites move sentences and paragraphs, and translations merge and split them.
 */
export function align(
  suspect: readonly SentenceFacts[],
  source: readonly SentenceFacts[],
  sameLanguage: boolean,
): Alignment {
  const pairs: AlignedPair[] = [];
  const added: SentenceFacts[] = [];
  const used = new Set<number>();
  let total = 0;
  for (const s of suspect) {
    let best: AlignedPair | undefined;
    for (const t of source) {
      const score = similarity(s, t, sameLanguage);
      if (score >= ALIGNED && (!best || score > best.score)) best = { suspect: s, source: t, score };
    }
    total += best?.score ?? 0;
    if (best) {
      pairs.push(best);
      used.add(best.source.index);
    } else added.push(s);
  }
  return {
    facts: suspect,
    sourceFacts: source,
    pairs,
    added,
    dropped: source.filter((t) => !used.has(t.index)),
    score: suspect.length ? total / suspect.length : 0,
    coverage: source.length ? used.size / source.length : 0,
  };
}
