import type { Document } from "../document/document.js";
import type { KnowledgeBase } from "../kb/kb.js";
import { bySeverity, type Finding } from "./finding.js";
import { checkRoles } from "./kb-roles.js";

/** The report of `relata check`: the document, its story and sources (once corpus checks land), the findings. */
export interface CheckReport {
  readonly doc: string;
  readonly story: string | null;
  readonly derivedFrom: readonly { doc: string; url: string | undefined; lang: string; score: number }[];
  readonly findings: readonly Finding[];
}

/** Every check that needs only the document and the knowledge base. */
export function checkDocument(doc: Document, kb: KnowledgeBase): CheckReport {
  return { doc: doc.id, story: null, derivedFrom: [], findings: [...checkRoles(doc, kb)].sort(bySeverity) };
}
