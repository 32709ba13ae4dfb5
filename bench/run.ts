import { execFileSync } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { Analyzer } from "../src/analysis.js";
import { Document } from "../src/document/document.js";
import type { StageTimings } from "../src/document/pipeline.js";
import { packageRoot } from "../src/paths.js";
import { buildServer } from "../src/server/app.js";
import { langIdStage } from "../src/stages/langid.js";
import { openSqliteStore } from "../src/store/sqlite/index.js";
import type { Store } from "../src/store/store.js";
import { checkDocument } from "../src/verify/check.js";
import { exampleArticles, syntheticCorpus } from "./corpus.js";
import { dyadSeries } from "./dyads.js";
import { ingestWithWorkers } from "./ingest-workers.js";
import { cpuSeconds, latencies, percentiles } from "./measure.js";
import { kbMemory, warcMemory } from "./memory.js";
import { datePeers, langIdPeers, nerPeers, type PeerTask } from "./peers.js";
import { replicate, searchQueries, syntheticRows } from "./scale.js";

const quick = process.argv.includes("--quick");
/** Sizes of each part: quick mode keeps the whole run near a minute. */
const SIZE = quick
  ? {
      analyse: 300,
      ingest: 200,
      check: 2_000,
      search: 20_000,
      warc: 2_000,
      memoryDocs: 100,
      events: 1_000_000,
    }
  : {
      analyse: 10_000,
      ingest: 2_000,
      check: 100_000,
      search: 1_000_000,
      warc: 10_000,
      memoryDocs: 500,
      events: 10_000_000,
    };

type Figure = number | string | Record<string, number>;

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

const out = (text: string) => process.stdout.write(`${text}\n`);
const benchStart = performance.now();
/** What the bench is doing, on stderr, so that a long run shows where its time goes. */
const progress = (what: string) =>
  process.stderr.write(`bench: ${((performance.now() - benchStart) / 1000).toFixed(0)} s, ${what}\n`);
/** One figure with its target, in one aligned line. */
const line = (label: string, value: string, target = "") =>
  out(`${label.padEnd(48)} ${value}${target ? `   [target: ${target}]` : ""}`);

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

function printPeers(task: PeerTask | string, target: string): Record<string, number> {
  if (typeof task === "string") {
    out(task);
    return {};
  }
  out(`${task.task}: ${task.unit}, ${task.measure}`);
  const flat: Record<string, number> = {};
  for (const f of task.figures) {
    line(`  ${f.system}`, `${f.perSec} ${task.unit}${f.f1 === undefined ? "" : `, ${f.f1}`}`);
    flat[`${f.system} perSec`] = f.perSec;
    if (f.f1 !== undefined) flat[`${f.system} score`] = f.f1;
  }
  const [mine, ...peers] = task.figures;
  for (const peer of peers) {
    if (!mine || peer.system.startsWith("relata")) continue;
    const against = peer.system.includes("untyped")
      ? task.figures.find((f) => f.system.includes("relata (untyped)"))
      : mine;
    if (!against) continue;
    const ratio = against.perSec / peer.perSec;
    line(`  ratio relata/${peer.system}`, `${ratio.toFixed(1)}× throughput`, target);
    flat[`ratio vs ${peer.system}`] = Number(ratio.toFixed(2));
  }
  if (task.note) out(`  (${task.note})`);
  return flat;
}

