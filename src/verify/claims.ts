import type { Document } from "../document/document.js";
import { comparableAmount, comparableEvent, eventWords } from "./compare.js";
import type { Finding, FindingKind } from "./finding.js";

interface Claim {
  readonly start: number;
  readonly end: number;
  readonly kind: FindingKind;
  /** The claim in words, for the message. */
  readonly says: string;
}

/** The checkable claims of a document besides titles, which the KB check answers for each one. */
function claims(doc: Document): Claim[] {
  const text = (a: { start: number; end: number }) => doc.text.slice(a.start, a.end);
  return [
    ...doc
      .layer("times")
      .filter((t) => t.type === "DATE" && /^\d{4}/.test(t.value))
      .map((t) => ({ ...t, kind: "time" as const, says: `the date "${text(t)}" (${t.value})` })),
    ...doc
      .layer("amounts")
      .filter(comparableAmount)
      .map((a) => ({
        ...a,
        kind: "amount" as const,
        says: `the figure "${text(a)}" (${a.value} ${a.unit})`,
      })),
    ...doc
      .layer("quotes")
      .filter((q) => q.kind !== "indirect" && q.speaker?.kbId)
      .map((q) => ({ ...q, kind: "attribution" as const, says: `these words of ${q.speaker?.name}` })),
    ...doc
      .layer("events")
      .filter(comparableEvent)
      .map((e) => ({ ...e, kind: "event" as const, says: eventWords(e) })),
  ];
}

/**
 * Every claim no evidence spoke to, as unverifiable: a fact-checker must see what could not be
 * checked as well as what was, so that silence is never read as support.
 */
export function unverifiableClaims(doc: Document, findings: readonly Finding[]): Finding[] {
  const answered = new Set(findings.map((f) => `${f.kind}:${f.start}:${f.end}`));
  const seen = new Set<string>();
  return claims(doc).flatMap((c): Finding[] => {
    const key = `${c.kind}:${c.start}:${c.end}`;
    if (answered.has(key) || seen.has(key)) return [];
    seen.add(key);
    return [
      {
        start: c.start,
        end: c.end,
        text: doc.text.slice(c.start, c.end),
        kind: c.kind,
        verdict: "unverifiable",
        message: `no source sentence aligned with this one states ${c.says}, for or against`,
        evidence: [],
        confidence: 0.2,
      },
    ];
  });
}
