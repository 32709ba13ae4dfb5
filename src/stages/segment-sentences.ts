import type { ParagraphValue, SentenceValue } from "../document/layers.js";
import type { Annotation, Span } from "../document/span.js";
import { pieces, segmenter } from "./segment-intl.js";
import { trimmed } from "./segment-paragraphs.js";
import type { SegmentRules } from "./segment-rules.js";

/**
 * Sentences start from Intl.Segmenter, paragraph by paragraph (a sentence never crosses one, and the
 * headline is a sentence whole). V8 ignores ICU's abbreviation suppressions, so each break it finds
 * is checked again: it is dropped after an abbreviation or an ordinal, before a lowercase word, and
 * inside quotation marks or brackets; closing marks after a sentence end stay with that sentence.
 */
export function sentenceSpans(
  text: string,
  paragraphs: readonly Annotation<ParagraphValue>[],
  lang: string,
  rules: SegmentRules,
): Annotation<SentenceValue>[] {
  const out: Annotation<SentenceValue>[] = [];
  paragraphs.forEach((p, paragraph) => {
    if (p.headline) out.push({ start: p.start, end: p.end, paragraph });
    else for (const s of splitParagraph(text, p, lang, rules)) out.push({ ...s, paragraph });
  });
  return out;
}

function splitParagraph(text: string, para: Span, lang: string, rules: SegmentRules): Span[] {
  const seg = segmenter(lang, "sentence");
  const quotes = quoted(text, para, rules);
  const spans: Span[] = [];
  let from = para.start;
  const close = (at: number) => {
    const span = trimmed(text, from, at);
    if (span) spans.push(span);
    from = at;
  };
  const consider = (found: number) => {
    const at = pastClosers(text, found, para.end, quotes.closes);
    if (at > from && at < para.end && !quotes.covers(at) && !continues(text, from, at, rules)) close(at);
  };
  for (const piece of pieces(text, para.start, para.end, true)) {
    if (piece.sentenceCut) consider(piece.start);
    for (const { index } of seg.segment(text.slice(piece.start, piece.end))) {
      if (index > 0) consider(piece.start + index);
    }
  }
  close(para.end);
  return spans;
}

/** Closing marks (after spaces, as in French "fin. »") that follow a break belong before it. */
function pastClosers(text: string, at: number, end: number, closes: ReadonlySet<number>): number {
  let i = at;
  for (;;) {
    let j = i;
    while (j < end && /\s/.test(text[j] ?? "")) j++;
    if (!closes.has(j)) return i;
    i = j + 1;
  }
}

/** Whether the sentence goes on across the break at `at`: abbreviation, ordinal or lowercase next. */
function continues(text: string, from: number, at: number, rules: SegmentRules): boolean {
  const [, first = "", rest = ""] = /^\s*(\S)(\p{L}*\.?)/u.exec(text.slice(at, at + 40)) ?? [];
  if (/\p{Ll}/u.test(first)) return true;
  // The last two words before the break; `prev` is empty when `last` opens the sentence.
  const [, prev = "", last = ""] =
    /(?:(\S+)\s+)?(\S+)$/u.exec(text.slice(Math.max(from, at - 60), at).trimEnd()) ?? [];
  if (!last.endsWith(".")) return false;
  return rules.isAbbreviation(last) || rules.isOrdinal(prev, last, first + rest);
}

interface Quoted {
  /** Whether a break at `at` falls inside a pair of marks. */
  covers(at: number): boolean;
  /** Positions of the closing marks of matched pairs. */
  readonly closes: ReadonlySet<number>;
}

/** How deep a closing mark looks for its opener: unmatched marks below that are given up. */
const MAX_DEPTH = 4;

/** Matched quotation marks and brackets in a paragraph; an unmatched mark opens nothing. */
function quoted(text: string, para: Span, { pairs, marks }: SegmentRules): Quoted {
  const stack: { mark: string; at: number }[] = [];
  const regions: [number, number][] = [];
  const closes = new Set<number>();
  for (let i = para.start; i < para.end; i++) {
    const c = text[i] ?? "";
    if (!marks.has(c)) continue;
    const k = openerOf(stack, c, pairs);
    if (k >= 0) {
      regions.push([stack[k]?.at ?? i, i]);
      closes.add(i);
      stack.length = k;
    } else if (pairs.has(c)) stack.push({ mark: c, at: i });
  }
  // Pairs nest or follow each other: the outermost ones, in order, answer `covers`.
  regions.sort((a, b) => a[0] - b[0]);
  const outer: [number, number][] = [];
  for (const r of regions) {
    const last = outer[outer.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else outer.push(r);
  }
  return {
    closes,
    covers(at) {
      let lo = 0;
      let hi = outer.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const [open, end] = outer[mid] ?? [0, 0];
        if (at <= open) hi = mid - 1;
        else if (at > end) lo = mid + 1;
        else return true;
      }
      return false;
    },
  };
}

function openerOf(stack: readonly { mark: string }[], c: string, pairs: ReadonlyMap<string, string>): number {
  for (let k = stack.length - 1; k >= Math.max(0, stack.length - MAX_DEPTH); k--) {
    if (pairs.get(stack[k]?.mark ?? "")?.includes(c)) return k;
  }
  return -1;
}
