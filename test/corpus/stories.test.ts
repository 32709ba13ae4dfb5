import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Analyzer } from "../../src/analysis.js";
import { ingestPaths } from "../../src/ingest.js";
import { openSqliteCorpusStore } from "../../src/store/sqlite/corpus-store.js";
import { openSqliteStore, SqliteStore } from "../../src/store/sqlite/index.js";
import { MIGRATIONS, migrate, schemaVersion } from "../../src/store/sqlite/migrations.js";
import { fixture } from "../cli/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "relata-stories-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let analyzer: Analyzer;
beforeAll(() => {
  analyzer = new Analyzer();
});

/** The fixture's records: 4 reports of the G20 summit, 4 of the Morocco earthquake, 1 unrelated. */
const LINES = readFileSync(fixture("corpus", "two-events.jsonl"), "utf8").split("\n").filter(Boolean);
const G20 = LINES.slice(0, 4);
const QUAKE = LINES.slice(4, 8);
const NOISE = LINES[8] as string;

let files = 0;
function jsonl(lines: readonly string[]): string {
  const path = join(dir, `input-${files++}.jsonl`);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

/** Ingests the lines into the database, placing documents as each batch is stored. */
async function ingest(db: string, lines: readonly string[], batchSize = 3) {
  const store = openSqliteStore(db);
  const corpus = openSqliteCorpusStore(db);
  try {
    await ingestPaths(store, analyzer, [jsonl(lines)], { corpus, batchSize });
    const stories = corpus.stories();
    return { stories, details: stories.map((s) => corpus.story(s.id)) };
  } finally {
    store.close();
    corpus.close();
  }
}

describe("story clustering", () => {
  it("groups the reports of two concurrent events across languages and keeps unrelated news apart", async () => {
    const { stories } = await ingest(join(dir, "all.db"), LINES);
    expect(stories.map((s) => s.size)).toEqual([4, 4, 1]);
    const byLangs = Object.fromEntries(stories.map((s) => [s.languages.join(" "), s]));
    const g20 = byLangs["de en es fr"];
    const quake = byLangs["en fr it pt"];
    expect(g20?.label).toMatch(/Narendra Modi|New Delhi|G20/);
    expect(g20?.entities.map((e) => e.name)).toContain("New Delhi");
    expect(g20).toMatchObject({ first: "2023-09-01", last: "2023-09-30" });
    expect(quake?.label).toMatch(/Morocco|Marrakesh/);
    expect(quake).toMatchObject({ first: "2023-09-09", last: "2023-09-10" });
    expect(quake?.outlets).toEqual([
      "esempio-notizie.it",
      "example-news.org",
      "exemple-info.fr",
      "exemplo-noticias.pt",
    ]);
  });

  it("places a new document incrementally: a report joins its story, unrelated news starts one", async () => {
    const db = join(dir, "incremental.db");
    await ingest(db, [...G20.slice(0, 3), ...QUAKE]);
    const before = await ingest(db, []);
    expect(before.stories.map((s) => s.size)).toEqual([4, 3]);
    const g20Id = before.stories.find((s) => s.languages.join(" ") === "en es fr")?.id;

    const after = await ingest(db, [G20[3] as string]);
    const g20 = after.stories.find((s) => s.id === g20Id);
    expect(g20?.size).toBe(4);
    expect(g20?.languages).toContain("de");

    const last = await ingest(db, [NOISE]);
    expect(last.stories).toHaveLength(3);
    expect(last.stories.find((s) => s.size === 1)?.languages).toEqual(["en"]);
  });

  it("puts exact and near copies in the duplicate group of the first, inside its story", async () => {
    const original = JSON.parse(QUAKE[0] as string) as { url: string; text: string };
    const exact = JSON.stringify({ ...original, url: "https://another-outlet.net/quake" });
    const near = JSON.stringify({
      ...original,
      url: "https://third-outlet.com/quake",
      text: `${original.text} Subscribe to our newsletter for more news.`,
    });
    const db = join(dir, "dedup.db");
    const { details } = await ingest(db, [QUAKE[0] as string, exact, near, NOISE], 10);
    const quake = details.find((s) => s?.size === 3);
    const first = quake?.documents.find((d) => d.source === "example-news.org");
    expect(first?.duplicateOf).toBeUndefined();
    expect(
      quake?.documents
        .filter((d) => d.duplicateOf === first?.id)
        .map((d) => d.source)
        .sort(),
    ).toEqual(["another-outlet.net", "third-outlet.com"]);
  });
});

describe("migration 2", () => {
  it("adds the corpus tables to a version 1 database and places its documents", () => {
    const path = join(dir, "v1.db");
    const db = new Database(path);
    migrate(db, MIGRATIONS.slice(0, 1));
    const { url, lang, title, text } = JSON.parse(NOISE) as Record<string, string>;
    new SqliteStore(db).put(analyzer.analyze({ url, lang, title, text: text as string }));
    expect(schemaVersion(db)).toBe(1);
    db.close();

    const corpus = openSqliteCorpusStore(path);
    const placed = corpus.update();
    expect(placed).toMatchObject([{ duplicate: "first", newStory: true }]);
    expect(corpus.stories()[0]?.label).toMatch(/Tokyo/);
    expect(corpus.update()).toEqual([]);
    corpus.close();
    const reopened = new Database(path);
    expect(schemaVersion(reopened)).toBe(MIGRATIONS.length);
    reopened.close();
  });
});
