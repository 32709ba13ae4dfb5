import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Analyzer } from "../../src/analysis.js";
import { ingestPaths } from "../../src/ingest.js";
import { openSqliteCorpusStore } from "../../src/store/sqlite/corpus-store.js";
import { openSqliteStore } from "../../src/store/sqlite/index.js";
import { MIGRATIONS, type Migration } from "../../src/store/sqlite/migrations.js";
import { fixture, relata } from "../cli/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "relata-removal-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LINES = readFileSync(fixture("dyads", "russia-china.jsonl"), "utf8").split("\n").filter(Boolean);
/** A: the English report; B: the Italian one of the same agreement; C: A republished at another URL of A's outlet. */
const A = LINES[0] as string;
const B = LINES[1] as string;
const C = JSON.stringify({ ...JSON.parse(A), url: "https://wire-one.example/reprint/russia-china" });
/** The Russia–China agreement of 4 March 2024, by KB ids (Russia Q159, China Q148). */
const AGREEMENT = "event:Q159>Q148:03:2024-03-04";
const PUTIN_QUOTED = "quote:Q7747:2024-03-04";

let analyzer: Analyzer;
beforeAll(() => {
  analyzer = new Analyzer();
});

let files = 0;
async function ingest(db: string, lines: readonly string[]): Promise<void> {
  const path = join(dir, `input-${files++}.jsonl`);
  writeFileSync(path, `${lines.join("\n")}\n`);
  const store = openSqliteStore(db);
  const corpus = openSqliteCorpusStore(db);
  try {
    await ingestPaths(store, analyzer, [path], { corpus, batchSize: 1 });
  } finally {
    corpus.close();
    store.close();
  }
}

/** Every row the corpus keeps about its documents, without the columns that record when or in which order. */
function snapshot(db: string): Record<string, unknown[]> {
  const conn = new Database(db, { readonly: true });
  try {
    const all = (sql: string) => conn.prepare(sql).all();
    return {
      documents: all("SELECT id, url, source, lang, title, version, previous_id FROM documents ORDER BY id"),
      layers: all("SELECT doc_id, layer, data FROM layers ORDER BY doc_id, layer"),
      fts: all("SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH 'commercio OR trade'"),
      duplicates: all("SELECT doc_id, group_id, kind, similarity FROM duplicates ORDER BY doc_id"),
      bands: all("SELECT * FROM duplicate_bands ORDER BY band, doc_id"),
      stories: all("SELECT id, size, date_first, date_last FROM stories ORDER BY id"),
      members: all("SELECT doc_id, story_id FROM story_members ORDER BY doc_id"),
      storyFeatures: all("SELECT * FROM story_features ORDER BY story_id, feature"),
      corpusFeatures: all("SELECT * FROM corpus_features ORDER BY feature"),
      events: all("SELECT * FROM events ORDER BY doc_id, idx"),
      dyadDays: all("SELECT * FROM dyad_days ORDER BY a, b, day, quad, plover"),
      dyadSources: all("SELECT * FROM dyad_sources ORDER BY a, b, directed, bucket, start, source"),
      facts: all("SELECT * FROM facts ORDER BY fact"),
      supports: all("SELECT * FROM fact_supports ORDER BY fact, doc_id, layer, idx"),
    };
  } finally {
    conn.close();
  }
}

function corroboration(db: string, fact: string) {
  const corpus = openSqliteCorpusStore(db);
  try {
    return corpus.corroboration(fact);
  } finally {
    corpus.close();
  }
}

describe("corroboration", () => {
  it("counts the documents and outlets stating a fact, with links to the annotations", async () => {
    const db = join(dir, "facts.db");
    await ingest(db, [A, B, C]);
    const agreement = corroboration(db, AGREEMENT);
    // Two outlets: the English wire (twice, at two URLs) and the Italian one.
    expect(agreement).toMatchObject({ kind: "event", documents: 3, outlets: 2 });
    expect(agreement?.label).toMatch(/Russia → China: AGREE \(CAMEO 03\) on 2024-03-04/);
    const store = openSqliteStore(db);
    try {
      for (const s of agreement?.supports ?? []) {
        const doc = store.get(s.docId);
        const annotation = (doc?.layers.events ?? [])[s.index];
        expect(annotation).toMatchObject({ start: s.start, end: s.end, root: "03" });
        expect(s.outlet).toBe(doc?.source);
      }
      expect(agreement?.mentions).toBe(agreement?.supports.length);
    } finally {
      store.close();
    }
    expect(corroboration(db, PUTIN_QUOTED)).toMatchObject({ kind: "quote", documents: 3, outlets: 2 });

    const corpus = openSqliteCorpusStore(db);
    try {
      const italian = corpus.events({ root: "03" }).find((e) => e.outlet === "notizie-due.example")?.docId;
      const facts = corpus.factsOf(italian as string);
      expect(facts.map((f) => f.fact)).toEqual(expect.arrayContaining([AGREEMENT, PUTIN_QUOTED]));
      expect(corpus.corroboration("event:nobody")).toBeUndefined();
    } finally {
      corpus.close();
    }
  });
});

