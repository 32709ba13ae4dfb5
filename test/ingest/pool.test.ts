import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Analyzer } from "../../src/analysis.js";
import type { DocumentInit } from "../../src/document/document.js";
import { AnalysisPool } from "../../src/ingest/pool.js";
import { ingestItems } from "../../src/ingest.js";
import type { ReadItem } from "../../src/readers/reader.js";
import { openSqliteStore } from "../../src/store/sqlite/index.js";

const DOCS: DocumentInit[] = [
  {
    url: "https://example.test/a",
    text: "Il ministro degli Esteri ha incontrato ieri a Roma il suo omologo francese. I colloqui sono durati tre ore.",
    date: { value: "2024-08-21", precision: "day" },
  },
  {
    url: "https://example.test/b",
    title: "Talks in Geneva",
    text: "Talks in Geneva\n\nThe two delegations met in Geneva on Monday and agreed to meet again in two weeks.",
  },
  { url: "https://example.test/c", text: "Die Regierung in Berlin kündigte am 3. Mai neue Hilfen an." },
];

let pool: AnalysisPool;
beforeAll(() => {
  pool = new AnalysisPool(2);
});
afterAll(async () => {
  await pool.close();
});

const items = (docs: readonly DocumentInit[]): AsyncIterable<ReadItem> =>
  (async function* () {
    for (const [i, init] of docs.entries()) yield { kind: "document" as const, init, where: `doc ${i}` };
  })();

describe("analysis on worker threads", () => {
  it("gives the same documents as analysis in this thread", async () => {
    const here = new Analyzer();
    const there = await Promise.all(DOCS.map((d) => pool.analyze(d)));
    DOCS.forEach((init, i) => {
      const expected = here.analyze(init);
      const got = there[i];
      expect(got?.id).toBe(expected.id);
      expect(got?.lang).toBe(expected.lang);
      expect(got?.langDecision).toEqual(expected.langDecision);
      expect(JSON.stringify(got?.layers)).toBe(JSON.stringify(expected.layers));
    });
  }, 60_000);

  it("rejects a bad document alone and goes on with the others", async () => {
    const bad = pool.analyze({ text: 42 as unknown as string });
    await expect(bad).rejects.toThrow();
    const good = await pool.analyze(DOCS[1] as DocumentInit);
    expect(good.layer("sentences").length).toBeGreaterThan(0);
  }, 60_000);

  it("stores in input order through ingest, so a later text of a URL is its new version", async () => {
    const dir = mkdtempSync(join(tmpdir(), "relata-pool-"));
    const store = openSqliteStore(join(dir, "t.db"));
    try {
      const second = { ...DOCS[0], text: `${DOCS[0]?.text} Un secondo incontro è previsto.` } as DocumentInit;
      const bad = { url: "https://example.test/bad", text: 42 as unknown as string };
      const errors: string[] = [];
      const counts = await ingestItems(store, pool, items([...DOCS, bad, second]), {
        inFlight: 8,
        onError: (_e, where) => errors.push(where),
      });
      expect(counts).toMatchObject({ read: 4, added: 3, newVersions: 1, errors: 1 });
      expect(errors).toEqual(["doc 3"]);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
