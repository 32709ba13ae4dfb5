import type { LangPack } from "../lang/packs.js";
import { type FunctionKind, functionWords } from "./function-words.js";
import { alternation, perPack, phraseMap, WORD_START } from "./phrases.js";

/**
 * The reported-speech vocabulary of a language: `quote-marks.tsv`, `reporting-verbs.txt`,
 * `attribution.tsv` and the function words that tell a subject from a prepositional object.
 */
export interface QuoteVocab {
  readonly pairs: ReadonlyArray<readonly [string, string]>;
  readonly functionWords: ReadonlyMap<string, FunctionKind>;
  /** Reporting verbs ("said", "ha dichiarato" through "dichiarato"). */
  readonly cue: RegExp;
  /** Phrases before a relaying source ("secondo", "according to"). */
  readonly via: RegExp;
  /** Phrases after it ("zufolge"). */
  readonly viaAfter: RegExp;
  /** Right after a cue: an addressee at most, then a complementiser ("told reporters that", "sagte, dass"). */
  readonly thatAfterCue: RegExp;
  /** Whether a reporting verb may take a clause without a complementiser (English, German). */
  readonly bareClause: boolean;
  /** Nouns that make a relaying party a medium or a record ("media", "agenzia", "dati"). */
  readonly sources: RegExp;
  readonly sourceWords: ReadonlyMap<string, string>;
}

const global = (source: string) => new RegExp(`${WORD_START}${source}`, "giu");

export const quoteVocab = perPack((pack: LangPack | undefined): QuoteVocab => {
  const attribution = pack?.table("attribution.tsv") ?? [];
  const of = (kind: string) => attribution.filter((r) => r[0] === kind && r[1]).map((r) => r[1] as string);
  return {
    pairs: (pack?.table("quote-marks.tsv") ?? [])
      .filter((r) => r[0] && r[1])
      .map((r) => [r[0] as string, r[1] as string] as const),
    functionWords: functionWords(pack),
    cue: global(alternation(pack?.list("reporting-verbs.txt") ?? [])),
    via: global(alternation(of("via"))),
    viaAfter: global(alternation(of("via-after"))),
    thatAfterCue: new RegExp(
      `^(?:\\s+[\\p{L}'’-]+){0,3}?,?\\s*${WORD_START}${alternation(of("that"))}\\s*`,
      "iu",
    ),
    bareClause: of("bare-clause").includes("yes"),
    sources: global(alternation(of("source"))),
    sourceWords: phraseMap(of("source").map((w) => [w, w] as const)),
  };
});

/** Every match of a global pattern in a range of the text. */
export function matchesIn(
  re: RegExp,
  text: string,
  start: number,
  end: number,
): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  re.lastIndex = start;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (m.index + m[0].length <= end) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}
