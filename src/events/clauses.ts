import { type EventLexicon, isCue } from "./lexicon.js";

/** Shallow syntax over a sentence's words: clauses, subordination, the preposition before a phrase. */

/** One token as the coder reads it. */
export interface Word {
  readonly start: number;
  readonly end: number;
  readonly word: string;
  /** An elided article or preposition the token starts with ("dell'"). */
  readonly elided: string;
  readonly punct: boolean;
}

/** How many words a preposition may stand before the actor it governs ("con il premier russo X"). */
const PREP_REACH = 4;
const CLAUSE_PUNCT = /^[,;:()\u2013\u2014]$/;

/** Clause number of each word: a new clause starts after clause punctuation and at a subordinator. */
export function clauseIndex(words: readonly Word[], lex: EventLexicon): number[] {
  let clause = 0;
  return words.map((w, i) => {
    if (i > 0 && (CLAUSE_PUNCT.test(words[i - 1]?.word ?? "") || isCue(lex, "subordinator", w.word)))
      clause++;
    return clause;
  });
}

/**
 * A clause that cannot share the sentence's main subject: one opened by a subordinator, or a later
 * clause opened by a preposition (", after the imposition of sanctions"). A fronted prepositional
 * phrase ("During his meeting with X, Y said") does share it.
 */
export function startsSubordinate(
  words: readonly Word[],
  clauses: readonly number[],
  clause: number,
  lex: EventLexicon,
): boolean {
  const first = words[clauses.indexOf(clause)];
  const word = first?.elided || first?.word || "";
  return isCue(lex, "subordinator", word) || (clause > 0 && isCue(lex, "prep", word));
}

/** The preposition governing the noun phrase that starts at `first`, or "" (a subject or object). */
export function governingPrep(words: readonly Word[], first: number, lex: EventLexicon): string {
  // "hundreds of farmers", "des centaines d'agriculteurs": the counted group is the phrase's head.
  const counted = (j: number) => isCue(lex, "quantity", words[j]?.word ?? "");
  const elided = words[first]?.elided ?? "";
  if (elided && isCue(lex, "genitive", elided) && counted(first - 1)) return "";
  if (elided && !isCue(lex, "det", elided)) return elided;
  for (let j = first - 1; j >= 0 && j >= first - PREP_REACH; j--) {
    const w = words[j]?.word ?? "";
    if (isCue(lex, "genitive", w) && counted(j - 1)) return "";
    // "the president of France": a genitive after a role word names whose officer it is, not an oblique.
    if (isCue(lex, "genitive", w) && lex.roles.has(words[j - 1]?.word ?? "")) return "";
    if (
      isCue(lex, "prep", w) ||
      isCue(lex, "genitive", w) ||
      isCue(lex, "agent", w) ||
      isCue(lex, "locative", w)
    )
      return w;
    if (
      words[j]?.punct ||
      isCue(lex, "coord", w) ||
      isCue(lex, "subordinator", w) ||
      isCue(lex, "passive", w)
    )
      return "";
  }
  return "";
}
