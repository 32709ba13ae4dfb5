import { createHash } from "node:crypto";
import type { KnowledgeBase } from "../kb/kb.js";
import type { CheckReport } from "./check.js";

/** A stored check report, and whether evidence has changed since it was computed. */
export interface StoredCheck {
  readonly report: CheckReport;
  readonly checkedAt: string;
  /** True when the story gained a document, the document moved story, or the KB changed since. */
  readonly stale: boolean;
}

/** Counts of stored findings over the corpus, by verdict. */
export type VerdictCounts = Readonly<Record<string, number>>;

/**
 * The stored reports of `relata check`. A report is kept with what it was computed against, so
 * that it can say when new evidence has arrived and be recomputed then, and never before.
 */
export interface CheckStore {
  get(docId: string): StoredCheck | undefined;
  /** Stores the report of a stored document, replacing its previous one. */
  save(report: CheckReport): void;
  /** Stored documents (newest version of each URL) never checked or whose check went stale, in storage order. */
  due(): string[];
  verdicts(): VerdictCounts;
  close(): void;
}

/** What a check is computed with besides the corpus: the KB, told apart by its contents' counts. */
export function checkBasis(kb: KnowledgeBase): string {
  return createHash("sha256").update(JSON.stringify(kb.stats())).digest("hex").slice(0, 16);
}
