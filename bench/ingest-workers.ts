import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DocumentInit } from "../src/document/document.js";
import { AnalysisPool, QUEUE_PER_WORKER } from "../src/ingest/pool.js";
import { ingestItems } from "../src/ingest.js";
import type { ReadItem } from "../src/readers/reader.js";
import { openSqliteCorpusStore } from "../src/store/sqlite/corpus-store.js";
import { openSqliteStore } from "../src/store/sqlite/index.js";

export interface IngestFigures {
  readonly workers: number;
  readonly docs: number;
  readonly docsPerSec: number;
  readonly seconds: number;
  readonly startMs: number;
}

/**
 * `relata ingest` as the CLI runs it: analysis on a pool of worker threads, batched writes and the
 * stories update in the main thread, into a fresh database. The pool's start (each worker loads
 * the KB and the packs of every language) is timed apart.
 */
export async function ingestWithWorkers(
  docs: readonly DocumentInit[],
  workers: number,
): Promise<IngestFigures> {
  const dir = mkdtempSync(join(tmpdir(), "relata-bench-ingest-"));
  const db = join(dir, "ingest.db");
  const store = openSqliteStore(db);
  const corpus = openSqliteCorpusStore(db);
  const t0 = performance.now();
  const pool = new AnalysisPool(workers);
  try {
    // Each worker first loads the KB and every language's packs, outside the timed run: the same
    // document `workers` times in a row reaches each worker once (the pool picks the least busy).
    const warm = docs
      .slice(0, 16)
      .flatMap((d) => Array.from({ length: workers }, () => ({ ...d, url: `${d.url}#warm` })));
    await Promise.all(warm.map((d) => pool.analyze(d)));
    const startMs = Math.round(performance.now() - t0);
    const items = (async function* (): AsyncIterable<ReadItem> {
      for (const [i, init] of docs.entries()) yield { kind: "document", init, where: `bench ${i}` };
    })();
    const t1 = performance.now();
    const counts = await ingestItems(store, pool, items, { corpus, inFlight: workers * QUEUE_PER_WORKER });
    const seconds = (performance.now() - t1) / 1000;
    if (counts.errors) throw new Error(`bench ingest: ${counts.errors} documents failed`);
    return { workers, docs: counts.read, docsPerSec: Math.round(counts.read / seconds), seconds, startMs };
  } finally {
    await pool.close();
    corpus.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
