import type { LangPack } from "../lang/packs.js";

/**
 * What segmentation reads from a language pack: `abbreviations.txt` (words after which a sentence
 * goes on), `ordinal-dot.tsv` (words around an ordinal written "5.") and `quote-marks.tsv`
 * (quotation mark pairs, shared with the quotes stage). A language without a pack keeps the
 * language-independent rules: capital initials, a number opening a sentence ("1. FC Köln"),
 * brackets and the common quotation marks.
 */
export interface SegmentRules {
  /** "Mr.", "dott." and "Dott.", "dell'avv.", "J.", "U.S.": a sentence does not end after it. */
  isAbbreviation(word: string): boolean;
  /**
   * Whether `word` ("5.") is an ordinal between the words `prev` ("am"; empty when `word` opens the
   * sentence) and `next` ("August").
   */
  isOrdinal(prev: string, word: string, next: string): boolean;
  /** Opening mark → the marks that close it. */
  readonly pairs: ReadonlyMap<string, string>;
  /** Every opening and closing mark, to skip other characters fast. */
  readonly marks: ReadonlySet<string>;
}

const BRACKETS: readonly (readonly string[])[] = [
  ["(", ")"],
  ["[", "]"],
];
const COMMON_QUOTES: readonly (readonly string[])[] = [
  ["«", "»"],
  ["“", "”"],
  ["„", "“"],
  ['"', '"'],
  ["「", "」"],
  ["『", "』"],
];

/** Capital initials and dotted capitals ("J.", "U.S.", "В."), in any script with case. */
const INITIALS = /^(\p{Lu}\.)+$/u;
/** Leading punctuation and an elided article ("«Sig.", "L'On.", "dell'avv.") are not part of the word. */
const LEAD = /^[^\p{L}\p{N}]*(\p{L}+['’](?=\p{L}))?/u;
const ORDINAL = /^\p{Nd}{1,3}\.$/u;

const cache = new WeakMap<LangPack, SegmentRules>();
let packless: SegmentRules | undefined;

export function segmentRules(pack: LangPack | undefined): SegmentRules {
  if (!pack) {
    packless ??= makeRules([], [], COMMON_QUOTES);
    return packless;
  }
  let rules = cache.get(pack);
  if (!rules) {
    const quotes = pack.has("quote-marks.tsv") ? pack.table("quote-marks.tsv") : COMMON_QUOTES;
    rules = makeRules(pack.list("abbreviations.txt"), pack.table("ordinal-dot.tsv"), quotes);
    cache.set(pack, rules);
  }
  return rules;
}

function makeRules(
  abbreviations: readonly string[],
  ordinalRows: readonly (readonly string[])[],
  quotes: readonly (readonly string[])[],
): SegmentRules {
  // "z. B." holds two places where a sentence could wrongly end: each part counts.
  const abbr = new Set(abbreviations.flatMap((a) => a.split(/\s+/)));
  const around = (side: string) => new Set(ordinalRows.filter((r) => r[0] === side).map((r) => r[1]));
  const before = around("before");
  const after = around("after");
  const pairs = new Map<string, string>();
  for (const [open, close] of [...BRACKETS, ...quotes]) {
    if (open && close) pairs.set(open, (pairs.get(open) ?? "") + close);
  }
  return {
    isAbbreviation(word) {
      const w = word.replace(LEAD, "");
      return abbr.has(w) || abbr.has(w.charAt(0).toLowerCase() + w.slice(1)) || INITIALS.test(w);
    },
    isOrdinal: (prev, word, next) =>
      ORDINAL.test(word.replace(LEAD, "")) &&
      (prev === "" || before.has(prev.toLowerCase()) || after.has(next)),
    pairs,
    marks: new Set([...pairs].flatMap(([open, close]) => [open, ...close])),
  };
}
