import { type Command, InvalidArgumentError } from "commander";
import { Analyzer } from "../analysis.js";
import { PoliteClient } from "../fetch/client.js";
import { fetchItems } from "../fetch/items.js";
import { ingestItems } from "../ingest.js";
import { openSqliteCorpusStore } from "../store/sqlite/corpus-store.js";
import { openSqliteStore } from "../store/sqlite/index.js";
import { DEFAULT_DB, EXIT, parseLangFlag, parsePositiveInt, reportError } from "./common.js";

interface FetchFlags {
  db: string;
  lang?: string;
  allowPrivate?: boolean;
  rate: number;
  timeout: number;
  maxBytes: number;
}

function parseMs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError("expected milliseconds (a whole number ≥ 0)");
  return n;
}

export function registerFetch(program: Command): void {
  program
    .command("fetch")
    .description(
      "fetch web pages or RSS/Atom feeds (and the articles of summary-only feed items), then analyse and store them",
    )
    .argument("<urls...>", "page or feed URLs")
    .option("--db <file>", "SQLite database", DEFAULT_DB)
    .option("--lang <code>", "language of the pages when they do not state it", parseLangFlag)
    .option("--allow-private", "allow private, loopback and link-local addresses")
    .option("--rate <ms>", "least time between two requests to one host", parseMs, 1000)
    .option("--timeout <ms>", "longest a request may take", parsePositiveInt, 20_000)
    .option("--max-bytes <n>", "largest response accepted, in bytes", parsePositiveInt, 10 * 1024 * 1024)
    .action(async (urls: string[], flags: FetchFlags) => {
      process.exitCode = await fetchCommand(urls, flags);
    });
}

async function fetchCommand(urls: string[], flags: FetchFlags): Promise<number> {
  const client = new PoliteClient({
    allowPrivate: flags.allowPrivate,
    rateMs: flags.rate,
    timeoutMs: flags.timeout,
    maxBytes: flags.maxBytes,
  });
  const store = openSqliteStore(flags.db);
  // Each stored batch joins its duplicate groups and stories as it lands.
  const corpus = openSqliteCorpusStore(flags.db);
  try {
    const items = (async function* () {
      for (const url of urls)
        yield* fetchItems(url, client, { lang: flags.lang, maxDocumentBytes: flags.maxBytes });
    })();
    const counts = await ingestItems(store, new Analyzer(), items, {
      corpus,
      onError: (error) => reportError(error),
    });
    process.stdout.write(
      `fetched into ${flags.db}: ${counts.added} added, ${counts.newVersions} new versions, ` +
        `${counts.unchanged} unchanged, ${counts.errors} errors\n`,
    );
    return counts.read === 0 && counts.errors > 0 ? EXIT.failed : EXIT.ok;
  } finally {
    corpus.close();
    store.close();
  }
}
