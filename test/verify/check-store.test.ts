import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Analyzer } from "../../src/analysis.js";
import { ingestPaths } from "../../src/ingest.js";
import { packageRoot } from "../../src/paths.js";
import { readAll } from "../../src/readers/index.js";
import { restoreDocument } from "../../src/store/restore.js";
import { openSqliteCheckStore, type SqliteCheckStore } from "../../src/store/sqlite/check-store.js";
import { openSqliteCorpusStore, type SqliteCorpusStore } from "../../src/store/sqlite/corpus-store.js";
import { openSqliteStore, type SqliteStore } from "../../src/store/sqlite/index.js";
import { checkDocument } from "../../src/verify/check.js";

const analyzer = new Analyzer();
const examples = join(packageRoot(), "examples");
const dir = mkdtempSync(join(tmpdir(), "relata-checks-"));
const db = join(dir, "corpus.db");
let store: SqliteStore;
let corpus: SqliteCorpusStore;
let checks: SqliteCheckStore;

const ids = new Map<string, string>();
/** The id of the example whose URL or file name holds `part`. */
const idOf = (part: string) => [...ids].find(([where]) => where.includes(part))?.[1] as string;

async function remember(path: string): Promise<void> {
  for await (const item of readAll([path]))
    if (item.kind === "document") ids.set(item.init.url ?? path, analyzer.analyze(item.init).id);
}

const check = (id: string) => {
  const stored = store.get(id);
  if (!stored) throw new Error(`no document ${id}`);
  const report = checkDocument(restoreDocument(stored), analyzer.kb, store, corpus);
  checks.save(report);
  return report;
};

beforeAll(async () => {
  await remember(join(examples, "articles.jsonl"));
  await remember(join(examples, "brics-kazan.it.txt"));
  store = openSqliteStore(db);
  await ingestPaths(store, analyzer, [join(examples, "articles.jsonl")]);
  corpus = openSqliteCorpusStore(db);
  corpus.update();
  checks = openSqliteCheckStore(db, "kb-1");
}, 120_000);

afterAll(() => {
  checks.close();
  corpus.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("stored checks", () => {
  it("are due for every document never checked, and kept with their findings", () => {
    expect(checks.due()).toHaveLength(8);
    const spanish = idOf("diario-del-sur");
    const report = check(spanish);
    expect(report.story).toBe(corpus.storyOf(spanish));
    expect(checks.get(spanish)).toMatchObject({ report, stale: false });
    expect(checks.due()).not.toContain(spanish);
    const total = Object.values(checks.verdicts()).reduce((a, b) => a + b, 0);
    expect(total).toBe(report.findings.length);
  });

  it("go stale when their story gains a document, and only theirs", async () => {
    const spanish = idOf("diario-del-sur");
    const english = idOf("daily-ledger");
    check(english);
    await ingestPaths(store, analyzer, [join(examples, "brics-kazan.it.txt")]);
    corpus.update();
    const italian = idOf("brics-kazan.it.txt");
    expect(corpus.storyOf(italian)).toBe(corpus.storyOf(spanish));
    expect(checks.get(spanish)?.stale).toBe(true);
    expect(checks.get(english)?.stale).toBe(false);
    expect(checks.due()).toContain(spanish);
    // The new evidence changes the report: the Italian translation is now a source of the Spanish report.
    const again = check(spanish);
    expect(again.derivedFrom.map((d) => d.doc)).toContain(italian);
    expect(checks.get(spanish)?.stale).toBe(false);
  });

  it("go stale when a document of their story is removed", () => {
    const spanish = idOf("diario-del-sur");
    expect(corpus.remove(idOf("brics-kazan.it.txt"))).toBeDefined();
    expect(checks.get(spanish)?.stale).toBe(true);
  });

  it("go stale with another knowledge base", () => {
    const english = idOf("daily-ledger");
    const other = openSqliteCheckStore(db, "kb-2");
    try {
      expect(checks.get(english)?.stale).toBe(false);
      expect(other.get(english)?.stale).toBe(true);
    } finally {
      other.close();
    }
  });
});
