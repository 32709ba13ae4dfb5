import type { TokenValue } from "../../document/layers.js";
import type { Annotation, Span } from "../../document/span.js";

/** A word as the dictionaries spell it (upper case, Treebank clitics split off) with its span in the text. */
export interface Word extends Span {
  readonly w: string;
}

/**
 * The sentence's relata tokens as PETRARCH-style words: hyphenated compounds rejoined ("BARAD-DUR",
 * "ANTI-" before a blank), and "n't" and possessive "'s" split off as Treebank does ("DID", "N'T";
 * "GONDOR", "'S"), since the dictionaries are written against that tokenisation.
 */
export function sentenceWords(
  text: string,
  sentence: Span,
  tokens: readonly Annotation<TokenValue>[],
): Word[] {
  const inside = tokens.filter((t) => t.start >= sentence.start && t.end <= sentence.end);
  const merged: { start: number; end: number }[] = [];
  for (const t of inside) {
    const last = merged[merged.length - 1];
    const prevText = last ? text.slice(last.start, last.end) : "";
    const piece = text.slice(t.start, t.end);
    const joins =
      last && last.end === t.start && (piece === "-" || prevText.endsWith("-")) && /\w/.test(prevText);
    if (joins && last) last.end = t.end;
    else merged.push({ start: t.start, end: t.end });
  }
  const out: Word[] = [];
  // Text may spell a dictionary phrase with underscores ("Dol_Amroth"): those are word breaks.
  const pieces = merged.flatMap(({ start, end }) => {
    const parts: Span[] = [];
    let at = start;
    for (const part of text.slice(start, end).split("_")) {
      if (part) parts.push({ start: at, end: at + part.length });
      at += part.length + 1;
    }
    return parts;
  });
  for (const { start, end } of pieces) {
    const raw = text.slice(start, end).replace(/[’‘]/g, "'");
    const upper = raw.toUpperCase();
    const clitic = /^(.+?)(N'T|'S|')$/.exec(upper);
    if (clitic && /[A-Z]/.test(clitic[1] ?? "")) {
      const cut = end - (clitic[2] ?? "").length;
      out.push(
        { w: clitic[1] ?? "", start, end: cut },
        { w: clitic[2] === "'" ? "'S" : (clitic[2] ?? ""), start: cut, end },
      );
    } else out.push({ w: upper, start, end });
  }
  return out;
}
