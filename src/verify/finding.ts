/** What the evidence says about a claim. */
export type Verdict = "contradicted" | "unsupported" | "corroborated" | "unverifiable";

/** The kind of claim a finding is about. */
export type FindingKind =
  | "role"
  | "time"
  | "amount"
  | "entity"
  | "attribution"
  | "event"
  | "unsupported-passage";

/** A passage of another document, in its own language, that supports or contradicts the claim. */
export interface DocEvidence {
  readonly doc: string;
  readonly url: string | undefined;
  readonly lang: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The characters `span` of a document (analysed or stored), as evidence in its own language. */
export function evidenceOf(
  doc: {
    readonly id: string;
    readonly url: string | undefined;
    readonly lang: string;
    readonly text: string;
  },
  span: { readonly start: number; readonly end: number },
): DocEvidence {
  return {
    doc: doc.id,
    url: doc.url,
    lang: doc.lang,
    start: span.start,
    end: span.end,
    text: doc.text.slice(span.start, span.end),
  };
}

/** A knowledge-base fact, with the source the KB keeps for it. */
export interface KbEvidence {
  readonly kb: string;
  readonly fact: string;
}

export type Evidence = DocEvidence | KbEvidence;

/** One checked claim of the document, at the characters it came from. */
export interface Finding {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: FindingKind;
  readonly verdict: Verdict;
  /** For a person, in English, naming the values compared. */
  readonly message: string;
  readonly evidence: readonly Evidence[];
  readonly confidence: number;
}

/** Report order: what a fact-checker must read first. */
export const SEVERITY: readonly Verdict[] = ["contradicted", "unsupported", "unverifiable", "corroborated"];

export function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY.indexOf(a.verdict) - SEVERITY.indexOf(b.verdict) || a.start - b.start;
}
