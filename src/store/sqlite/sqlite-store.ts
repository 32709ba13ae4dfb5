import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { contentHash, type Document, type Layers } from "../../document/document.js";
import { boundRange, dayRange } from "../date-range.js";
import type { IngestOutcome, SearchHit, SearchQuery, Store, StoredDocument, StoreStats } from "../store.js";
import { ftsQuery } from "./fts-query.js";
import { migrate, schemaVersion } from "./migrations.js";
import { prepareStatements, type Statements } from "./statements.js";

const DEFAULT_LIMIT = 20;

/**
 * Opens (creating it and its folder when missing) and migrates the SQLite database at `path`;
 * ":memory:" gives a private in-memory store.
 */
export function openSqliteStore(path: string): SqliteStore {
  if (path !== ":memory:" && path !== "") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    // Wait for another writer (an ingest running alongside a search) instead of failing at once.
    db.pragma("busy_timeout = 5000");
    db.pragma("foreign_keys = ON");
    // Before anything else writes to the file, so that a database from a newer relata is left untouched.
    migrate(db);
    db.pragma("journal_mode = WAL");
    // Safe with WAL: a power loss may lose the last transactions but never corrupts the file.
    db.pragma("synchronous = NORMAL");
    return new SqliteStore(db);
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The default store. Documents are never updated in place: a new text at a known URL is a new
 * row chained to the one it replaces, so every version stays retrievable by id, while search
 * and statistics see only the newest version of each URL.
 */
export class SqliteStore implements Store {
  private readonly statements: Statements;
  private readonly putAll: (docs: readonly Document[]) => IngestOutcome[];

  constructor(private readonly db: Database.Database) {
    this.statements = prepareStatements(db);
    this.putAll = db.transaction((docs: readonly Document[]) => docs.map((doc) => this.insert(doc)));
  }

  put(doc: Document): IngestOutcome {
    return this.putMany([doc])[0] as IngestOutcome;
  }

  putMany(docs: readonly Document[]): IngestOutcome[] {
    return this.putAll(docs);
  }

  get(id: string): StoredDocument | undefined {
    const row = this.statements.get.get(id);
    if (!row) return undefined;
    const layers: Record<string, unknown> = {};
    for (const { layer, data } of this.statements.layers.all(id)) layers[layer] = JSON.parse(data);
    return {
      id: row.id,
      url: row.url ?? undefined,
      source: row.source ?? undefined,
      lang: row.lang,
      date:
        row.date_value !== null && row.date_precision !== null
          ? { value: row.date_value, precision: row.date_precision }
          : undefined,
      title: row.title ?? undefined,
      text: row.text,
      metadata: JSON.parse(row.metadata),
      contentHash: row.content_hash,
      version: row.version,
      previousId: row.previous_id ?? undefined,
      ingestedAt: row.ingested_at,
      layers: layers as Layers,
    };
  }

  has(id: string): boolean {
    return this.statements.has.get(id) !== undefined;
  }

  /** Date bounds become day bounds and are compared with the days each document's date covers. */
  search(query: SearchQuery): SearchHit[] {
    const match = ftsQuery(query.text, query.variants);
    const limit = query.limit ?? DEFAULT_LIMIT;
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`search limit must be a positive integer, got ${limit}`);
    }
    const from = query.from ? boundRange(query.from).first : null;
    const to = query.to ? boundRange(query.to).last : null;
    if (match === undefined) return [];
    const rows = this.statements.search.all({ match, lang: query.lang ?? null, from, to, limit });
    const snippets = new Map(
      this.statements.snippets
        .all({ match, seqs: JSON.stringify(rows.map((r) => r.seq)) })
        .map((r) => [r.seq, r.snippet]),
    );
    return rows.map((row) => ({
      id: row.id,
      url: row.url ?? undefined,
      source: row.source ?? undefined,
      lang: row.lang,
      date: row.date_value ?? undefined,
      title: row.title ?? undefined,
      snippet: snippets.get(row.seq) ?? "",
      rank: row.rank,
    }));
  }

  /** Counts describe the newest versions only, except `versions`, which counts every stored row. */
  stats(): StoreStats {
    const tally = (rows: { key: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.n]));
    return {
      documents: this.statements.countLatest.get()?.n ?? 0,
      versions: this.statements.countVersions.get()?.n ?? 0,
      byLang: tally(this.statements.byLang.all()),
      bySource: tally(this.statements.bySource.all()),
      annotations: tally(this.statements.annotations.all()),
      schemaVersion: schemaVersion(this.db),
    };
  }

  close(): void {
    this.db.close();
  }

  /** One document, inside the caller's transaction. */
  private insert(doc: Document): IngestOutcome {
    if (this.has(doc.id)) return "unchanged";
    // An empty URL is no URL: it must not chain unrelated documents into versions of each other.
    const url = doc.url || null;
    const previous = url !== null ? this.statements.latestAtUrl.get(url) : undefined;
    const days = doc.date ? dayRange(doc.date) : undefined;
    const { lastInsertRowid } = this.statements.insertDocument.run({
      id: doc.id,
      url,
      source: doc.source ?? null,
      lang: doc.lang,
      dateValue: doc.date?.value ?? null,
      datePrecision: doc.date?.precision ?? null,
      dateFirst: days?.first ?? null,
      dateLast: days?.last ?? null,
      title: doc.title ?? null,
      text: doc.text,
      metadata: JSON.stringify(doc.metadata),
      contentHash: contentHash(doc.text),
      version: previous ? previous.version + 1 : 1,
      previousId: previous?.id ?? null,
      ingestedAt: new Date().toISOString(),
    });
    this.statements.insertFts.run(lastInsertRowid, doc.title ?? null, doc.text);
    for (const [layer, annotations] of Object.entries(doc.layers)) {
      this.statements.insertLayer.run(doc.id, layer, annotations.length, JSON.stringify(annotations));
    }
    return previous ? "new-version" : "added";
  }
}
