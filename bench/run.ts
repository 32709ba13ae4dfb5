import { execFileSync } from "node:child_process";
import { appendFileSync, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { Analyzer } from "../src/analysis.js";
import type { StageTimings } from "../src/document/pipeline.js";
import { packageRoot } from "../src/paths.js";
import { fileSource } from "../src/readers/input.js";
import { warcReader } from "../src/readers/warc.js";
import { warcResponse } from "../src/readers/warc-write.js";
import { buildServer } from "../src/server/app.js";
import { openSqliteStore } from "../src/store/sqlite/index.js";
import type { Store } from "../src/store/store.js";
import { checkDocument } from "../src/verify/check.js";
import { exampleArticles, syntheticCorpus } from "./corpus.js";

const quick = process.argv.includes("--quick");
const COUNT = quick ? 500 : 10_000;

interface Figures {
  [key: string]: number | string | Record<string, number>;
}

function commit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      cwd: packageRoot(),
      encoding: "utf8",
    }).trim();
  } catch {
    return "unknown";
  }
}

/**
 * The article view's API latency under load from autocannon on loopback: 4 connections for a
 * bounded time, each request for a different stored document.
 */
async function apiLatency(store: Store, analyzer: Analyzer, ids: readonly string[]) {
  const app = await buildServer({ store, analyzer, token: "bench", rateLimit: 1_000_000 });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  let n = 0;
  const result = await autocannon({
    url,
    connections: 4,
    duration: quick ? 3 : 10,
    requests: [
      { method: "GET", setupRequest: (req) => ({ ...req, path: `/api/documents/${ids[n++ % ids.length]}` }) },
    ],
  });
  await app.close();
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
  };
}

const WARC_RECORDS = 10_000;

/**
 * A gzip'd WARC of 10,000 HTML pages written to a temporary file, then read through the WARC reader:
 * documents/s, the peak rise of resident memory while streaming, and its rise after the first 1,000.
 */
