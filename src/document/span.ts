/** A half-open range of JavaScript string indices into a document's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * A stand-off annotation: a span plus the typed fields of its layer, flattened so that
 * serialising an annotation is serialising the object. The covered text is not stored:
 * it is always `doc.text.slice(start, end)`.
 */
export type Annotation<V extends object = object> = Readonly<Span & V>;

export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

export function isValidSpan(text: string, span: Span): boolean {
  return (
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.start <= span.end &&
    span.end <= text.length
  );
}