async function main(): Promise<void> {
  const started = performance.now();
  const bases = await exampleArticles();
  const corpus = syntheticCorpus(bases, SIZE.analyse);
  const chars = corpus.reduce((n, d) => n + d.text.length, 0);
  const bytes = corpus.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  const figures: Record<string, Figure> = {
    date: new Date().toISOString(),
    commit: commit(),
    node: process.version,
    mode: quick ? "quick" : "full",
    // What changed since the previous line: `npm run bench -- --note "…"`.
    note: process.argv.includes("--note") ? (process.argv[process.argv.indexOf("--note") + 1] ?? "") : "",
    documents: SIZE.analyse,
    avgDocChars: Math.round(chars / SIZE.analyse),
  };
  out(`relata bench (${figures.mode}): ${SIZE.analyse} documents of ~${figures.avgDocChars} characters`);

  // Memory first, in child processes of their own.
  progress("memory in child processes");
  const memory = kbMemory(SIZE.memoryDocs);
  const warc = await warcMemory(corpus, SIZE.warc);

  // Load and warm every language's packs outside the timed loop (one document of each).
  progress("load and warm the pipeline");
  const loadStart = performance.now();
  const analyzer = new Analyzer();
  const seen = new Set<string>();
  for (const d of corpus.slice(0, 40)) {
    const lang = langIdStage.run(Document.create(d), analyzer.pipeline.resources).lang;
    if (!seen.has(lang)) analyzer.analyze({ ...d, url: `${d.url}#warm` });
    seen.add(lang);
  }
  figures.pipelineLoadMs = Math.round(performance.now() - loadStart);

  // Analyse and store batch by batch, timing each part, keeping only ids: memory is what ingest needs.
  const timings: StageTimings = new Map();
  const dir = mkdtempSync(join(tmpdir(), "relata-bench-"));
  const store = openSqliteStore(join(dir, "bench.db"));
  const ids: string[] = [];
  const langs = new Set<string>();
  let sentences = 0;
  let analyseCpu = 0;
  let analyseWall = 0;
  let storeMs = 0;
  for (let i = 0; i < corpus.length; i += 200) {
    const {
      value: batch,
      cpu,
      wall,
    } = await cpuSeconds(() => corpus.slice(i, i + 200).map((d) => analyzer.analyze(d, timings)));
    analyseCpu += cpu;
    analyseWall += wall;
    const t1 = performance.now();
    store.putMany(batch);
    storeMs += performance.now() - t1;
    for (const d of batch) {
      ids.push(d.id);
      langs.add(d.lang);
      sentences += d.layer("sentences").length;
    }
  }
  figures.languages = [...langs].join(",");
  figures.analyseDocsPerSecPerCore = Math.round(SIZE.analyse / analyseCpu);
  figures.analyseDocsPerSecWall = Math.round(SIZE.analyse / analyseWall);
  figures.analyseMBPerCpuSec = Number((bytes / 1e6 / analyseCpu).toFixed(2));
  figures.stageMsPerDoc = Object.fromEntries(
    [...timings].map(([k, v]) => [k, Number((v / SIZE.analyse).toFixed(4))]),
  );
  figures.eventsSentencesPerSec = Math.round(sentences / ((timings.get("events") ?? 1) / 1000));
  figures.storeDocsPerSec = Math.round(SIZE.analyse / (storeMs / 1000));

  // Peers on the same texts.
  progress("peers");
  const sample = corpus
    .slice(0, quick ? 100 : 1000)
    .map((d) => langIdStage.run(Document.create(d), analyzer.pipeline.resources));
  const ner = await nerPeers();
  const dates = await datePeers(sample, analyzer.pipeline.resources.packs);
  const langid = langIdPeers();

  progress("ingest on worker threads");
  const ingest = await ingestWithWorkers(corpus.slice(0, SIZE.ingest), 2);

  // Article view, then search and check at the stored size, then grown to the targets' sizes.
  progress("API, search, check");
  const articleView = await apiLatency(store, analyzer, ids);
  const queries = searchQueries(analyzer.kb);
  const search = (n: number) => {
    const ms = latencies(queries.length * 5, (i) =>
      store.search({ text: queries[i % queries.length] ?? "", limit: 20 }),
    );
    return { n, ...percentiles(ms) };
  };
  const check = (n: number) => {
    const ms = latencies(quick ? 10 : 40, (i) => {
      const d = corpus[i] ?? { text: "" };
      checkDocument(analyzer.analyze({ ...d, url: `${d.url}#check` }), analyzer.kb, store);
    });
    return { n, ...percentiles(ms) };
  };
  const searchSmall = search(ids.length);
  const checkSmall = check(ids.length);
  progress(`grow the store to ${SIZE.check} analysed documents`);
  const growStart = performance.now();
  const checkN = replicate(store, ids, SIZE.check);
  const growCopiesS = (performance.now() - growStart) / 1000;
  const searchCheckN = search(checkN);
  const checkAtN = check(checkN);
  progress(`fill up to ${SIZE.search} rows`);
  const rowsStart = performance.now();
  let total = checkN;
  for (const batch of syntheticRows(bases, analyzer.kb, SIZE.search - checkN)) {
    store.putMany(batch);
    total += batch.length;
  }
  const growRowsS = (performance.now() - rowsStart) / 1000;
  const searchBig = search(total);
  store.close();
  rmSync(dir, { recursive: true, force: true });
  progress(`dyad series over ${SIZE.events} events`);
  // The event tables belong to the corpus work and may change under the bench: a failure skips the line.
  let dyads: ReturnType<typeof dyadSeries> | string;
  try {
    dyads = dyadSeries(SIZE.events);
  } catch (error) {
    dyads = `dyad series skipped: ${error instanceof Error ? error.message : String(error)}`;
  }

  // Print everything beside its target.
  out("");
  line(
    "analysis throughput",
    `${figures.analyseDocsPerSecPerCore} documents/s per core (CPU time)`,
    "≥ 1,000 documents/s per core",
  );
  line(
    "  wall clock, this run",
    `${figures.analyseDocsPerSecWall} documents/s, ${figures.analyseMBPerCpuSec} MB per CPU second`,
  );
  for (const [stage, ms] of Object.entries(figures.stageMsPerDoc as Record<string, number>)) {
    line(`  stage ${stage}`, `${ms} ms/document (wall)`);
  }
  line(
    "events stage alone",
    `${figures.eventsSentencesPerSec} sentences/s per core (wall)`,
    "≥ 5,000 sentences/s",
  );
  line("pipeline load (KB, packs of every language)", `${figures.pipelineLoadMs} ms`);
  line("SQLite store of analysed documents", `${figures.storeDocsPerSec} documents/s (batches of 200)`);
  line(
    `ingest with analysis, ${ingest.workers} worker threads`,
    `${ingest.docsPerSec} documents/s (${ingest.docs} documents in ${ingest.seconds.toFixed(1)} s; pool start ${ingest.startMs} ms)`,
    "≥ 500 documents/s",
  );
  line(
    "  time to ingest 100,000 documents",
    `${Math.round(100_000 / ingest.docsPerSec)} s, extrapolated from the rate above`,
  );
  for (const [s, target] of [
    [searchSmall, ""],
    [searchCheckN, ""],
    [searchBig, "p95 < 50 ms over 1,000,000"],
  ] as const) {
    line(
      `full-text search over ${s.n.toLocaleString("en")}`,
      `p50 ${s.p50} ms, p95 ${s.p95} ms, p99 ${s.p99} ms`,
      target,
    );
  }
  out(
    `  (${queries.length} queries × 5; stores grown by copies of analysed documents in ${growCopiesS.toFixed(0)} s, then synthetic rows in ${growRowsS.toFixed(0)} s)`,
  );
  for (const c of [checkSmall, checkAtN]) {
    line(
      `relata check of one document against ${c.n.toLocaleString("en")}`,
      `p50 ${c.p50} ms, p95 ${c.p95} ms`,
      c === checkAtN ? "p95 < 1 s against 100,000" : "",
    );
  }
  line(
    `API article view over ${ids.length} (autocannon)`,
    `p50 ${articleView.p50} ms, p97.5 ${articleView.p97_5} ms, p99 ${articleView.p99} ms, ${articleView.rps} req/s`,
    "p95 < 50 ms",
  );
  if (typeof dyads === "string") out(dyads);
  else {
    line(
      `dyad series over ${dyads.events.toLocaleString("en")} events`,
      `p50 ${dyads.p50} ms, p95 ${dyads.p95} ms, p99 ${dyads.p99} ms`,
      "p95 < 100 ms over 10,000,000",
    );
    out(
      `  (aggregate rows of synthetic events: ${dyads.dayRows.toLocaleString("en")} day rows, ${dyads.sourceRows.toLocaleString("en")} outlet rows, written in ${dyads.buildS.toFixed(0)} s)`,
    );
  }
  out("");
  const nerFlat = printPeers(ner, "≥ 10× at equal or better F1");
  const dateFlat = printPeers(dates, "");
  const langFlat = printPeers(langid, "");
  out("");
  out("memory, each in a child process of its own (resident MB, live heap MB after GC):");
  for (const s of memory.steps) line(`  ${s.step}`, `RSS ${s.rss} MB, heap ${s.heap} MB`);
  line("  peak RSS with the full KB", `${memory.peakRssMB} MB`, "< 1 GB");
  line("  KB load", `${memory.kbLoadMs} ms (${memory.aliasKeys} alias keys)`, "< 2 s");
  line(
    `  WARC of ${warc.docs} records (${warc.fileMB} MB gz) streamed`,
    `${warc.docsPerSec} documents/s, RSS +${warc.peakRssDeltaMB} MB, +${warc.rssGrowthAfter1kMB} MB after the first 1,000; live heap after GC +${warc.liveHeapGrowthAfter1kMB} MB from record 1,000 to the end`,
    "flat memory",
  );
  line(
    "  bench process peak RSS (corpus, SQLite, autocannon, peers)",
    `${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
  line(
    "bench run time",
    `${((performance.now() - started) / 1000).toFixed(0)} s`,
    quick ? "~1 min" : "< 15 min",
  );

  Object.assign(figures, {
    ingestWorkers: ingest.workers,
    ingestDocsPerSec: ingest.docsPerSec,
    ingest100kSecondsExtrapolated: Math.round(100_000 / ingest.docsPerSec),
    [`searchP95Ms@${searchSmall.n}`]: searchSmall.p95,
    [`searchP95Ms@${searchCheckN.n}`]: searchCheckN.p95,
    [`searchP95Ms@${searchBig.n}`]: searchBig.p95,
    [`checkP95Ms@${checkSmall.n}`]: checkSmall.p95,
    [`checkP95Ms@${checkAtN.n}`]: checkAtN.p95,
    dyadP95Ms: typeof dyads === "string" ? "skipped" : dyads.p95,
    articleViewRps: articleView.rps,
    articleViewP99Ms: articleView.p99,
    peakRssMBFullKb: memory.peakRssMB,
    kbLoadMs: memory.kbLoadMs,
    benchPeakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    warcDocsPerSec: warc.docsPerSec,
    warcPeakRssDeltaMB: warc.peakRssDeltaMB,
    warcRssGrowthAfter1kMB: warc.rssGrowthAfter1kMB,
    warcLiveHeapGrowthAfter1kMB: warc.liveHeapGrowthAfter1kMB,
    ner: nerFlat,
    dates: dateFlat,
    langid: langFlat,
    benchSeconds: Math.round((performance.now() - started) / 1000),
  });
  out(JSON.stringify(figures));
  if (!process.argv.includes("--no-history")) {
    appendFileSync(join(packageRoot(), "bench", "history.jsonl"), `${JSON.stringify(figures)}\n`);
  }
}

await main();
