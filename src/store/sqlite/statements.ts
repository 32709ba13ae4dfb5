import type { Database } from "better-sqlite3";
import type { DatePrecision } from "../../document/date.js";

/** A documents row, as SQLite returns it. */
export interface DocumentRow {
  id: string;
  url: string | null;
  source: string | null;
  lang: string;
  date_value: string | null;
  date_precision: DatePrecision | null;
  title: string | null;
  text: string;
  metadata: string;
  content_hash: string;
  version: number;
  previous_id: string | null;
  ingested_at: string;
}

export interface DocumentParams {
  id: string;
  url: string | null;
  source: string | null;
  lang: string;
  dateValue: string | null;
  datePrecision: DatePrecision | null;
  dateFirst: string | null;
  dateLast: string | null;
  title: string | null;
  text: string;
  metadata: string;
  contentHash: string;
  version: number;
  previousId: string | null;
  ingestedAt: string;
}

export interface SearchParams {
  match: string;
  lang: string | null;
  /** The first and last day of the range, or null for an open end. */
  from: string | null;
  to: string | null;
  limit: number;
}

export interface SearchRow {
  seq: number;
  id: string;
  url: string | null;
  source: string | null;
  lang: string;
  date_value: string | null;
  title: string | null;
  rank: number;
}

interface Count {
  key: string;
  n: number;
}

/** Every statement the store runs, prepared once per connection. */
export function prepareStatements(db: Database) {
  return {
    has: db.prepare<[string], { found: 1 }>("SELECT 1 AS found FROM documents WHERE id = ?"),
    get: db.prepare<[string], DocumentRow>("SELECT * FROM documents WHERE id = ?"),
    layers: db.prepare<[string], { layer: string; data: string }>(
      "SELECT layer, data FROM layers WHERE doc_id = ? ORDER BY layer",
    ),
    latestAtUrl: db.prepare<[string], { id: string; version: number }>(
      "SELECT id, version FROM documents WHERE url = ? ORDER BY version DESC LIMIT 1",
    ),
    insertDocument: db.prepare<DocumentParams>(`
      INSERT INTO documents (id, url, source, lang, date_value, date_precision, date_first, date_last,
        title, text, metadata, content_hash, version, previous_id, ingested_at)
      VALUES (@id, @url, @source, @lang, @dateValue, @datePrecision, @dateFirst, @dateLast,
        @title, @text, @metadata, @contentHash, @version, @previousId, @ingestedAt)`),
    insertFts: db.prepare<[number | bigint, string | null, string]>(
      "INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)",
    ),
    insertLayer: db.prepare<[string, string, number, string]>(
      "INSERT INTO layers (doc_id, layer, annotation_count, data) VALUES (?, ?, ?, ?)",
    ),
    // Ranked without snippets: snippet() would run for every matching row before the sort.
    search: db.prepare<SearchParams, SearchRow>(`
      SELECT d.seq, d.id, d.url, d.source, d.lang, d.date_value, d.title, bm25(documents_fts) AS rank
      FROM documents_fts JOIN latest_documents d ON d.seq = documents_fts.rowid
      WHERE documents_fts MATCH @match
        AND (@lang IS NULL OR d.lang = @lang)
        AND (@from IS NULL OR d.date_last >= @from)
        AND (@to IS NULL OR d.date_first <= @to)
      ORDER BY rank
      LIMIT @limit`),
    /** The snippets of the rows a search returned (`seqs`: a JSON array of their rowids). */
    snippets: db.prepare<{ match: string; seqs: string }, { seq: number; snippet: string }>(`
      SELECT rowid AS seq, snippet(documents_fts, -1, '[', ']', '…', 16) AS snippet
      FROM documents_fts
      WHERE documents_fts MATCH @match AND rowid IN (SELECT value FROM json_each(@seqs))`),
    countLatest: db.prepare<[], { n: number }>("SELECT count(*) AS n FROM latest_documents"),
    countVersions: db.prepare<[], { n: number }>("SELECT count(*) AS n FROM documents"),
    byLang: db.prepare<[], Count>("SELECT lang AS key, count(*) AS n FROM latest_documents GROUP BY lang"),
    bySource: db.prepare<[], Count>(
      "SELECT source AS key, count(*) AS n FROM latest_documents WHERE source IS NOT NULL GROUP BY source",
    ),
    annotations: db.prepare<[], Count>(`
      SELECT l.layer AS key, sum(l.annotation_count) AS n
      FROM layers l JOIN latest_documents d ON d.id = l.doc_id
      GROUP BY l.layer`),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
