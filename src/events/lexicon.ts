import { nameKey } from "../kb/normalize.js";
import type { LangPack } from "../lang/packs.js";
import { lexiconOf } from "../stages/entities-lexicon.js";
import { perPack, phraseKey } from "../stages/phrases.js";

/**
 * The event vocabulary of one language pack: trigger patterns (`event-verbs.tsv`: pattern, CAMEO
 * code, `v` verb or `n` noun; a word ending in `*` matches every word it starts, and the words of a
 * pattern may have up to two words between them) and the cue words the coder's shallow syntax
 * needs (`event-cues.tsv`: word, kind, value) beside the pack's `function-words.tsv` and
 * `negators.txt`.
 */
export interface TriggerPattern {
  /** Each word as exact form or stem (`stem: true`). */
  readonly words: ReadonlyArray<{ readonly text: string; readonly stem: boolean }>;
  readonly code: string;
  readonly noun: boolean;
}

export type CueKind =
  | "prep"
  | "genitive"
  | "agent"
  | "passive"
  | "coord"
  | "subordinator"
  | "planned"
  | "negator"
  | "locative"
  | "role"
  | "group"
  | "quantity"
  | "bracket"
  | "det";

export interface EventLexicon {
  readonly exact: ReadonlyMap<string, readonly TriggerPattern[]>;
  /** Stem patterns by their first two letters, longest stem first. */
  readonly stems: ReadonlyMap<string, readonly TriggerPattern[]>;
  readonly cues: ReadonlyMap<CueKind, ReadonlySet<string>>;
  /** Role words and the CAMEO role code they add to a country ("military" → MIL). */
  readonly roles: ReadonlyMap<string, string>;
  /** Nouns naming a group that acts with no named entity beside it ("police" → COP, "protesters" → CVL). */
  readonly groups: ReadonlyMap<string, string>;
  /** Word endings that put a verb in the future ("-rà"), from `future-cues.txt`. */
  readonly futureEndings: readonly string[];
  /** The country a word names as a nationality adjective ("ugandan", "bolivianos"), from `demonyms.tsv`. */
  readonly demonym: (word: string) => string | undefined;
}

const CUE_KINDS = new Set<string>([
  "prep",
  "genitive",
  "agent",
  "passive",
  "coord",
  "subordinator",
  "planned",
  "negator",
  "locative",
  "role",
  "group",
  "quantity",
  "bracket",
  "det",
]);

/**
 * The word a token contributes, lower case, and the elided article or preposition it starts with
 * ("dell'embargo" → "embargo", "dell'"), which the tokenizer keeps in one token.
 */