async function warcStreaming(pages: readonly { title?: string | undefined; text: string }[]) {
  const dir = mkdtempSync(join(tmpdir(), "relata-bench-warc-"));
  const path = join(dir, "bench.warc.gz");
  const out = createWriteStream(path);
  for (let i = 0; i < WARC_RECORDS; i++) {
    const page = pages[i % pages.length] ?? { text: "" };
    const body = page.text
      .split("\n\n")
      .map((p) => `<p>${p}</p>`)
      .join("");
    const html = `<html><head><title>${page.title ?? ""} ${i}</title></head><body><article>${body}</article></body></html>`;
    const record = await warcResponse(
      { url: `https://bench.example/${i}`, html, date: "2024-06-10T04:00:00Z" },
      true,
    );
    if (!out.write(record)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  const start = process.memoryUsage.rss();
  let peak = start;
  let afterWarmUp = start;
  let docs = 0;
  const t = performance.now();
  for await (const item of warcReader.read(fileSource(path), {})) {
    if (item.kind !== "document" || ++docs % 250 !== 0) continue;
    peak = Math.max(peak, process.memoryUsage.rss());
    if (docs === 1000) afterWarmUp = peak;
  }
  const seconds = (performance.now() - t) / 1000;
  const fileMB = statSync(path).size / 1e6;
  rmSync(dir, { recursive: true, force: true });
  const mb = (n: number) => Math.round(n / 1e6);
  return {
    docs,
    docsPerSec: Math.round(docs / seconds),
    fileMB: Number(fileMB.toFixed(1)),
    peakRssDeltaMB: mb(peak - start),
    // Flat memory: once the first 1,000 records are read, the peak hardly rises.
    rssGrowthAfter1kMB: mb(peak - afterWarmUp),
  };
}

async function main(): Promise<void> {
  const bases = await exampleArticles();
  const corpus = syntheticCorpus(bases, COUNT);
  // First, while the process is small, so that the memory rise is the reader's own.
  const warc = await warcStreaming(corpus);
  const chars = corpus.reduce((n, d) => n + d.text.length, 0);
  const bytes = corpus.reduce((n, d) => n + Buffer.byteLength(d.text), 0);

  const loadStart = performance.now();
  const analyzer = new Analyzer();
  analyzer.analyze(corpus[0] ?? { text: "" }); // loads packs and warms the JIT outside the timed loop
  const loadMs = performance.now() - loadStart;

  // Analyse and store batch by batch, timing each part, keeping only ids: memory is what ingest needs.
  const timings: StageTimings = new Map();
  const dir = mkdtempSync(join(tmpdir(), "relata-bench-"));
  const store = openSqliteStore(join(dir, "bench.db"));
  const ids: string[] = [];
  const langs = new Set<string>();
  let analyseMs = 0;
  let storeMs = 0;
  for (let i = 0; i < corpus.length; i += 200) {
    const t0 = performance.now();
    const batch = corpus.slice(i, i + 200).map((d) => analyzer.analyze(d, timings));
    const t1 = performance.now();
    store.putMany(batch);
    storeMs += performance.now() - t1;
    analyseMs += t1 - t0;
    for (const d of batch) {
      ids.push(d.id);
      langs.add(d.lang);
    }
  }
  const analyseS = analyseMs / 1000;
  const storeS = storeMs / 1000;
  const queries = ["Putin", "Kursk", "Kazan BRICS", "Moscú", "premier"];
  const latencies: number[] = [];
  for (let r = 0; r < 20; r++) {
    for (const q of queries) {
      const s = performance.now();
      store.search({ text: q, limit: 20 });
      latencies.push(performance.now() - s);
    }
  }
  const articleView = await apiLatency(store, analyzer, ids);
  // relata check of one new document against the stored corpus: analysis plus every check.
  const checks: number[] = [];
  for (const d of corpus.slice(0, 50)) {
    const s = performance.now();
    checkDocument(analyzer.analyze({ ...d, url: `${d.url}#check` }), analyzer.kb, store);
    checks.push(performance.now() - s);
  }
  checks.sort((a, b) => a - b);
  store.close();
  rmSync(dir, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;

  const figures: Figures = {
    date: new Date().toISOString(),
    commit: commit(),
    node: process.version,
    mode: quick ? "quick" : "full",
    documents: COUNT,
    languages: [...langs].join(","),
    avgDocChars: Math.round(chars / COUNT),
    analyseDocsPerSecPerCore: Math.round(COUNT / analyseS),
    analyseMBPerSec: Number((bytes / 1e6 / analyseS).toFixed(2)),
    stageMsPerDoc: Object.fromEntries([...timings].map(([k, v]) => [k, Number((v / COUNT).toFixed(4))])),
    storeDocsPerSec: Math.round(COUNT / storeS),
    searchP50Ms: Number(p(0.5).toFixed(3)),
    searchP95Ms: Number(p(0.95).toFixed(3)),
    checkP50Ms: Number((checks[Math.floor(checks.length / 2)] ?? 0).toFixed(1)),
    checkP95Ms: Number((checks[Math.floor(checks.length * 0.95)] ?? 0).toFixed(1)),
    articleViewRps: articleView.rps,
    articleViewP50Ms: articleView.p50,
    articleViewP97_5Ms: articleView.p97_5,
    articleViewP99Ms: articleView.p99,
    pipelineLoadMs: Math.round(loadMs),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    warcDocsPerSec: warc.docsPerSec,
    warcPeakRssDeltaMB: warc.peakRssDeltaMB,
    warcRssGrowthAfter1kMB: warc.rssGrowthAfter1kMB,
  };

  const line = (k: string, v: unknown, unit = "") =>
    process.stdout.write(`${k.padEnd(40)} ${String(v)}${unit}\n`);
  process.stdout.write(
    `relata bench (${figures.mode}, ${COUNT} documents of ~${figures.avgDocChars} chars, ${figures.languages})\n`,
  );
  line("analysis throughput (1 core)", figures.analyseDocsPerSecPerCore, " documents/s per core");
  line("analysis throughput", figures.analyseMBPerSec, " MB/s");
  for (const [stage, ms] of Object.entries(figures.stageMsPerDoc as Record<string, number>)) {
    line(`  stage ${stage}`, ms, " ms/document");
  }
  line("SQLite store (batched, analysed)", figures.storeDocsPerSec, " documents/s");
  line(`full-text search over ${COUNT}`, `p50 ${figures.searchP50Ms} ms, p95 ${figures.searchP95Ms} ms`);
  line(
    `relata check of one document against ${COUNT}`,
    `p50 ${figures.checkP50Ms} ms, p95 ${figures.checkP95Ms} ms`,
  );
  line(
    `API article view over ${COUNT} (autocannon)`,
    `p50 ${figures.articleViewP50Ms} ms, p97.5 ${figures.articleViewP97_5Ms} ms, p99 ${figures.articleViewP99Ms} ms, ${figures.articleViewRps} req/s (target p95 < 50 ms)`,
  );
  line(
    `WARC of ${WARC_RECORDS} records (${warc.fileMB} MB gz)`,
    `${warc.docs} documents, ${warc.docsPerSec} documents/s, peak RSS +${warc.peakRssDeltaMB} MB (+${warc.rssGrowthAfter1kMB} MB after the first 1000)`,
  );
  line("pipeline load", figures.pipelineLoadMs, " ms");
  line("peak resident memory", figures.peakRssMB, " MB");
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  if (!process.argv.includes("--no-history")) {
    appendFileSync(join(packageRoot(), "bench", "history.jsonl"), `${JSON.stringify(figures)}\n`);
  }
}

await main();
