import type { Span } from "../document/span.js";

/** A stretch of text in quotation marks (or after a dialogue dash): the marks and the words inside. */
export interface Quoted {
  /** From the opening mark to the closing mark included. */
  readonly outer: Span;
  /** The quoted words, trimmed. */
  readonly inner: Span;
  readonly dash: boolean;
}

const SPACE = /\s/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MAX_QUOTE = 3000;

function opensHere(text: string, i: number, symmetric: boolean): boolean {
  const before = text[i - 1] ?? " ";
  const after = text[i + 1] ?? " ";
  if (SPACE.test(after) && symmetric) return false;
  // An opening mark follows a space, a bracket, a dash or another mark, never a letter ("l’Ucraina").
  return !LETTER_OR_DIGIT.test(before);
}

function closesHere(text: string, i: number, symmetric: boolean): boolean {
  const before = text[i - 1] ?? " ";
  const after = text[i + 1] ?? " ";
  if (symmetric && SPACE.test(before)) return false;
  return !LETTER_OR_DIGIT.test(after);
}

function trimmed(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && SPACE.test(text[s] as string)) s++;
  while (e > s && SPACE.test(text[e - 1] as string)) e--;
  return { start: s, end: e };
}

/**
 * Quotations in a text for the given mark pairs: each opening mark is closed by the nearest
 * closing mark of its pair in the same paragraph; an opening mark never closed is left alone
 * (unbalanced marks make no quote, and never an error). Quotes inside a quote are not separate.
 */
export function findQuoted(text: string, pairs: ReadonlyArray<readonly [string, string]>): Quoted[] {
  const out: Quoted[] = [];
  const closersOf = new Map<string, string[]>();
  for (const [open, close] of pairs) closersOf.set(open, [...(closersOf.get(open) ?? []), close]);
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    const closers = closersOf.get(ch);
    let found: Quoted | undefined;
    if (closers) {
      const limit = paragraphEnd(text, i, MAX_QUOTE);
      for (const close of closers) {
        const symmetric = close === ch;
        if (!opensHere(text, i, symmetric)) continue;
        for (let j = i + 1; j < limit; j++) {
          if (text[j] === close && closesHere(text, j, symmetric)) {
            const inner = trimmed(text, i + 1, j);
            if (inner.end > inner.start && (!found || j + 1 < found.outer.end)) {
              found = { outer: { start: i, end: j + 1 }, inner, dash: false };
            }
            break;
          }
        }
      }
    }
    if (found) {
      out.push(found);
      i = found.outer.end;
    } else {
      i++;
    }
  }
  return [...out, ...dialogueDashes(text)].sort((a, b) => a.outer.start - b.outer.start);
}

function paragraphEnd(text: string, from: number, max: number): number {
  const blank = /\n\s*\n/g;
  blank.lastIndex = from;
  const m = blank.exec(text);
  return Math.min(m ? m.index : text.length, from + max);
}

/** Paragraphs that open with a dash, as Spanish and French write dialogue: "—Ganaremos —dijo—." */
function dialogueDashes(text: string): Quoted[] {
  const out: Quoted[] = [];
  for (const m of text.matchAll(/(^|\n)[ \t]*([—―–])[ \t]*(?=\S)/g)) {
    const open =
      (m.index ?? 0) + (m[1] ?? "").length + m[0].slice((m[1] ?? "").length).indexOf(m[2] as string);
    const lineEnd = text.indexOf("\n", open);
    const end = lineEnd < 0 ? text.length : lineEnd;
    const next = text.slice(open + 1, end).search(/\s[—―–]/);
    const close = next < 0 ? end : open + 1 + next;
    const inner = trimmed(text, open + 1, close);
    if (inner.end > inner.start) out.push({ outer: { start: open, end: close }, inner, dash: true });
  }
  return out;
}
