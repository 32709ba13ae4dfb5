import type { Document } from "../document/document.js";
import type { KnowledgeBase } from "../kb/kb.js";
import type { Store } from "../store/store.js";
import { compareValues } from "./compare.js";
import { bySeverity, type Finding } from "./finding.js";
import { checkRoles } from "./kb-roles.js";
import { SAME_STORY, unsupportedPassages } from "./passages.js";
import { findSources } from "./sources.js";

/** The report of `relata check`: the document, its story (once stories land), its likely sources, the findings. */
export interface CheckReport {
  readonly doc: string;
  readonly story: string | null;
  readonly derivedFrom: readonly { doc: string; url: string | undefined; lang: string; score: number }[];
  readonly findings: readonly Finding[];
}

/** Sources compared value by value. */
const COMPARED = 10;

/**
 * Every check of a document: against the knowledge base, and, given a store, against the stored
 * documents that report the same things (their values, and the paragraphs none of them has).
 */
export function checkDocument(doc: Document, kb: KnowledgeBase, store?: Store): CheckReport {
  const findings: Finding[] = checkRoles(doc, kb);
  let derivedFrom: CheckReport["derivedFrom"] = [];
  if (store) {
    const sources = findSources(doc, store, kb);
    derivedFrom = sources
      .filter((s) => s.alignment.score >= SAME_STORY)
      .slice(0, 3)
      .map((s) => ({
        doc: s.doc.id,
        url: s.doc.url,
        lang: s.doc.lang,
        score: Number(s.alignment.score.toFixed(3)),
      }));
    findings.push(...compareValues(doc, sources.slice(0, COMPARED)), ...unsupportedPassages(doc, sources));
  }
  return { doc: doc.id, story: null, derivedFrom, findings: findings.sort(bySeverity) };
}
