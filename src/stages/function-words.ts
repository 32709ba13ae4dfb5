import type { LangPack } from "../lang/packs.js";
import { perPack, phraseMap } from "./phrases.js";

/** Closed-class words of a language (`function-words.tsv`), by phrase key. */
export type FunctionKind = "det" | "prep" | "conj" | "aux" | "pron";

export const functionWords = perPack(
  (pack: LangPack | undefined): ReadonlyMap<string, FunctionKind> =>
    phraseMap(
      (pack?.table("function-words.tsv") ?? []).map(
        (r) => [r[0] ?? "", (r[1] ?? "") as FunctionKind] as const,
      ),
    ),
);

/** The word right after a position, if one follows after spaces only. */
export function nextWord(text: string, from: number): string | undefined {
  return /^\s*([\p{L}'’-]+)/u.exec(text.slice(from, from + 40))?.[1];
}
