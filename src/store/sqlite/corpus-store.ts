import Database from "better-sqlite3";
import type {
  CorpusStore,
  Corroboration,
  EventFilter,
  Placement,
  Removal,
  StoredEvent,
  Story,
  StoryEvent,
  StoryMember,
  StorySummary,
} from "../../corpus/corpus-store.js";
import { bandKeys, minhash, NEAR_DUPLICATE, type Signature, similarity } from "../../corpus/dedup.js";
import type { DyadPoint, DyadQuery } from "../../corpus/dyads.js";
import { evidence, type Feature, type FeatureSource, lexicon } from "../../corpus/features.js";
import { idf, JOIN_THRESHOLD, type StoryProfile, storyScore, WINDOW_DAYS } from "../../corpus/stories.js";
import type { Layers } from "../../document/document.js";
import type { DayRange } from "../date-range.js";
import { deleteDocument } from "./document-removal.js";
import { EventTables, type PlacedDocument } from "./event-tables.js";
import { FactTables } from "./fact-tables.js";
import { migrate } from "./migrations.js";

interface PendingRow {
  id: string;
  previous_id: string | null;
  lang: string;
  title: string | null;
  text: string;
  content_hash: string;
  date_first: string | null;
  date_last: string | null;
}

/** Layers the story features, events and facts are read from. */
const CORPUS_LAYERS = ["entities", "times", "amounts", "events", "roles", "quotes"];
const MAIN_ENTITIES = 5;
const LABEL_ENTITIES = 3;
const MAIN_EVENTS = 3;

