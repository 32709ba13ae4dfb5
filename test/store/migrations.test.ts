import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/store/sqlite/index.js";
import { MIGRATIONS, type Migration, migrate, schemaVersion } from "../../src/store/sqlite/migrations.js";
import { ARTICLES, analysed } from "./articles.js";

const dir = mkdtempSync(join(tmpdir(), "relata-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Opens the file directly, to look under the store. */
function inspect<T>(path: string, look: (db: Database.Database) => T): T {
  const db = new Database(path);
  try {
    return look(db);
  } finally {
    db.close();
  }
}

describe("openSqliteStore on disk", () => {
  const path = join(dir, "nested", "folder", "corpus.db");

  it("creates the folder and a WAL database at the current schema version", () => {
    const store = openSqliteStore(path);
    expect(store.put(analysed(ARTICLES.it))).toBe("added");
    store.close();
    inspect(path, (db) => {
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    });
  });

  it("reopens without applying the migrations again and keeps the data", () => {
    const store = openSqliteStore(path);
    expect(store.stats()).toMatchObject({ documents: 1, schemaVersion: MIGRATIONS.length });
    expect(store.search({ text: "universita" })).toHaveLength(1);
    expect(store.put(analysed(ARTICLES.es))).toBe("added");
    store.close();
    expect(openSqliteStore(path).stats().documents).toBe(2);
  });

  it("keeps the full-text index in step with the documents, even after a failed batch", () => {
    const store = openSqliteStore(path);
    const broken = analysed(ARTICLES.de).withLang("", { source: "detected", confidence: 0 });
    expect(() => store.putMany([analysed(ARTICLES.fr), broken])).toThrow();
    store.close();
    inspect(path, (db) => {
      // The rank argument 1 makes FTS5 compare its index with the content table.
      expect(() =>
        db.prepare("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)").run(),
      ).not.toThrow();
      expect(db.prepare("SELECT count(*) AS n FROM documents").get()).toEqual({ n: 2 });
    });
  });

  it("upgrades a database older than the code", () => {
    const old = join(dir, "old.db");
    inspect(old, (db) => db.exec("CREATE TABLE unrelated (x INTEGER)"));
    const store = openSqliteStore(old);
    expect(store.stats().schemaVersion).toBe(MIGRATIONS.length);
    expect(store.put(analysed(ARTICLES.fr))).toBe("added");
    store.close();
  });

  it("refuses a database from a newer schema, and leaves it as it was", () => {
    const newer = join(dir, "newer.db");
    inspect(newer, (db) => db.pragma(`user_version = ${MIGRATIONS.length + 1}`));
    expect(() => openSqliteStore(newer)).toThrow(
      new RegExp(`schema version ${MIGRATIONS.length + 1}, newer than the ${MIGRATIONS.length}`),
    );
    inspect(newer, (db) => {
      expect(schemaVersion(db)).toBe(MIGRATIONS.length + 1);
      expect(db.pragma("journal_mode", { simple: true })).toBe("delete");
      expect(db.prepare("SELECT name FROM sqlite_master").all()).toEqual([]);
    });
  });
});

describe("migrate", () => {
  // Each step logs itself, and the first would fail if it ran twice.
  const steps: Migration[] = [
    { description: "log", sql: "CREATE TABLE log (step INTEGER); INSERT INTO log VALUES (1);" },
    { description: "notes", sql: "CREATE TABLE notes (body TEXT); INSERT INTO log VALUES (2);" },
    { description: "tags", sql: "CREATE TABLE tags (name TEXT); INSERT INTO log VALUES (3);" },
  ];
  const log = (db: Database.Database) =>
    db
      .prepare<[], { step: number }>("SELECT step FROM log ORDER BY rowid")
      .all()
      .map((r) => r.step);

  it("applies only the missing steps, in order", () => {
    const db = new Database(join(dir, "steps.db"));
    expect(migrate(db, steps.slice(0, 1))).toBe(1);
    expect(migrate(db, steps.slice(0, 1))).toBe(1);
    expect(log(db)).toEqual([1]);
    expect(migrate(db, steps)).toBe(3);
    expect(migrate(db, steps)).toBe(3);
    expect(log(db)).toEqual([1, 2, 3]);
    expect(schemaVersion(db)).toBe(3);
    db.close();
  });

  it("rolls back every step of an upgrade when one fails", () => {
    const db = new Database(":memory:");
    migrate(db, steps.slice(0, 1));
    const failing = [...steps.slice(0, 2), { description: "broken", sql: "INSERT INTO missing VALUES (1);" }];
    expect(() => migrate(db, failing)).toThrow(/migration 3 \(broken\) failed: no such table: missing/);
    expect(schemaVersion(db)).toBe(1);
    expect(log(db)).toEqual([1]);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'notes'").get()).toEqual({
      n: 0,
    });
    db.close();
  });
});