describe("removing a document", () => {
  it("takes it out of everything, and adding it again restores every count", async () => {
    const onlyA = join(dir, "a.db");
    const both = join(dir, "ab.db");
    await ingest(onlyA, [A]);
    await ingest(both, [A, B]);
    const idB = (snapshot(both).documents as { id: string; lang: string }[]).find((d) => d.lang === "it")?.id;
    const withB = snapshot(both);
    expect(corroboration(both, AGREEMENT)).toMatchObject({ documents: 2, outlets: 2 });

    const r = relata(["remove", idB as string, "--db", both]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(new RegExp(`^removed ${idB}, left story 1, \\d+ events, \\d+ fact supports`));
    expect(snapshot(both)).toEqual(snapshot(onlyA));
    expect(corroboration(both, AGREEMENT)).toMatchObject({ documents: 1, outlets: 1 });

    await ingest(both, [B]);
    expect(snapshot(both)).toEqual(withB);
    expect(corroboration(both, AGREEMENT)).toMatchObject({ documents: 2, outlets: 2 });

    const missing = relata(["remove", "0000000000000000", "--db", both]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no document 0000000000000000/);
  }, 60_000);

  it("hands a duplicate group to its next document and drops a story it empties", async () => {
    const db = join(dir, "abc.db");
    await ingest(db, [A, B, C, LINES[3] as string]);
    const corpus = openSqliteCorpusStore(db);
    try {
      const groups = snapshot(db).duplicates as { doc_id: string; group_id: string; kind: string }[];
      const head = groups.find((g) => g.kind === "exact")?.group_id as string;
      const copy = groups.find((g) => g.kind === "exact")?.doc_id as string;
      const story = corpus.storyOf(head) as number;
      const size = corpus.story(story)?.size as number;
      // The three reports of the agreement name it among the story's events, and in its label.
      expect(corpus.story(story)?.events).toContainEqual({
        key: "Q159>Q148:03",
        name: "Russia AGREE China",
        documents: 3,
      });
      expect(corpus.story(story)?.label).toMatch(/ — \S.* (AGREE|ACCUSE) /);

      expect(corpus.remove(head)).toMatchObject({ docId: head, storyId: story, storyRemoved: false });
      expect(corpus.storyOf(head)).toBeUndefined();
      expect(corpus.story(story)?.size).toBe(size - 1);
      expect(corpus.story(story)?.documents.find((d) => d.id === copy)?.duplicateOf).toBeUndefined();
      expect(snapshot(db).duplicates).toContainEqual({
        doc_id: copy,
        group_id: copy,
        kind: "first",
        similarity: 1,
      });
      expect(corpus.corroboration(AGREEMENT)).toMatchObject({ documents: 2, outlets: 2 });

      // The sanctions report stands alone: removing it removes its story and all it stated.
      const lone = corpus.events({ root: "16" })[0]?.docId as string;
      const loneStory = corpus.storyOf(lone) as number;
      expect(corpus.remove(lone)).toMatchObject({ storyId: loneStory, storyRemoved: true });
      expect(corpus.story(loneStory)).toBeUndefined();
      expect(corpus.events({ docId: lone })).toEqual([]);
      expect(corpus.factsOf(lone)).toEqual([]);
      expect(corpus.remove(lone)).toBeUndefined();
    } finally {
      corpus.close();
    }
  }, 60_000);

  it("counts only the newest version of a URL, and the previous one again once the newest is removed", async () => {
    const db = join(dir, "versions.db");
    const first = JSON.parse(A);
    const second = { ...first, text: first.text.replace("Vladimir Putin praised Xi Jinping. ", "") };
    await ingest(db, [JSON.stringify(first)]);
    const before = snapshot(db);
    await ingest(db, [JSON.stringify(second)]);
    const corpus = openSqliteCorpusStore(db);
    try {
      const ids = (snapshot(db).documents as { id: string; version: number }[]).map((d) => [d.version, d.id]);
      const [v1, v2] = [...ids].sort().map(([, id]) => id as string);
      expect(corpus.events({ docId: v1 })).toEqual([]);
      expect(corpus.events({ docId: v2 }).length).toBeGreaterThan(0);
      const agreement = corpus.corroboration(AGREEMENT);
      expect(agreement?.documents).toBe(1);
      expect(agreement?.supports.every((s) => s.docId === v2)).toBe(true);
      expect(corpus.dyad({ a: "Q7747", b: "Q15031", from: "2024-03" })).toEqual([]);

      corpus.remove(v2 as string);
      const after = snapshot(db);
      expect(after.events).toEqual(before.events);
      expect(after.dyadDays).toEqual(before.dyadDays);
      expect(after.facts).toEqual(before.facts);
    } finally {
      corpus.close();
    }
  }, 60_000);
});

describe("a database placed before events and facts were stored", () => {
  it("records the events and facts of its placed documents at the next update", async () => {
    const db = join(dir, "old.db");
    await ingest(db, [A, B, LINES[3] as string]);
    const current = snapshot(db);
    // As a database of schema 2 meets migrations 3 and 5: stories placed, event and fact tables new.
    const conn = new Database(db);
    conn.exec(`DROP TABLE fact_supports; DROP TABLE facts; DROP TABLE dyad_sources; DROP TABLE dyad_days;
      DROP TABLE events; DROP TABLE corpus_backfill;`);
    conn.exec((MIGRATIONS[2] as Migration).sql);
    conn.exec((MIGRATIONS[4] as Migration).sql);
    expect(conn.prepare("SELECT count(*) AS n FROM corpus_backfill").get()).toEqual({ n: 3 });
    conn.close();
    const corpus = openSqliteCorpusStore(db);
    try {
      expect(corpus.update()).toEqual([]);
      expect(corpus.events({ root: "03" }).length).toBeGreaterThan(0);
    } finally {
      corpus.close();
    }
    expect(snapshot(db)).toEqual(current);
  }, 60_000);
});
