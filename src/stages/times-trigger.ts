import * as chrono from "chrono-node";
import type { LangPack } from "../lang/packs.js";
import { alternation, perPack, WORD_START } from "./phrases.js";
import { plainChrono } from "./times-chrono.js";
import { timeVocab } from "./times-vocab.js";

/**
 * A cheap pre-scan for the times stage: chrono runs every parser's regular expression over the
 * text it gets (its cost grows with text × parsers), yet most sentences of news hold no time
 * expression. Every expression chrono or the pack rules can find holds a digit or a word of the
 * language's time vocabulary, so only sentences holding one are worth parsing.
 */

/** Shorter words are matched whole; longer ones also as prefixes ("январ" of "января"). */
const PREFIX_MIN = 4;

/** Pack classes of which one word is in every expression the pack rules or parsers find. */
const REQUIRED_CLASSES = ["unit", "lexical", "month", "season", "decade-word"] as const;

/**
 * The literal words of a chrono locale's parsers: the letter runs of their patterns, escapes and
 * character classes removed. Over-inclusive by design (optional words count too).
 */
function chronoWords(code: string): string[] {
  const parser = plainChrono(code);
  if (!parser) return [];
  const context = new chrono.ParsingContext("", new Date(0), {});
  const words = new Set<string>();
  for (const p of parser.parsers) {
    const source = p
      .pattern(context)
      .source.replace(/\\[pPuxk]\{[^}]*\}|\\[a-zA-Z]/g, " ")
      .replace(/\[(?:\\.|[^\]\\])*\]/g, " ");
    for (const m of source.toLowerCase().matchAll(/\p{L}{2,}/gu)) words.add(m[0]);
  }
  return [...words];
}

/**
 * A global pattern matching a digit or a word that a time expression of the language needs.
 * Function words and number words of chrono's patterns are left out: in every parser they stand
 * beside a unit, a month or a digit, which the pattern finds instead.
 */
export const timeTrigger = perPack((pack: LangPack | undefined): RegExp => {
  const vocab = timeVocab(pack);
  const required = REQUIRED_CLASSES.flatMap((c) =>
    // The longest word of each phrase: it is in the text wherever the phrase is.
    [...vocab.values[c].keys()].map(
      (phrase) =>
        [...phrase.matchAll(/\p{L}+/gu)].map((m) => m[0]).sort((a, b) => b.length - a.length)[0] ?? "",
    ),
  );
  const mined = (pack ? chronoWords(pack.code) : []).filter(
    (w) => !vocab.functionWords.has(w) && vocab.numbers.parseWords(w)?.length !== w.length,
  );
  const words = [...required, ...mined].filter((w) => w.length > 0);
  const whole = alternation(words.filter((w) => w.length < PREFIX_MIN));
  const prefixes = alternation(
    words.filter((w) => w.length >= PREFIX_MIN),
    false,
  );
  return new RegExp(`\\d|${WORD_START}(?:${whole}|${prefixes})`, "giu");
});

/** Where a sentence ends, approximately: enough to bound the context an expression is read in. */
const SENTENCE_END = /[.!?…]["»”’)\]]*\s+|\n\s*\n/g;

/** The sentence ends of a text (its start and end included), in order. */
export function sentenceEnds(text: string): number[] {
  const ends = [0];
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) ends.push(m.index + m[0].length);
  ends.push(text.length);
  return ends;
}

/**
 * Stretches of the text from the sentence end before each span to the one after, merged: an
 * expression is read in its own sentence, so these are all the text a parser needs.
 */
export function windowsAround(
  ends: readonly number[],
  spans: readonly { start: number; end: number }[],
): [number, number][] {
  const windows: [number, number][] = [];
  let k = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    while (k + 1 < ends.length && (ends[k + 1] as number) <= s.start) k++;
    const start = ends[k] as number;
    let j = k;
    while (j < ends.length - 1 && (ends[j] as number) < s.end) j++;
    const end = ends[j] as number;
    const last = windows.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else windows.push([start, end]);
  }
  return windows;
}

/** The sentences of a text that hold a digit or a time word, merged where adjacent. */
export function triggerWindows(pack: LangPack | undefined, text: string, ends: readonly number[]) {
  const re = timeTrigger(pack);
  const spans: { start: number; end: number }[] = [];
  re.lastIndex = 0;
  let k = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    spans.push({ start: m.index, end: m.index + m[0].length });
    // One hit per sentence is enough: go on from the next sentence.
    while (k + 1 < ends.length && (ends[k + 1] as number) <= m.index) k++;
    re.lastIndex = Math.max(re.lastIndex, ends[k + 1] ?? text.length);
  }
  return windowsAround(ends, spans);
}
