import type { PublishedDate } from "../document/date.js";
import type { Document, Layers } from "../document/document.js";

/** What ingesting one analysed document did. */
export type IngestOutcome =
  /** A new article. */
  | "added"
  /** The same article (same id) was already stored: nothing changed. */
  | "unchanged"
  /** An article already stored under the same URL with another text: kept as a new version. */
  | "new-version";

export interface StoredDocument {
  readonly id: string;
  readonly url: string | undefined;
  readonly source: string | undefined;
  readonly lang: string;
  readonly date: PublishedDate | undefined;
  readonly title: string | undefined;
  readonly text: string;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly contentHash: string;
  /** 1 for the first text seen at a URL, then 2, 3… */
  readonly version: number;
  /** The id of the version this one replaced, when there is one. */
  readonly previousId: string | undefined;
  readonly ingestedAt: string;
  readonly layers: Layers;
}

export interface SearchQuery {
  /** Words to find; accents and case are folded ("Moscu" finds "Moscú"). */
  readonly text: string;
  /**
   * Other spellings that count as a term of `text`, keyed by the term as typed: the same place
   * or person in other languages and scripts ("Kursk" → "Koursk", "Курск").
   */
  readonly variants?: Readonly<Record<string, readonly string[]>> | undefined;
  readonly lang?: string | undefined;
  /** Inclusive bounds on the published date, any precision ("2024", "2024-08", "2024-08-06"). */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly limit?: number | undefined;
}

export interface SearchHit {
  readonly id: string;
  readonly url: string | undefined;
  readonly source: string | undefined;
  readonly lang: string;
  readonly date: string | undefined;
  readonly title: string | undefined;
  /** A short excerpt around the match, with the matched words in [brackets]. */
  readonly snippet: string;
  /** Lower is better (FTS5 bm25). */
  readonly rank: number;
}

/** Every count but `versions` covers only the newest version of each URL. */
export interface StoreStats {
  readonly documents: number;
  /** Every stored row, replaced versions included. */
  readonly versions: number;
  readonly byLang: Readonly<Record<string, number>>;
  readonly bySource: Readonly<Record<string, number>>;
  readonly annotations: Readonly<Record<string, number>>;
  readonly schemaVersion: number;
}

/**
 * The corpus store. Small on purpose, so that a PostgreSQL implementation can follow the
 * SQLite one: every method is one logical operation and hides its SQL.
 */
export interface Store {
  /**
   * Stores one analysed document with its layers; idempotent by document id: a document already
   * stored is left as it is, layers included.
   */
  put(doc: Document): IngestOutcome;
  /** Stores several in one transaction: all of them or, on a failure, none. */
  putMany(docs: readonly Document[]): IngestOutcome[];
  get(id: string): StoredDocument | undefined;
  has(id: string): boolean;
  /**
   * Documents holding every term, newest version of each URL only, best first. A date bound keeps
   * a document whose date, at its own precision, overlaps [from, to] ("2024-08" is inside
   * from=2024-08-20); undated documents are left out once a bound is given.
   */
  search(query: SearchQuery): SearchHit[];
  stats(): StoreStats;
  close(): void;
}
