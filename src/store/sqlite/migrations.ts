import type { Database } from "better-sqlite3";

/**
 * The schema, as the ordered steps that build it. A migration's position in the list is its
 * version (the first is 1), recorded in PRAGMA user_version: append new steps, never edit or
 * reorder released ones, since databases in the field have already run them.
 */
export interface Migration {
  readonly description: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    description: "documents with versions per URL, annotation layers, accent-folding full-text index",
    sql: `
      -- seq is the stable rowid the full-text index refers to (an implicit rowid may change on VACUUM).
      CREATE TABLE documents (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        url TEXT,
        source TEXT,
        lang TEXT NOT NULL CHECK (lang <> ''),
        date_value TEXT,
        date_precision TEXT CHECK (date_precision IN ('year', 'month', 'day', 'time')),
        -- The days the published date may denote, so that date filters work at any precision.
        date_first TEXT,
        date_last TEXT,
        title TEXT,
        text TEXT NOT NULL,
        metadata TEXT NOT NULL CHECK (json_valid(metadata)),
        content_hash TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        previous_id TEXT REFERENCES documents (id),
        ingested_at TEXT NOT NULL,
        UNIQUE (url, version),
        CHECK ((date_value IS NULL) = (date_precision IS NULL))
      ) STRICT;
      -- Unique: versions of a URL form a single chain, so a version is replaced at most once.
      CREATE UNIQUE INDEX documents_previous_id ON documents (previous_id);
      CREATE INDEX documents_content_hash ON documents (content_hash);
      CREATE INDEX documents_lang ON documents (lang);
      CREATE INDEX documents_date ON documents (date_first, date_last);

      -- The newest version of each URL, and every document that has no URL.
      CREATE VIEW latest_documents AS
        SELECT d.* FROM documents d
        WHERE NOT EXISTS (SELECT 1 FROM documents n WHERE n.previous_id = d.id);

      CREATE TABLE layers (
        doc_id TEXT NOT NULL REFERENCES documents (id),
        layer TEXT NOT NULL,
        -- The length of the data array, so that statistics need not parse JSON.
        annotation_count INTEGER NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data)),
        PRIMARY KEY (doc_id, layer)
      ) STRICT, WITHOUT ROWID;

      -- External content: the text lives once, in documents; rows are added with them and never change.
      CREATE VIRTUAL TABLE documents_fts USING fts5 (
        title, text,
        content = 'documents', content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `,
  },
  {
    description: "duplicate groups, stories with their members and feature counts for incremental clustering",
    sql: `
      -- Every placed document points to its duplicate group, named after the group's first document.
      CREATE TABLE duplicates (
        doc_id TEXT PRIMARY KEY REFERENCES documents (id),
        group_id TEXT NOT NULL REFERENCES documents (id),
        kind TEXT NOT NULL CHECK (kind IN ('first', 'exact', 'near')),
        similarity REAL NOT NULL,
        -- The MinHash signature, to compare later documents with this one.
        signature TEXT NOT NULL CHECK (json_valid(signature))
      ) STRICT;
      CREATE INDEX duplicates_group ON duplicates (group_id);
      -- LSH bands of the signatures (language-prefixed): documents sharing a band are candidates.
      CREATE TABLE duplicate_bands (
        band TEXT NOT NULL,
        doc_id TEXT NOT NULL REFERENCES documents (id),
        PRIMARY KEY (band, doc_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        size INTEGER NOT NULL,
        date_first TEXT,
        date_last TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX stories_dates ON stories (date_last, date_first);
      CREATE TABLE story_members (
        doc_id TEXT PRIMARY KEY REFERENCES documents (id),
        story_id INTEGER NOT NULL REFERENCES stories (id),
        score REAL NOT NULL
      ) STRICT;
      CREATE INDEX story_members_story ON story_members (story_id);
      -- How many members of a story hold each feature: the story's centroid, and its inverted index.
      CREATE TABLE story_features (
        story_id INTEGER NOT NULL REFERENCES stories (id),
        feature TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (story_id, feature)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX story_features_feature ON story_features (feature, story_id);
      -- Document frequency of each feature over placed documents, for IDF weights, with a name for labels.
      CREATE TABLE corpus_features (
        feature TEXT PRIMARY KEY,
        df INTEGER NOT NULL,
        -- The weight of the feature's kind (an entity type, a day, an amount, a word), before IDF.
        weight REAL NOT NULL,
        name TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    description: "stored events with dyad aggregates, facts with their supporting annotations",
    sql: `
      -- Every coded event of a placed document (layer events, annotation idx).
      CREATE TABLE events (
        doc_id TEXT NOT NULL REFERENCES documents (id),
        idx INTEGER NOT NULL,
        -- The outlet; '' when the document names none.
        source TEXT NOT NULL,
        -- The event's own day, else the published day; NULL when neither is a single day.
        day TEXT,
        date TEXT,
        source_cameo TEXT,
        source_country TEXT,
        source_kb TEXT,
        target_cameo TEXT,
        target_country TEXT,
        target_kb TEXT,
        code TEXT NOT NULL,
        root TEXT NOT NULL,
        quad INTEGER NOT NULL CHECK (quad BETWEEN 1 AND 4),
        goldstein REAL NOT NULL,
        plover TEXT NOT NULL,
        mode TEXT NOT NULL,
        sentence INTEGER NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        PRIMARY KEY (doc_id, idx)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX events_day ON events (day);
      -- Events between two actor keys (a country code or a KB id) per day, QuadClass and PLOVER
      -- type: a dyad series reads these rows, never the events. Goldstein is summed in tenths so
      -- that removing an event restores the sum exactly.
      CREATE TABLE dyad_days (
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        day TEXT NOT NULL,
        quad INTEGER NOT NULL,
        plover TEXT NOT NULL,
        events INTEGER NOT NULL,
        goldstein_tenths INTEGER NOT NULL,
        PRIMARY KEY (a, b, day, quad, plover)
      ) STRICT, WITHOUT ROWID;
      -- The same events per outlet and bucket (day, week, month; start is the bucket's first day),
      -- once for the directed pair and once for the unordered pair (a < b, directed = 0): the
      -- distinct outlets of a bucket are its rows, never a sum of daily counts.
      CREATE TABLE dyad_sources (
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        directed INTEGER NOT NULL CHECK (directed IN (0, 1)),
        bucket TEXT NOT NULL CHECK (bucket IN ('day', 'week', 'month')),
        start TEXT NOT NULL,
        source TEXT NOT NULL,
        events INTEGER NOT NULL,
        PRIMARY KEY (a, b, directed, bucket, start, source)
      ) STRICT, WITHOUT ROWID;

      -- A fact stated in language-independent terms (an event, a role, an amount, a quote…).
      CREATE TABLE facts (
        fact TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        label TEXT NOT NULL,
        -- Kept current from fact_supports whenever a document is placed or removed.
        mentions INTEGER NOT NULL,
        documents INTEGER NOT NULL,
        outlets INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      -- The annotations that state a fact: layer and index in the document, with their span.
      CREATE TABLE fact_supports (
        fact TEXT NOT NULL REFERENCES facts (fact),
        doc_id TEXT NOT NULL REFERENCES documents (id),
        layer TEXT NOT NULL,
        idx INTEGER NOT NULL,
        source TEXT NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        PRIMARY KEY (fact, doc_id, layer, idx)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX fact_supports_doc ON fact_supports (doc_id);

      -- Documents placed before this migration: the next update() records their events and facts.
      CREATE TABLE corpus_backfill (doc_id TEXT PRIMARY KEY REFERENCES documents (id)) STRICT, WITHOUT ROWID;
      INSERT INTO corpus_backfill SELECT m.doc_id FROM story_members m JOIN latest_documents d ON d.id = m.doc_id;
    `,
  },
  {
    description: "stored check reports, with what they were computed against, and their findings",
    sql: `
      -- The last check of a document. It goes stale when its story gains a document after
      -- corpus_seq or loses one, when it moves to another story, or when the KB changes.
      CREATE TABLE checks (
        doc_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        story_id INTEGER,
        story_size INTEGER NOT NULL,
        corpus_seq INTEGER NOT NULL,
        kb TEXT NOT NULL,
        checked_at TEXT NOT NULL,
        report TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      -- The findings of the stored reports, one row each, for questions over the corpus.
      CREATE TABLE findings (
        doc_id TEXT NOT NULL REFERENCES checks (doc_id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        kind TEXT NOT NULL,
        verdict TEXT NOT NULL,
        confidence REAL NOT NULL,
        PRIMARY KEY (doc_id, idx)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX findings_verdict ON findings (verdict, kind);
    `,
  },
  {
    description: "the place of each stored event, for events by place",
    sql: `
      ALTER TABLE events ADD COLUMN place_kb TEXT;
      -- Events stored before this step take their place from the stored layer they came from.
      UPDATE events SET place_kb = (
        SELECT json_extract(l.data, '$[' || events.idx || '].place.kbId')
        FROM layers l WHERE l.doc_id = events.doc_id AND l.layer = 'events');
      CREATE INDEX events_place ON events (place_kb);
    `,
  },
];

/**
 * Brings the database up to the last migration, applying the missing ones in one transaction.
 * The version is read again inside an IMMEDIATE transaction so that two processes opening a new
 * database at once cannot both apply the same steps. Returns the schema version.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const target = migrations.length;
  const check = (current: number) => {
    if (current > target) {
      throw new Error(
        `database ${db.name} has schema version ${current}, newer than the ${target} this relata knows: upgrade relata`,
      );
    }
  };
  const found = schemaVersion(db);
  check(found);
  if (found === target) return target;
  db.transaction(() => {
    const current = schemaVersion(db);
    check(current);
    for (const [i, migration] of migrations.entries()) {
      if (i < current) continue;
      try {
        db.exec(migration.sql);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`schema migration ${i + 1} (${migration.description}) failed: ${reason}`, {
          cause: error,
        });
      }
    }
    db.pragma(`user_version = ${target}`);
  }).immediate();
  return target;
}

export function schemaVersion(db: Database): number {
  return db.pragma("user_version", { simple: true }) as number;
}
