import { phraseKey } from "./phrases.js";
import type { TimeVocab } from "./times-vocab.js";

const CLAUSE_BREAK = /[.!?;\n]/;

/** The clause around a span: from the previous to the next sentence-ending mark (not a decimal point). */
function clauseAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && !isBreak(text, s - 1)) s--;
  let e = end;
  while (e < text.length && !isBreak(text, e)) e++;
  return { start: s, end: e };
}

function isBreak(text: string, i: number): boolean {
  const c = text[i] as string;
  if (!CLAUSE_BREAK.test(c)) return false;
  // "1.6" and "U.S." do not end a clause.
  return !(c === "." && /\p{L}|\d/u.test(text[i + 1] ?? ""));
}

/**
 * Whether the clause around a span speaks of the future, from the pack's future cues: words
 * ("will", "wird") or verb endings ("-rà", "-ront"). News is mostly about the past, so without a
 * cue dates are resolved backwards.
 */
export function isFutureClause(vocab: TimeVocab, text: string, start: number, end: number): boolean {
  const clause = clauseAround(text, start, end);
  const words = ` ${phraseKey(text.slice(clause.start, clause.end).replace(/[^\p{L}\p{N}'’\s]+/gu, " "))} `;
  for (const cue of vocab.futureWords) if (words.includes(` ${cue} `)) return true;
  if (vocab.futureEndings.length === 0) return false;
  for (const word of words.split(" ")) {
    if (word.length < 5) continue;
    if (vocab.futureEndings.some((ending) => word.endsWith(ending))) return true;
  }
  return false;
}