export function coreWord(
  token: string,
  functionWords: ReadonlySet<string>,
): { word: string; elided: string } {
  const word = phraseKey(token);
  const m = /^(\p{L}{1,5}')(\p{L}{2,})$/u.exec(word);
  return m?.[1] && m[2] && functionWords.has(m[1]) ? { word: m[2], elided: m[1] } : { word, elided: "" };
}

/** Words remembered by the demonym lookup before it starts afresh (a long-running server sees many). */
const MEMO_LIMIT = 50_000;

export const eventLexicon = perPack((pack: LangPack | undefined): EventLexicon => {
  const exact = new Map<string, TriggerPattern[]>();
  const stems = new Map<string, TriggerPattern[]>();
  for (const [pattern = "", code = "", pos = "v"] of pack?.table("event-verbs.tsv") ?? []) {
    if (!/^\d{2,4}$/.test(code) || !pattern)
      throw new Error(
        `${pack?.dir}/event-verbs.tsv: bad row "${pattern}\t${code}" (expected pattern, CAMEO code)`,
      );
    // The tokenizer splits at hyphens, so "couvre-feu" is matched as "couvre" then "feu".
    const words = phraseKey(pattern)
      .split(/[\s-]+/)
      .filter(Boolean)
      .map((w) => (w.endsWith("*") ? { text: w.slice(0, -1), stem: true } : { text: w, stem: false }));
    const entry: TriggerPattern = { words, code, noun: pos === "n" };
    const first = words[0];
    if (!first) continue;
    const map = first.stem ? stems : exact;
    const key = first.stem ? first.text.slice(0, 2) : first.text;
    map.set(key, [...(map.get(key) ?? []), entry]);
  }
  for (const list of stems.values())
    list.sort((a, b) => (b.words[0]?.text.length ?? 0) - (a.words[0]?.text.length ?? 0));
  const cues = new Map<CueKind, Set<string>>();
  const roles = new Map<string, string>();
  const groups = new Map<string, string>();
  const add = (kind: CueKind, word: string) =>
    cues.set(kind, (cues.get(kind) ?? new Set()).add(phraseKey(word)));
  for (const [word = "", kind = "", value = ""] of pack?.table("event-cues.tsv") ?? []) {
    if (!CUE_KINDS.has(kind))
      throw new Error(`${pack?.dir}/event-cues.tsv: unknown kind "${kind}" for "${word}"`);
    if ((kind === "role" || kind === "group") && !/^[A-Z]{3}$/.test(value))
      throw new Error(
        `${pack?.dir}/event-cues.tsv: ${kind} "${word}" needs a three-letter CAMEO code, got "${value}"`,
      );
    add(kind as CueKind, word);
    if (kind === "role") roles.set(phraseKey(word), value);
    if (kind === "group") groups.set(phraseKey(word), value);
  }
  for (const [word = "", kind = ""] of pack?.table("function-words.tsv") ?? []) {
    if (kind === "prep" || kind === "det") add(kind === "prep" ? "prep" : "det", word);
    if (kind === "conj" && !cues.get("coord")?.has(phraseKey(word))) add("subordinator", word);
  }
  for (const word of pack?.list("negators.txt") ?? []) add("negator", word);
  const future = pack?.list("future-cues.txt") ?? [];
  for (const cue of future) if (!cue.startsWith("-") && !cue.includes(" ")) add("planned", cue);
  const futureEndings = future.filter((c) => c.startsWith("-")).map((c) => c.slice(1));
  const demonyms = lexiconOf(pack).demonyms;
  // Memoised: the coder asks about the words around every unlinked name and group noun.
  const seen = new Map<string, string | undefined>();
  const demonym = (word: string) => {
    if (seen.size > MEMO_LIMIT) seen.clear();
    if (!seen.has(word)) seen.set(word, demonyms.match([nameKey(word)], 0, 1)?.value);
    return seen.get(word);
  };
  return { exact, stems, cues, roles, groups, futureEndings, demonym };
});

export function isCue(lex: EventLexicon, kind: CueKind, word: string): boolean {
  return lex.cues.get(kind)?.has(word) ?? false;
}

/** The longest pattern starting at word `i`, as [pattern, index of its last word]. */
export function matchTrigger(
  lex: EventLexicon,
  words: readonly string[],
  i: number,
): [TriggerPattern, number] | undefined {
  const first = words[i] ?? "";
  let best: [TriggerPattern, number] | undefined;
  const consider = (pattern: TriggerPattern) => {
    const last = matchRest(pattern, words, i);
    if (last !== undefined && (!best || pattern.words.length > best[0].words.length)) best = [pattern, last];
  };
  for (const pattern of lex.exact.get(first) ?? []) consider(pattern);
  for (const pattern of lex.stems.get(first.slice(0, 2)) ?? []) {
    if (first.startsWith(pattern.words[0]?.text ?? "")) consider(pattern);
  }
  return best;
}

/**
 * Later words of a pattern may follow after up to two other words ("signed a trade agreement"),
 * or, after `...` in the pattern, anywhere before the clause ends (a separable particle: "kündigte … an").
 */
const GAP = 2;
const FAR_GAP = 10;
const CLAUSE_END = /^[,;:.!?()]$/;

function matchRest(pattern: TriggerPattern, words: readonly string[], i: number): number | undefined {
  let at = i;
  let far = false;
  for (const w of pattern.words.slice(1)) {
    if (w.text === "..." && !w.stem) {
      far = true;
      continue;
    }
    let found = -1;
    for (let j = at + 1; j <= at + 1 + (far ? FAR_GAP : GAP) && j < words.length; j++) {
      const word = words[j] ?? "";
      if (CLAUSE_END.test(word)) break;
      if (w.stem ? word.startsWith(w.text) : word === w.text) {
        found = j;
        break;
      }
    }
    if (found < 0) return undefined;
    at = found;
    far = false;
  }
  return at;
}