/** Opens the corpus tables of the database at `path` (a file: they are shared with the document store). */
export function openSqliteCorpusStore(path: string): SqliteCorpusStore {
  if (path === ":memory:" || path === "") {
    throw new Error(
      "the corpus tables live in the documents' database file: give its path, not an in-memory one",
    );
  }
  const db = new Database(path);
  try {
    db.pragma("busy_timeout = 5000");
    db.pragma("foreign_keys = ON");
    migrate(db);
    return new SqliteCorpusStore(db);
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Duplicate groups and stories in SQLite. Placing a document reads only the stories that share
 * evidence with it (through the story_features index) and updates counts: nothing is recomputed.
 */
export class SqliteCorpusStore implements CorpusStore {
  private readonly placeAll: () => Placement[];
  private readonly removeOne: (docId: string) => Removal | undefined;
  private readonly eventTables: EventTables;
  private readonly factTables: FactTables;

  constructor(private readonly db: Database.Database) {
    this.placeAll = db.transaction(() => {
      this.backfill();
      return this.pending().map((row) => this.place(row));
    });
    this.removeOne = db.transaction((docId: string) => this.unplace(docId));
    this.eventTables = new EventTables(db);
    this.factTables = new FactTables(db);
  }

  update(): Placement[] {
    return this.placeAll();
  }

  stories(): StorySummary[] {
    const rows = this.db.prepare("SELECT id FROM stories ORDER BY size DESC, id").all() as { id: number }[];
    return rows.map((r) => this.summary(r.id)).filter((s): s is StorySummary => s !== undefined);
  }

  story(id: number): Story | undefined {
    const summary = this.summary(id);
    if (!summary) return undefined;
    const documents = this.db
      .prepare(
        `SELECT d.id, d.lang, d.source, d.date_value AS date, d.title, x.group_id AS groupId
         FROM story_members m JOIN documents d ON d.id = m.doc_id
         LEFT JOIN duplicates x ON x.doc_id = d.id
         WHERE m.story_id = ? ORDER BY d.date_first, d.id`,
      )
      .all(id) as {
      id: string;
      lang: string;
      source: string | null;
      date: string | null;
      title: string | null;
      groupId: string | null;
    }[];
    return {
      ...summary,
      documents: documents.map(
        (d): StoryMember => ({
          id: d.id,
          lang: d.lang,
          source: d.source ?? undefined,
          date: d.date ?? undefined,
          title: d.title ?? undefined,
          duplicateOf: d.groupId !== null && d.groupId !== d.id ? d.groupId : undefined,
        }),
      ),
    };
  }

  storyOf(docId: string): number | undefined {
    const row = this.db.prepare("SELECT story_id FROM story_members WHERE doc_id = ?").get(docId) as
      | { story_id: number }
      | undefined;
    return row?.story_id;
  }

  dyad(query: DyadQuery): DyadPoint[] {
    return this.eventTables.dyad(query);
  }

  events(filter?: EventFilter): StoredEvent[] {
    return this.eventTables.events(filter);
  }

  corroboration(fact: string): Corroboration | undefined {
    return this.factTables.corroboration(fact);
  }

  factsOf(docId: string): Corroboration[] {
    return this.factTables.factsOf(docId);
  }

  remove(docId: string): Removal | undefined {
    return this.removeOne(docId);
  }

  close(): void {
    this.db.close();
  }

  private pending(): PendingRow[] {
    return this.db
      .prepare(
        `SELECT id, previous_id, lang, title, text, content_hash, date_first, date_last
         FROM latest_documents d
         WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.doc_id = d.id) ORDER BY seq`,
      )
      .all() as PendingRow[];
  }

  private layers(id: string): Layers {
    const rows = this.db
      .prepare(
        `SELECT layer, data FROM layers WHERE doc_id = ? AND layer IN (${CORPUS_LAYERS.map(() => "?").join(",")})`,
      )
      .all(id, ...CORPUS_LAYERS) as { layer: string; data: string }[];
    return Object.fromEntries(rows.map((r) => [r.layer, JSON.parse(r.data)])) as Layers;
  }

  private place(row: PendingRow): Placement {
    const dates: DayRange | undefined =
      row.date_first && row.date_last ? { first: row.date_first, last: row.date_last } : undefined;
    const dup = this.deduplicate(row);
    const doc = {
      lang: row.lang,
      title: row.title ?? undefined,
      text: row.text,
      layers: this.layers(row.id),
    };
    const features = this.features(doc);
    this.countFeatures(features);

    let storyId: number | undefined;
    let score = 1;
    if (dup.matched !== undefined) {
      storyId = this.storyOf(dup.matched);
    }
    if (storyId === undefined) {
      // Every story the document fits: the best takes it, and the others, bridged by it, merge into that one.
      const fits = this.scoreStories(row.lang, features, dates)
        .filter((s) => s.score >= JOIN_THRESHOLD)
        .sort((a, b) => b.score - a.score);
      const [best, ...others] = fits;
      if (best) {
        storyId = best.id;
        score = best.score;
        for (const other of others) this.merge(other.id, best.id);
      }
    }
    const newStory = storyId === undefined;
    if (storyId === undefined) {
      storyId = Number(
        this.db
          .prepare("INSERT INTO stories (size, date_first, date_last, created_at) VALUES (0, ?, ?, ?)")
          .run(dates?.first ?? null, dates?.last ?? null, new Date().toISOString()).lastInsertRowid,
      );
    }
    this.join(storyId, row.id, score, features, dates);
    // A replaced version no longer states anything: only the newest text of a URL counts.
    if (row.previous_id !== null) this.withdraw(row.previous_id);
    this.record(this.placed(row.id, doc.layers));
    return { docId: row.id, groupId: dup.groupId, duplicate: dup.kind, storyId, newStory, score };
  }

  /** Exact copies share a content hash; near copies of the same language share LSH bands. */
  private deduplicate(row: PendingRow): {
    groupId: string;
    kind: Placement["duplicate"];
    matched: string | undefined;
  } {
    const sig = minhash(`${row.title ?? ""}\n${row.text}`);
    const bands = bandKeys(row.lang, sig);
    let result: { groupId: string; kind: Placement["duplicate"]; matched: string | undefined; sim: number } =
      {
        groupId: row.id,
        kind: "first",
        matched: undefined,
        sim: 1,
      };
    const exact = this.db
      .prepare(
        `SELECT x.doc_id, x.group_id FROM duplicates x JOIN documents d ON d.id = x.doc_id
         WHERE d.content_hash = ? LIMIT 1`,
      )
      .get(row.content_hash) as { doc_id: string; group_id: string } | undefined;
    if (exact) {
      result = { groupId: exact.group_id, kind: "exact", matched: exact.doc_id, sim: 1 };
    } else {
      const candidates = this.db
        .prepare(
          `SELECT x.doc_id, x.group_id, x.signature FROM duplicates x
           WHERE x.doc_id IN (SELECT doc_id FROM duplicate_bands WHERE band IN (SELECT value FROM json_each(?)))`,
        )
        .all(JSON.stringify(bands)) as { doc_id: string; group_id: string; signature: string }[];
      for (const c of candidates) {
        const sim = similarity(sig, JSON.parse(c.signature) as Signature);
        if (sim >= NEAR_DUPLICATE && (result.kind === "first" || sim > result.sim)) {
          result = { groupId: c.group_id, kind: "near", matched: c.doc_id, sim };
        }
      }
    }
    this.db
      .prepare(
        "INSERT INTO duplicates (doc_id, group_id, kind, similarity, signature) VALUES (?, ?, ?, ?, ?)",
      )
      .run(row.id, result.groupId, result.kind, result.sim, JSON.stringify(sig));
    const band = this.db.prepare("INSERT OR IGNORE INTO duplicate_bands (band, doc_id) VALUES (?, ?)");
    for (const key of bands) band.run(key, row.id);
    return result;
  }

  private features(doc: FeatureSource): Map<string, Feature> {
    return new Map<string, Feature>([...evidence(doc), ...lexicon(doc)]);
  }

  /** Stores the placed document's events and the facts it states. */
  private record(doc: PlacedDocument): { events: number; supports: number } {
    return { events: this.eventTables.add(doc), supports: this.factTables.add(doc) };
  }

  private withdraw(docId: string): { events: number; supports: number } {
    return { events: this.eventTables.remove(docId), supports: this.factTables.remove(docId) };
  }

  /** Everything removing one document takes away, in the reverse order of placing it. */
  private unplace(docId: string): Removal | undefined {
    const row = this.db.prepare("SELECT lang, title, text FROM documents WHERE id = ?").get(docId) as
      | { lang: string; title: string | null; text: string }
      | undefined;
    if (!row) return undefined;
    const withdrawn = this.withdraw(docId);
    this.db.prepare("DELETE FROM corpus_backfill WHERE doc_id = ?").run(docId);
    const storyId = this.storyOf(docId);
    let storyRemoved = false;
    if (storyId !== undefined) {
      const features = this.features({
        lang: row.lang,
        title: row.title ?? undefined,
        text: row.text,
        layers: this.layers(docId),
      });
      storyRemoved = this.leave(storyId, docId, features);
    }
    this.leaveGroup(docId);
    const { previousId } = deleteDocument(this.db, docId);
    // The version it replaced is the newest again: its events and facts count once more.
    if (previousId !== undefined && this.storyOf(previousId) !== undefined && this.isLatest(previousId)) {
      this.record(this.placed(previousId));
    }
    return { docId, storyId, storyRemoved, ...withdrawn };
  }

  /** A stored document as the event and fact tables read it. */
  private placed(id: string, layers: Layers = this.layers(id)): PlacedDocument {
    const row = this.db.prepare("SELECT source, date_value FROM documents WHERE id = ?").get(id) as {
      source: string | null;
      date_value: string | null;
    };
    return { id, outlet: row.source ?? "", published: row.date_value ?? undefined, layers };
  }

  /** Records the events and facts of documents placed before the tables holding them existed. */
  private backfill(): void {
    const rows = this.db.prepare("SELECT doc_id FROM corpus_backfill").all() as { doc_id: string }[];
    for (const { doc_id } of rows) this.record(this.placed(doc_id));
    this.db.prepare("DELETE FROM corpus_backfill").run();
  }

  private isLatest(docId: string): boolean {
    return this.db.prepare("SELECT 1 FROM documents WHERE previous_id = ?").get(docId) === undefined;
  }

  /** Takes the member and its feature counts out of the story; true when the story is left empty and dropped. */
  private leave(storyId: number, docId: string, features: ReadonlyMap<string, Feature>): boolean {
    this.db.prepare("DELETE FROM story_members WHERE doc_id = ?").run(docId);
    const storyCount = this.db.prepare(
      "UPDATE story_features SET count = count - 1 WHERE story_id = ? AND feature = ?",
    );
    const df = this.db.prepare("UPDATE corpus_features SET df = df - 1 WHERE feature = ?");
    const unused = this.db.prepare("DELETE FROM corpus_features WHERE feature = ? AND df <= 0");
    for (const key of features.keys()) {
      storyCount.run(storyId, key);
      df.run(key);
      unused.run(key);
    }
    this.db.prepare("DELETE FROM story_features WHERE story_id = ? AND count <= 0").run(storyId);
    const { size } = this.db
      .prepare("UPDATE stories SET size = size - 1 WHERE id = ? RETURNING size")
      .get(storyId) as { size: number };
    if (size <= 0) {
      this.db.prepare("DELETE FROM story_features WHERE story_id = ?").run(storyId);
      this.db.prepare("DELETE FROM stories WHERE id = ?").run(storyId);
      return true;
    }
    this.db
      .prepare(
        `UPDATE stories SET (date_first, date_last) =
           (SELECT min(d.date_first), max(d.date_last) FROM story_members m JOIN documents d ON d.id = m.doc_id
            WHERE m.story_id = @story)
         WHERE id = @story`,
      )
      .run({ story: storyId });
    return false;
  }

  /** Leaves the duplicate group; a group losing its first document is named after its next one. */
  private leaveGroup(docId: string): void {
    this.db.prepare("DELETE FROM duplicate_bands WHERE doc_id = ?").run(docId);
    this.db.prepare("DELETE FROM duplicates WHERE doc_id = ?").run(docId);
    const next = this.db
      .prepare(
        `SELECT x.doc_id FROM duplicates x JOIN documents d ON d.id = x.doc_id
         WHERE x.group_id = ? ORDER BY d.seq LIMIT 1`,
      )
      .get(docId) as { doc_id: string } | undefined;
    if (!next) return;
    this.db.prepare("UPDATE duplicates SET group_id = ? WHERE group_id = ?").run(next.doc_id, docId);
    this.db.prepare("UPDATE duplicates SET kind = 'first', similarity = 1 WHERE doc_id = ?").run(next.doc_id);
  }

  private countFeatures(features: ReadonlyMap<string, Feature>): void {
    const upsert = this.db.prepare(
      `INSERT INTO corpus_features (feature, df, weight, name) VALUES (?, 1, ?, ?)
       ON CONFLICT (feature) DO UPDATE SET df = df + 1`,
    );
    for (const [key, f] of features) upsert.run(key, f.weight, f.name);
  }

  /** The scores of the stories sharing evidence with the document inside the time window. */
  private scoreStories(
    lang: string,
    features: ReadonlyMap<string, Feature>,
    dates: DayRange | undefined,
  ): { id: number; score: number }[] {
    const keys = [...features.keys()];
    const evidenceKeys = keys.filter((k) => !k.startsWith("w:"));
    if (evidenceKeys.length === 0) return [];
    const documents = (this.db.prepare("SELECT count(*) AS n FROM duplicates").get() as { n: number }).n;
    const weights = new Map<string, number>();
    const weight = (key: string) => weights.get(key) ?? 0;
    // Stories sharing evidence whose span, widened by the window, meets the days the document's date may denote.
    const candidates = this.db
      .prepare(
        `SELECT s.id, s.size FROM stories s
         WHERE s.id IN (SELECT story_id FROM story_features WHERE feature IN (SELECT value FROM json_each(:keys)))
           AND (:first IS NULL OR s.date_first IS NULL
             OR (:first <= date(s.date_last, :after) AND :last >= date(s.date_first, :before)))`,
      )
      .all({
        keys: JSON.stringify(evidenceKeys),
        first: dates?.first ?? null,
        last: dates?.last ?? null,
        after: `+${WINDOW_DAYS} days`,
        before: `-${WINDOW_DAYS} days`,
      }) as { id: number; size: number }[];
    if (candidates.length === 0) return [];
    const docWeights = new Map<string, number>();
    const dfs = this.db
      .prepare(
        "SELECT feature, df, weight FROM corpus_features WHERE feature IN (SELECT value FROM json_each(?))",
      )
      .all(JSON.stringify(keys)) as { feature: string; df: number; weight: number }[];
    for (const r of dfs) docWeights.set(r.feature, r.weight * idf(r.df, documents));
    const scored: { id: number; score: number }[] = [];
    for (const c of candidates) {
      const rows = this.db
        .prepare(
          `SELECT f.feature, f.count, c.df, c.weight FROM story_features f
           JOIN corpus_features c ON c.feature = f.feature WHERE f.story_id = ?`,
        )
        .all(c.id) as { feature: string; count: number; df: number; weight: number }[];
      const counts = new Map<string, number>();
      for (const r of rows) {
        counts.set(r.feature, r.count);
        weights.set(r.feature, r.weight * idf(r.df, documents));
      }
      const byLang = this.db
        .prepare(
          `SELECT d.lang, count(*) AS n FROM story_members m JOIN documents d ON d.id = m.doc_id
           WHERE m.story_id = ? GROUP BY d.lang`,
        )
        .all(c.id) as { lang: string; n: number }[];
      const profile: StoryProfile = {
        id: c.id,
        size: c.size,
        sizeByLang: Object.fromEntries(byLang.map((b) => [b.lang, b.n])),
        counts,
      };
      scored.push({ id: c.id, score: storyScore(docWeights, lang, profile, weight) });
    }
    return scored;
  }

  /** Moves every member and feature count of story `from` into story `into`, then drops `from`. */
  private merge(from: number, into: number): void {
    this.db
      .prepare(
        `INSERT INTO story_features (story_id, feature, count) SELECT ?, feature, count FROM story_features
         WHERE story_id = ? ON CONFLICT (story_id, feature) DO UPDATE SET count = count + excluded.count`,
      )
      .run(into, from);
    this.db.prepare("DELETE FROM story_features WHERE story_id = ?").run(from);
    this.db.prepare("UPDATE story_members SET story_id = ? WHERE story_id = ?").run(into, from);
    this.db
      .prepare(
        `UPDATE stories SET size = stories.size + f.size,
           date_first = coalesce(min(stories.date_first, f.date_first), stories.date_first, f.date_first),
           date_last = coalesce(max(stories.date_last, f.date_last), stories.date_last, f.date_last)
         FROM (SELECT size, date_first, date_last FROM stories WHERE id = ?) AS f WHERE stories.id = ?`,
      )
      .run(from, into);
    this.db.prepare("DELETE FROM stories WHERE id = ?").run(from);
  }

  private join(
    storyId: number,
    docId: string,
    score: number,
    features: ReadonlyMap<string, Feature>,
    dates: DayRange | undefined,
  ): void {
    this.db
      .prepare("INSERT INTO story_members (doc_id, story_id, score) VALUES (?, ?, ?)")
      .run(docId, storyId, score);
    const count = this.db.prepare(
      `INSERT INTO story_features (story_id, feature, count) VALUES (?, ?, 1)
       ON CONFLICT (story_id, feature) DO UPDATE SET count = count + 1`,
    );
    for (const key of features.keys()) count.run(storyId, key);
    this.db
      .prepare(
        `UPDATE stories SET size = size + 1,
           date_first = CASE WHEN ? IS NULL THEN date_first ELSE min(coalesce(date_first, ?), ?) END,
           date_last = CASE WHEN ? IS NULL THEN date_last ELSE max(coalesce(date_last, ?), ?) END
         WHERE id = ?`,
      )
      .run(
        dates?.first ?? null,
        dates?.first ?? null,
        dates?.first ?? null,
        dates?.last ?? null,
        dates?.last ?? null,
        dates?.last ?? null,
        storyId,
      );
  }

  private summary(id: number): StorySummary | undefined {
    const s = this.db.prepare("SELECT id, size, date_first, date_last FROM stories WHERE id = ?").get(id) as
      | { id: number; size: number; date_first: string | null; date_last: string | null }
      | undefined;
    if (!s) return undefined;
    const members = this.db
      .prepare(
        `SELECT DISTINCT d.lang, d.source FROM story_members m JOIN documents d ON d.id = m.doc_id WHERE m.story_id = ?`,
      )
      .all(id) as { lang: string; source: string | null }[];
    const entities = this.mainFeatures(id, "e:", MAIN_ENTITIES).map(({ key, name }) => ({ kbId: key, name }));
    const events = this.mainFeatures(id, "v:", MAIN_EVENTS);
    // An event joins the label once two members report it.
    const labelEvent = events[0] && events[0].documents >= 2 ? ` — ${events[0].name}` : "";
    const distinct = (values: (string | null)[]) =>
      [...new Set(values.filter((v): v is string => v !== null))].sort();
    return {
      id: s.id,
      label:
        (entities
          .slice(0, LABEL_ENTITIES)
          .map((e) => e.name)
          .join(" · ") || `story ${s.id}`) + labelEvent,
      size: s.size,
      languages: distinct(members.map((m) => m.lang)),
      outlets: distinct(members.map((m) => m.source)),
      first: s.date_first ?? undefined,
      last: s.date_last ?? undefined,
      entities,
      events,
    };
  }

  /** The story's features of one kind, ranked by members holding them × kind weight × IDF. */
  private mainFeatures(id: number, prefix: string, limit: number): StoryEvent[] {
    const documents = (this.db.prepare("SELECT count(*) AS n FROM duplicates").get() as { n: number }).n;
    const rows = this.db
      .prepare(
        `SELECT f.feature, f.count, c.df, c.weight, c.name FROM story_features f
         JOIN corpus_features c ON c.feature = f.feature WHERE f.story_id = ? AND f.feature LIKE ? || '%'`,
      )
      .all(id, prefix) as { feature: string; count: number; df: number; weight: number; name: string }[];
    return rows
      .map((r) => ({
        key: r.feature.slice(prefix.length),
        name: r.name,
        documents: r.count,
        rank: r.count * r.weight * idf(r.df, documents),
      }))
      .sort((a, b) => b.rank - a.rank || a.name.localeCompare(b.name))
      .slice(0, limit)
      .map(({ key, name, documents }) => ({ key, name, documents }));
  }
}
