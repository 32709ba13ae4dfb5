import type { TokenKind, TokenValue } from "../document/layers.js";
import type { Annotation, Span } from "../document/span.js";
import { pieces, segmenter } from "./segment-intl.js";
import type { SegmentRules } from "./segment-rules.js";

/** Digits with group or decimal separators: "2024", "1,6", "2.400", "1'000". */
const NUMBER = /^\p{Nd}+(?:[.,'’\u00a0\u202f]\p{Nd}+)*$/u;
const SKIP = /^[\s\p{Cf}]*$/u;
const WORDISH = /[\p{L}\p{N}\p{M}]/u;
/** Currency, maths and other symbols, and the signs news treats as units ("%", "‰", "#"). */
const SYMBOL = /^[\p{S}%‰‱#@&]+$/u;

function kindOf(segment: string): TokenKind | undefined {
  if (SKIP.test(segment)) return undefined;
  if (NUMBER.test(segment)) return "number";
  if (WORDISH.test(segment)) return "word";
  return SYMBOL.test(segment) ? "symbol" : "punct";
}

/**
 * Tokens from Intl.Segmenter's word boundaries, sentence by sentence; whitespace is no token. The
 * dot of an abbreviation stays with it ("Mr.", "U.S.", "z.B."), which the segmenter splits off.
 */
export function tokenSpans(
  text: string,
  sentences: readonly Span[],
  lang: string,
  rules: SegmentRules,
): Annotation<TokenValue>[] {
  const seg = segmenter(lang, "word");
  const out: Annotation<TokenValue>[] = [];
  for (const sentence of sentences) {
    for (const piece of pieces(text, sentence.start, sentence.end, false)) {
      for (const { segment, index } of seg.segment(text.slice(piece.start, piece.end))) {
        const kind = kindOf(segment);
        if (!kind) continue;
        const start = piece.start + index;
        const end = start + segment.length;
        const last = out[out.length - 1];
        if (segment === "." && last?.kind === "word" && last.end === start) {
          if (rules.isAbbreviation(text.slice(last.start, end))) {
            out[out.length - 1] = { start: last.start, end, kind: "word" };
            continue;
          }
        }
        out.push({ start, end, kind });
      }
    }
  }
  return out;
}
