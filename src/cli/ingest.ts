import { MultiBar } from "cli-progress";
import type { Command } from "commander";
import { AnalysisPool, defaultWorkers, QUEUE_PER_WORKER } from "../ingest/pool.js";
import { type IngestCounts, ingestPaths } from "../ingest.js";
import { FORMATS } from "../readers/index.js";
import { openSqliteCorpusStore } from "../store/sqlite/corpus-store.js";
import { openSqliteStore } from "../store/sqlite/index.js";
import {
  DEFAULT_DB,
  EXIT,
  parseDateFlag,
  parseFormat,
  parseLangFlag,
  parsePositiveInt,
  reportError,
} from "./common.js";

interface IngestFlags {
  db: string;
  lang?: string;
  date?: string;
  maxBytes?: number;
  format?: string;
  workers: number;
}

export function registerIngest(program: Command): void {
  program
    .command("ingest")
    .description(
      "read, analyse and store files and folders (seed, plain text, JSON Lines, HTML, RSS/Atom, WARC)",
    )
    .argument("<paths...>", "files or folders")
    .option("--db <file>", "SQLite database", DEFAULT_DB)
    .option("--lang <code>", "language of plain-text inputs, overriding detection", parseLangFlag)
    .option("--date <date>", "published date of plain-text inputs", parseDateFlag)
    .option(
      "--format <format>",
      `force a reader instead of detecting it: ${FORMATS.join(", ")}`,
      parseFormat(FORMATS),
    )
    .option("--max-bytes <n>", "largest document accepted, in bytes", parsePositiveInt)
    .option(
      "--workers <n>",
      "analysis threads (SQLite writes stay batched in the main thread)",
      parsePositiveInt,
      defaultWorkers(),
    )
    .action(async (paths: string[], flags: IngestFlags) => {
      process.exitCode = await ingest(paths, flags);
    });
}

async function ingest(paths: string[], flags: IngestFlags): Promise<number> {
  const store = openSqliteStore(flags.db);
  // Each stored batch joins its duplicate groups and stories as it lands.
  const corpus = openSqliteCorpusStore(flags.db);
  const started = performance.now();
  const rate = (n: number) => (n / Math.max((performance.now() - started) / 1000, 1e-3)).toFixed(1);
  // A live bar on a terminal; plain log lines when stderr is a file or a pipe.
  const bars = process.stderr.isTTY
    ? new MultiBar({
        format: "ingest | {docs} documents | {rate} docs/s | {errors} errors",
        stream: process.stderr,
      })
    : undefined;
  const bar = bars?.create(0, 0, { docs: 0, rate: "0", errors: 0 });
  let lastLog = 0;
  const progress = (c: Readonly<IngestCounts>) => {
    if (bar) bar.update(c.read, { docs: c.read, rate: rate(c.read), errors: c.errors });
    else if (c.read - lastLog >= 1000) {
      lastLog = c.read;
      process.stderr.write(`ingest: ${c.read} documents, ${rate(c.read)} docs/s, ${c.errors} errors\n`);
    }
  };
  const pool = new AnalysisPool(flags.workers);
  try {
    const counts = await ingestPaths(store, pool, paths, {
      corpus,
      inFlight: flags.workers * QUEUE_PER_WORKER,
      lang: flags.lang,
      date: flags.date,
      maxDocumentBytes: flags.maxBytes,
      format: flags.format,
      onProgress: progress,
      onError: (error) => {
        if (bars) bars.log(`relata: ${error.message}\n`);
        else reportError(error);
      },
    });
    bars?.stop();
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `ingested into ${flags.db}: ${counts.added} added, ${counts.newVersions} new versions, ` +
        `${counts.unchanged} unchanged, ${counts.errors} errors (${counts.read} documents in ${seconds.toFixed(1)} s)\n`,
    );
    return counts.read === 0 && counts.errors > 0 ? EXIT.failed : EXIT.ok;
  } finally {
    await pool.close();
    corpus.close();
    store.close();
  }
}
