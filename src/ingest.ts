import type { CorpusStore } from "./corpus/corpus-store.js";
import type { Document, DocumentInit } from "./document/document.js";
import { readAll } from "./readers/index.js";
import type { InputError, ReadItem, ReadOptions } from "./readers/reader.js";
import type { IngestOutcome, Store } from "./store/store.js";

export interface IngestCounts {
  /** Documents read and analysed. */
  read: number;
  added: number;
  unchanged: number;
  newVersions: number;
  errors: number;
}

/** What analyses for ingest: an Analyzer in this thread, or an AnalysisPool of worker threads. */
export interface DocumentAnalyzer {
  analyze(init: DocumentInit): Document | Promise<Document>;
}

export interface IngestOptions extends ReadOptions {
  readonly format?: string | undefined;
  /** Documents written per transaction. */
  readonly batchSize?: number | undefined;
  /** Documents under analysis at once (for a worker pool; 1 analyses one after the other). */
  readonly inFlight?: number | undefined;
  /** Where each stored batch is placed into duplicate groups and stories, right after it is written. */
  readonly corpus?: CorpusStore | undefined;
  readonly onError?: ((error: InputError | Error, where: string) => void) | undefined;
  readonly onProgress?: ((counts: Readonly<IngestCounts>) => void) | undefined;
}

/**
 * Reads, analyses and stores every document of the given paths. One bad document or file is
 * reported through onError and skipped; documents are written in batched transactions, and a
 * batch that fails is retried one document at a time so that only the bad one is lost.
 */
export function ingestPaths(
  store: Store,
  analyzer: DocumentAnalyzer,
  paths: readonly string[],
  options: IngestOptions = {},
): Promise<IngestCounts> {
  return ingestItems(store, analyzer, readAll(paths, options, options.format), options);
}

/** Analyses and stores read items from any source (files, a fetch), as ingestPaths does. */
export async function ingestItems(
  store: Store,
  analyzer: DocumentAnalyzer,
  items: AsyncIterable<ReadItem>,
  options: Omit<IngestOptions, keyof ReadOptions | "format"> = {},
): Promise<IngestCounts> {
  const counts: IngestCounts = { read: 0, added: 0, unchanged: 0, newVersions: 0, errors: 0 };
  const batchSize = options.batchSize ?? 200;
  let batch: { doc: Document; where: string }[] = [];

  const tally = (outcome: IngestOutcome) => {
    if (outcome === "added") counts.added++;
    else if (outcome === "unchanged") counts.unchanged++;
    else counts.newVersions++;
  };
  const fail = (error: InputError | Error, where: string) => {
    counts.errors++;
    options.onError?.(error, where);
  };
  const flush = () => {
    if (batch.length === 0) return;
    try {
      for (const outcome of store.putMany(batch.map((b) => b.doc))) tally(outcome);
    } catch {
      for (const { doc, where } of batch) {
        try {
          tally(store.put(doc));
        } catch (error) {
          fail(error as Error, where);
        }
      }
    }
    batch = [];
    options.corpus?.update();
    options.onProgress?.(counts);
  };

  // Analyses run ahead (in workers) while results are taken in input order, so that versions of
  // one URL are stored in the order they were read.
  const running: { result: Promise<Document>; where: string }[] = [];
  const inFlight = Math.max(1, options.inFlight ?? 1);
  const takeOldest = async () => {
    const next = running.shift();
    if (!next) return;
    try {
      batch.push({ doc: await next.result, where: next.where });
      counts.read++;
    } catch (error) {
      fail(error as Error, next.where);
    }
    if (batch.length >= batchSize) flush();
  };

  for await (const item of items) {
    if (item.kind === "error") {
      fail(item.error, item.error.input);
      continue;
    }
    let result: Promise<Document>;
    try {
      result = Promise.resolve(analyzer.analyze(item.init));
    } catch (error) {
      result = Promise.reject(error as Error);
    }
    // Handled when taken; marked now so that a rejection waiting its turn is not reported unhandled.
    result.catch(() => {});
    running.push({ result, where: item.where });
    if (running.length >= inFlight) await takeOldest();
  }
  while (running.length) await takeOldest();
  flush();
  return counts;
}
