import type { LangPack } from "../lang/packs.js";
import { type FunctionKind, functionWords } from "./function-words.js";
import { type NumberReader, numberReader } from "./numbers.js";
import { alternation, perPack, phraseKey, phraseMap } from "./phrases.js";
import { isTimeUnit, type TimeUnit } from "./timex.js";

/**
 * The time vocabulary of a language, compiled once from its pack: `time-words.tsv` (kind, phrase,
 * value), `modifiers.tsv`, `future-cues.txt` and `not-times.txt`. Rules read phrase classes as
 * regex sources (`re`) and look matched phrases up in maps keyed by `phraseKey`.
 */
export type TimexMod =
  | "START"
  | "MID"
  | "END"
  | "MORE_THAN"
  | "LESS_THAN"
  | "APPROX"
  | "EQUAL_OR_MORE"
  | "EQUAL_OR_LESS";

const SYMBOL_MOD: Record<string, TimexMod> = {
  ">": "MORE_THAN",
  "<": "LESS_THAN",
  "~": "APPROX",
  "≥": "EQUAL_OR_MORE",
  "≤": "EQUAL_OR_LESS",
};

export type Season = "SP" | "SU" | "FA" | "WI";

/** Phrase classes of time-words.tsv that rules combine; each is a regex alternation source. */
const CLASSES = [
  "unit",
  "indef",
  "some",
  "ago-before",
  "ago-after",
  "later-before",
  "later-after",
  "last",
  "this",
  "next",
  "det",
  "of",
  "range-from",
  "range-to",
  "every",
  "year-cue",
  "season-cue",
  "season",
  "decade-cue",
  "decade-word",
  "decade-suffix",
  "edge",
  "lexical",
  "month",
] as const;
type TimeWordClass = (typeof CLASSES)[number];

export interface TimeVocab {
  readonly numbers: NumberReader;
  readonly functionWords: ReadonlyMap<string, FunctionKind>;
  /** Regex source per phrase class (never-matching when the pack has none). */
  readonly re: Readonly<Record<TimeWordClass | "modifier" | "number", string>>;
  /** Values of the phrases of each class, by phrase key. */
  readonly values: Readonly<Record<TimeWordClass, ReadonlyMap<string, string>>>;
  readonly modifiers: ReadonlyMap<string, TimexMod>;
  /** Phrases the pack writes capitalised ("May", "Juli"): written in lower case they are other words. */
  readonly capitalised: ReadonlySet<string>;
  readonly futureWords: ReadonlySet<string>;
  readonly futureEndings: readonly string[];
  readonly notTimes: readonly RegExp[];
}

function compileNotTimes(pack: LangPack | undefined): RegExp[] {
  const out: RegExp[] = [];
  for (const line of pack?.list("not-times.txt") ?? []) {
    try {
      out.push(new RegExp(line, "uy"));
    } catch {
      // A malformed pattern in a pack must not stop analysis; it simply filters nothing.
    }
  }
  return out;
}

export const timeVocab = perPack((pack: LangPack | undefined): TimeVocab => {
  const rows = pack?.table("time-words.tsv") ?? [];
  const re = {} as Record<TimeWordClass | "modifier" | "number", string>;
  const values = {} as Record<TimeWordClass, Map<string, string>>;
  for (const kind of CLASSES) {
    const mine = rows.filter((r) => r[0] === kind && r[1]);
    re[kind] = alternation(mine.map((r) => r[1] as string));
    values[kind] = phraseMap(mine.map((r) => [r[1] as string, r[2] ?? ""] as const));
  }
  const modifierRows = (pack?.table("modifiers.tsv") ?? []).filter(
    (r) => r[0] && r[1] && SYMBOL_MOD[r[1]] && r[2] !== "after",
  );
  re.modifier = alternation(modifierRows.map((r) => r[0] as string));
  const numbers = numberReader(pack);
  re.number = numbers.pattern;
  const future = pack?.list("future-cues.txt") ?? [];
  return {
    numbers,
    functionWords: functionWords(pack),
    re,
    values,
    capitalised: new Set(
      rows.filter((r) => /^\p{Lu}/u.test(r[1] ?? "")).map((r) => phraseKey(r[1] as string)),
    ),
    modifiers: phraseMap(
      modifierRows.map((r) => [r[0] as string, SYMBOL_MOD[r[1] as string] as TimexMod] as const),
    ),
    futureWords: new Set(future.filter((w) => !w.startsWith("-")).map(phraseKey)),
    futureEndings: future
      .filter((w) => w.startsWith("-") && w.length > 1)
      .map((w) => w.slice(1).toLowerCase()),
    notTimes: compileNotTimes(pack),
  };
});

/** The time unit a matched unit word names. */
export function unitOf(vocab: TimeVocab, word: string): TimeUnit | undefined {
  const code = vocab.values.unit.get(phraseKey(word));
  return code && isTimeUnit(code) ? code : undefined;
}

/**
 * The amount a matched quantity phrase stands for: a number, 1 for an indefinite article
 * ("a month"), "X" for a vague quantity ("a few", "alcuni").
 */
export function amountOf(vocab: TimeVocab, phrase: string): number | "X" | undefined {
  const key = phraseKey(phrase);
  if (vocab.values.indef.has(key)) return 1;
  if (vocab.values.some.has(key)) return "X";
  const digits = vocab.numbers.parseDigits(phrase);
  if (digits) return digits.value;
  const words = vocab.numbers.parseWords(phrase);
  return words && words.length === phrase.length ? words.value : undefined;
}
