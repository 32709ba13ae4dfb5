import { phraseKey } from "./phrases.js";
import type { TimeVocab, TimexMod } from "./times-vocab.js";
import type { Granularity } from "./timex.js";

export type TimexType = "DATE" | "TIME" | "DURATION" | "SET";

/** A time expression found by one source (chrono or a pack rule) before candidates are merged. */
export interface TimeCandidate {
  readonly start: number;
  readonly end: number;
  readonly type: TimexType;
  readonly value: string;
  readonly mod?: TimexMod;
  /** The value depends on the reference date (relative expressions, year-less dates, weekdays). */
  readonly anchored: boolean;
  /** For single points in time: what composition rules need to re-resolve them. */
  readonly point?: { readonly date: Date; readonly granularity: Granularity; readonly yearImplied: boolean };
}

/**
 * Keeps the longest of overlapping candidates (the earlier source wins a tie), so that
 * "due mesi fa" beats the duration "due mesi" inside it.
 */
export function longestFirst(candidates: readonly TimeCandidate[]): TimeCandidate[] {
  const ranked = candidates
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.end - b.c.start - (a.c.end - a.c.start) || a.i - b.i);
  const kept: TimeCandidate[] = [];
  for (const { c } of ranked) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Whether the pack's `not-times.txt` says a candidate is no time: a pattern matches exactly its
 * text, lookarounds reading the context ("Mezzogiorno", "22-year" before "-old").
 */
export function isNotTime(vocab: TimeVocab, text: string, c: Pick<TimeCandidate, "start" | "end">): boolean {
  return vocab.notTimes.some((re) => {
    re.lastIndex = c.start;
    return re.test(text) && re.lastIndex === c.end;
  });
}

/**
 * A candidate without the preposition chrono takes in ("on Friday" → "Friday"): TIMEX3 leaves
 * prepositions out. Words that make the expression ("vor", "hace") stay.
 */
export function withoutPreposition(vocab: TimeVocab, text: string, c: TimeCandidate): TimeCandidate {
  const m = /^([\p{L}]+)\s+(?=\S)/u.exec(text.slice(c.start, c.end));
  if (!m) return c;
  const word = phraseKey(m[1] as string);
  if (vocab.functionWords.get(word) !== "prep" || vocab.values["ago-before"].has(word)) return c;
  return { ...c, start: c.start + m[0].length };
}
