import Database from "better-sqlite3";
import type { CorpusStore, Placement, Story, StoryMember, StorySummary } from "../../corpus/corpus-store.js";
import { bandKeys, minhash, NEAR_DUPLICATE, type Signature, similarity } from "../../corpus/dedup.js";
import { evidence, type Feature, lexicon } from "../../corpus/features.js";
import { idf, JOIN_THRESHOLD, type StoryProfile, storyScore, WINDOW_DAYS } from "../../corpus/stories.js";
import type { Layers } from "../../document/document.js";
import type { DayRange } from "../date-range.js";
import { migrate } from "./migrations.js";

interface PendingRow {
  id: string;
  lang: string;
  title: string | null;
  text: string;
  content_hash: string;
  date_first: string | null;
  date_last: string | null;
}

/** Layers the corpus features are read from. */
const FEATURE_LAYERS = ["entities", "times", "amounts"];
const MAIN_ENTITIES = 5;
const LABEL_ENTITIES = 3;

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

  constructor(private readonly db: Database.Database) {
    this.placeAll = db.transaction(() => this.pending().map((row) => this.place(row)));
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

  close(): void {
    this.db.close();
  }

  private pending(): PendingRow[] {
    return this.db
      .prepare(
        `SELECT id, lang, title, text, content_hash, date_first, date_last FROM latest_documents d
         WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.doc_id = d.id) ORDER BY seq`,
      )
      .all() as PendingRow[];
  }

  private layers(id: string): Layers {
    const rows = this.db
      .prepare(
        `SELECT layer, data FROM layers WHERE doc_id = ? AND layer IN (${FEATURE_LAYERS.map(() => "?").join(",")})`,
      )
      .all(id, ...FEATURE_LAYERS) as { layer: string; data: string }[];
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
    const features = new Map<string, Feature>([...evidence(doc), ...lexicon(doc)]);
    this.countFeatures(features);

    let storyId: number | undefined;
    let score = 1;
    if (dup.matched !== undefined) {
      storyId = (
        this.db.prepare("SELECT story_id FROM story_members WHERE doc_id = ?").get(dup.matched) as
          | { story_id: number }
          | undefined
      )?.story_id;
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
    const documents = (this.db.prepare("SELECT count(*) AS n FROM duplicates").get() as { n: number }).n;
    const entities = (
      this.db
        .prepare(
          `SELECT f.feature, f.count, c.df, c.weight, c.name FROM story_features f
           JOIN corpus_features c ON c.feature = f.feature WHERE f.story_id = ? AND f.feature LIKE 'e:%'`,
        )
        .all(id) as { feature: string; count: number; df: number; weight: number; name: string }[]
    )
      .map((e) => ({
        kbId: e.feature.slice(2),
        name: e.name,
        rank: e.count * e.weight * idf(e.df, documents),
      }))
      .sort((a, b) => b.rank - a.rank || a.name.localeCompare(b.name))
      .slice(0, MAIN_ENTITIES)
      .map(({ kbId, name }) => ({ kbId, name }));
    const distinct = (values: (string | null)[]) =>
      [...new Set(values.filter((v): v is string => v !== null))].sort();
    return {
      id: s.id,
      label:
        entities
          .slice(0, LABEL_ENTITIES)
          .map((e) => e.name)
          .join(" · ") || `story ${s.id}`,
      size: s.size,
      languages: distinct(members.map((m) => m.lang)),
      outlets: distinct(members.map((m) => m.source)),
      first: s.date_first ?? undefined,
      last: s.date_last ?? undefined,
      entities,
    };
  }
}
