import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { bucketStart, bucketStarts, type DyadBucket } from "../src/corpus/dyads.js";
import { openSqliteCorpusStore } from "../src/store/sqlite/corpus-store.js";
import { percentiles } from "./measure.js";

/**
 * A dyad series over ten million events. A series reads only the per-day aggregates (dyad_days)
 * and the per-bucket outlets (dyad_sources), never the events, so the bench writes the aggregate
 * rows that `events` synthetic events would leave there, without storing the events themselves:
 * 200 directed actor pairs with Zipf-distributed volumes over 731 days, 4 QuadClasses × 8 PLOVER
 * types and up to 60 outlets per bucket.
 */
const COUNTRIES = [
  "RUS",
  "UKR",
  "USA",
  "CHN",
  "ISR",
  "PSE",
  "IRN",
  "FRA",
  "DEU",
  "GBR",
  "ITA",
  "ESP",
  "TUR",
  "IND",
  "BRA",
  "SAU",
  "EGY",
  "SYR",
  "LBN",
  "POL",
];
const PLOVER = ["CONSULT", "AGREE", "SUPPORT", "DEMAND", "ACCUSE", "THREATEN", "PROTEST", "ASSAULT"];
const BUCKETS: DyadBucket[] = ["day", "week", "month"];
const FIRST = "2023-01-01";
const LAST = "2024-12-31";

export interface DyadFigures {
  /** Events the aggregate rows count (the requested number, give or take rounding). */
  readonly events: number;
  readonly dayRows: number;
  readonly sourceRows: number;
  readonly buildS: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

export function dyadSeries(events: number): DyadFigures {
  const dir = mkdtempSync(join(tmpdir(), "relata-bench-dyads-"));
  const path = join(dir, "dyads.db");
  try {
    openSqliteCorpusStore(path).close(); // creates the tables (migrations)
    const db = new Database(path);
    db.pragma("journal_mode = WAL");
    const t0 = performance.now();
    const pairs: [string, string][] = [];
    for (const a of COUNTRIES)
      for (const b of COUNTRIES) if (a !== b && pairs.length < 200) pairs.push([a, b]);
    const harmonic = pairs.reduce((s, _, i) => s + 1 / (i + 1), 0);
    const days = bucketStarts(FIRST, LAST, "day");
    const addDay = db.prepare(
      "INSERT INTO dyad_days (a, b, day, quad, plover, events, goldstein_tenths) VALUES (?, ?, ?, ?, ?, ?, ?)",
    );
    // Outlet rows per directed pair, and (where the schema keeps them) per unordered pair too.
    const columns = db.pragma("table_info(dyad_sources)") as { name: string }[];
    const withDirection = columns.some((c) => c.name === "directed");
    const sourceSql = withDirection
      ? "INSERT INTO dyad_sources (a, b, directed, bucket, start, source, events) VALUES (?, ?, ?, ?, ?, ?, ?)"
      : "INSERT INTO dyad_sources (a, b, bucket, start, source, events) VALUES (?, ?, ?, ?, ?, ?)";
    const insertSource = db.prepare(
      `${sourceSql} ON CONFLICT DO UPDATE SET events = events + excluded.events`,
    );
    const addSource = (a: string, b: string, by: string, start: string, source: string) => {
      if (!withDirection) return insertSource.run(a, b, by, start, source, 1);
      insertSource.run(a, b, 1, by, start, source, 1);
      return insertSource.run(a < b ? a : b, a < b ? b : a, 0, by, start, source, 1);
    };
    let dayRows = 0;
    let stored = 0;
    let sourceRows = 0;
    db.transaction(() => {
      pairs.forEach(([a, b], rank) => {
        const perDay = events / harmonic / (rank + 1) / days.length;
        const cells = Math.max(1, Math.min(32, Math.round(perDay)));
        for (const day of days) {
          for (let c = 0; c < cells; c++) {
            const quad = 1 + (c % 4);
            const n = Math.max(1, Math.round(perDay / cells));
            addDay.run(a, b, day, quad, PLOVER[Math.floor(c / 4)], n, quad > 2 ? -50 * n : 30 * n);
            dayRows++;
            stored += n;
          }
        }
        for (const by of BUCKETS) {
          const starts = bucketStarts(bucketStart(FIRST, by), LAST, by);
          const inBucket = (perDay * days.length) / starts.length;
          const outlets = Math.max(1, Math.min(60, Math.round(inBucket)));
          for (const start of starts) {
            for (let o = 0; o < outlets; o++) addSource(a, b, by, start, `outlet${o}.example`);
            sourceRows += outlets;
          }
        }
      });
    })();
    db.close();
    const buildS = (performance.now() - t0) / 1000;
    const corpus = openSqliteCorpusStore(path);
    try {
      const ms: number[] = [];
      for (let i = 0; i < 60; i++) {
        const [a, b] = pairs[(i * 7) % 20] as [string, string];
        const by = BUCKETS[i % 3] as DyadBucket;
        const t = performance.now();
        corpus.dyad({ a, b, by, from: i % 2 ? "2024" : undefined });
        ms.push(performance.now() - t);
      }
      return { events: stored, dayRows, sourceRows, buildS, ...percentiles(ms) };
    } finally {
      corpus.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
