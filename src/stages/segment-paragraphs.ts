import type { ParagraphValue } from "../document/layers.js";
import type { Annotation, Span } from "../document/span.js";

/** [start, end) without its surrounding whitespace, or undefined when nothing is left. */
export function trimmed(text: string, start: number, end: number): Span | undefined {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? "")) s++;
  while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
  return s < e ? { start: s, end: e } : undefined;
}

/**
 * Paragraphs are the text's lines (one or more line breaks apart), trimmed, empty ones skipped.
 * When the text starts with the title (readers put the headline first), the title is paragraph 0 and
 * the headline, even if the body goes on after it on the same line.
 */
export function paragraphSpans(text: string, title: string | undefined): Annotation<ParagraphValue>[] {
  const out: Annotation<ParagraphValue>[] = [];
  const from = text.length - text.trimStart().length;
  const head = title?.trim();
  const headEnd = head ? from + head.length : -1;
  let lineStart = 0;
  if (head && text.startsWith(head, from) && /\s/.test(text[headEnd] ?? " ")) {
    out.push({ start: from, end: headEnd, headline: true });
    lineStart = headEnd;
  }
  const breaks = /\n+/g;
  breaks.lastIndex = lineStart;
  for (let m = breaks.exec(text); ; m = breaks.exec(text)) {
    const span = trimmed(text, lineStart, m ? m.index : text.length);
    if (span) out.push({ ...span, headline: false });
    if (!m) return out;
    lineStart = m.index + m[0].length;
  }
}
