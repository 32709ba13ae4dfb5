import type { ToneValue } from "../document/layers.js";
import type { Stage } from "../document/pipeline.js";
import type { Annotation, Span } from "../document/span.js";
import type { LangPack } from "../lang/packs.js";
import { perPack, phraseKey } from "./phrases.js";

/**
 * Tone as GDELT reports it: the share of positive and of negative words, their difference
 * (tone) and their sum (polarity), in percent of all words, from per-language lexicons
 * (`tone-positive.txt`, `tone-negative.txt`; an entry ending in `*` matches every word it
 * starts) with negation (`negators.txt`: a negator flips the next sentiment word within three
 * words of the same clause). Words are split at apostrophes ("l'accordo" → "l", "accordo"). Lexicon tone is a weak signal, labelled as such; the labelled sets in eval/gold/tone
 * measure how often its sign is right.
 */

/** How many words after a negator its scope reaches; a clause break ends it sooner. */
const NEGATION_SCOPE = 3;
const WORD_OR_BREAK = /[\p{L}\p{N}]+|[,;:.!?]/gu;

interface Lexicon {
  readonly exact: ReadonlyMap<string, 1 | -1>;
  /** Stems by their first two letters, so a word is tried against few of them. */
  readonly stems: ReadonlyMap<string, ReadonlyArray<readonly [string, 1 | -1]>>;
  readonly negators: ReadonlySet<string>;
}

const lexicon = perPack((pack: LangPack | undefined): Lexicon => {
  const exact = new Map<string, 1 | -1>();
  const stems = new Map<string, Array<readonly [string, 1 | -1]>>();
  const add = (file: string, sign: 1 | -1) => {
    for (const entry of pack?.list(file) ?? []) {
      const key = phraseKey(entry);
      if (key.endsWith("*")) {
        const stem = key.slice(0, -1);
        const bucket = stems.get(stem.slice(0, 2)) ?? [];
        bucket.push([stem, sign]);
        stems.set(stem.slice(0, 2), bucket);
      } else exact.set(key, sign);
    }
  };
  add("tone-positive.txt", 1);
  add("tone-negative.txt", -1);
  for (const bucket of stems.values()) bucket.sort((a, b) => b[0].length - a[0].length);
  return { exact, stems, negators: new Set((pack?.list("negators.txt") ?? []).map(phraseKey)) };
});

function signOf(lex: Lexicon, word: string): 1 | -1 | 0 {
  const exact = lex.exact.get(word);
  if (exact) return exact;
  for (const [stem, sign] of lex.stems.get(word.slice(0, 2)) ?? []) if (word.startsWith(stem)) return sign;
  return 0;
}

export interface ToneCounts {
  words: number;
  positive: number;
  negative: number;
}

/** Positive, negative and total words of a stretch of text. */
export function countTone(pack: LangPack | undefined, text: string): ToneCounts {
  const lex = lexicon(pack);
  const counts: ToneCounts = { words: 0, positive: 0, negative: 0 };
  let negatedFor = 0;
  for (const m of text.matchAll(WORD_OR_BREAK)) {
    if (!/[\p{L}\p{N}]/u.test(m[0])) {
      negatedFor = 0;
      continue;
    }
    const word = phraseKey(m[0]);
    counts.words++;
    if (lex.negators.has(word)) {
      negatedFor = NEGATION_SCOPE;
      continue;
    }
    let sign = signOf(lex, word);
    if (sign !== 0 && negatedFor > 0) {
      sign = sign === 1 ? -1 : 1;
      negatedFor = 0;
    }
    if (sign === 1) counts.positive++;
    else if (sign === -1) counts.negative++;
    if (negatedFor > 0) negatedFor--;
  }
  return counts;
}

const round = (x: number) => Math.round(x * 100) / 100;

export function toneValue(scope: ToneValue["scope"], c: ToneCounts): ToneValue {
  const share = (n: number) => (c.words === 0 ? 0 : (100 * n) / c.words);
  const positive = share(c.positive);
  const negative = share(c.negative);
  return {
    scope,
    tone: round(positive - negative),
    positive: round(positive),
    negative: round(negative),
    polarity: round(positive + negative),
    words: c.words,
    signal: "weak",
  };
}

/** One annotation for the whole document, then one per sentence. */
export function findTone(
  pack: LangPack | undefined,
  text: string,
  sentences: readonly Span[],
): Annotation<ToneValue>[] {
  const total: ToneCounts = { words: 0, positive: 0, negative: 0 };
  const perSentence = sentences.map((s) => {
    const c = countTone(pack, text.slice(s.start, s.end));
    total.words += c.words;
    total.positive += c.positive;
    total.negative += c.negative;
    return { start: s.start, end: s.end, ...toneValue("sentence", c) };
  });
  const whole = sentences.length ? total : countTone(pack, text);
  return [{ start: 0, end: text.length, ...toneValue("document", whole) }, ...perSentence];
}

export const toneStage: Stage = {
  name: "tone",
  reads: ["sentences"],
  writes: ["tone"],
  run(doc, resources) {
    return doc.withLayer("tone", findTone(resources.packs.get(doc.lang), doc.text, doc.layer("sentences")));
  },
};
