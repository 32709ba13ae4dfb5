/**
 * Memory measured in child processes of their own, so that the figure is the part's alone and not
 * the bench's (which holds a corpus, SQLite caches and autocannon): `--child kb <docs>` loads the
 * packs, the full KB and the analysis and reports resident memory after each step; `--child warc
 * <file>` streams a WARC and reports how resident memory moves while it reads.
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DocumentInit } from "../src/document/document.js";
import { fileSource } from "../src/readers/input.js";
import { warcReader } from "../src/readers/warc.js";
import { warcResponse } from "../src/readers/warc-write.js";
import { sibling } from "./measure.js";

const MB = 2 ** 20;

/** Resident and live-heap MB after a full collection (the child runs with --expose-gc). */
function settled(): { rss: number; heap: number } {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return { rss: Math.round(m.rss / MB), heap: Math.round(m.heapUsed / MB) };
}

export interface KbMemory {
  readonly steps: { step: string; rss: number; heap: number }[];
  readonly peakRssMB: number;
  readonly kbLoadMs: number;
  readonly aliasKeys: number;
}

async function kbChild(docs: number): Promise<KbMemory> {
  const steps: KbMemory["steps"] = [{ step: "node", ...settled() }];
  const { detectLanguage } = await import("../src/stages/langid.js");
  detectLanguage("Il governo ha approvato la legge.");
  steps.push({ step: "+ language id (eld)", ...settled() });
  const { LangPacks } = await import("../src/lang/packs.js");
  const packs = new LangPacks();
  const { loadKb } = await import("../src/kb/kb.js");
  const t = performance.now();
  const kb = loadKb();
  const kbLoadMs = Math.round(performance.now() - t);
  steps.push({ step: "+ full KB", ...settled() });
  const { Analyzer } = await import("../src/analysis.js");
  const { exampleArticles, syntheticCorpus } = await import("./corpus.js");
  const analyzer = new Analyzer(packs, kb);
  const corpus = syntheticCorpus(await exampleArticles(), docs);
  for (const d of corpus.slice(0, 16)) analyzer.analyze(d);
  steps.push({ step: "+ packs, chrono locales, stages (all languages)", ...settled() });
  for (const d of corpus) analyzer.analyze(d);
  steps.push({ step: `after analysing ${docs} documents`, ...settled() });
  return {
    steps,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    kbLoadMs,
    aliasKeys: kb.index.keys,
  };
}

export interface WarcMemory {
  readonly docs: number;
  readonly docsPerSec: number;
  readonly fileMB: number;
  readonly peakRssDeltaMB: number;
  readonly rssGrowthAfter1kMB: number;
  /** Live heap after a full GC at the end, less the same after 1,000 records: what a leak would grow. */
  readonly liveHeapGrowthAfter1kMB: number;
  readonly heapAfterMB: number;
}

async function warcChild(path: string): Promise<WarcMemory> {
  const start = settled();
  let peak = process.memoryUsage.rss();
  let afterWarmUp = peak;
  let liveAt1k = 0;
  let docs = 0;
  const t = performance.now();
  for await (const item of warcReader.read(fileSource(path), {})) {
    if (item.kind !== "document" || ++docs % 250 !== 0) continue;
    peak = Math.max(peak, process.memoryUsage.rss());
    if (docs === 1000) {
      afterWarmUp = peak;
      liveAt1k = settled().heap;
    }
  }
  const end = settled();
  const seconds = (performance.now() - t) / 1000;
  return {
    docs,
    docsPerSec: Math.round(docs / seconds),
    fileMB: Number((statSync(path).size / 1e6).toFixed(1)),
    peakRssDeltaMB: Math.round(peak / MB - start.rss),
    // Flat memory: once the first 1,000 records are read, the peak hardly rises.
    rssGrowthAfter1kMB: Math.round((peak - afterWarmUp) / MB),
    liveHeapGrowthAfter1kMB: end.heap - liveAt1k,
    heapAfterMB: end.heap,
  };
}

function child<T>(args: string[]): T {
  const r = spawnSync(process.execPath, ["--expose-gc", ...sibling("memory"), "--child", ...args], {
    encoding: "utf8",
    maxBuffer: 16 * MB,
  });
  if (r.status !== 0) throw new Error(`bench memory child ${args.join(" ")} failed: ${r.stderr.trim()}`);
  return JSON.parse(r.stdout) as T;
}

/** Peak resident memory of a process holding the full KB, packs and analysis, step by step. */
export function kbMemory(docs: number): KbMemory {
  return child<KbMemory>(["kb", String(docs)]);
}

/** A gzip'd WARC of `records` HTML pages written to a temporary file, then streamed in a child. */
export async function warcMemory(pages: readonly DocumentInit[], records: number): Promise<WarcMemory> {
  const dir = mkdtempSync(join(tmpdir(), "relata-bench-warc-"));
  try {
    const path = join(dir, "bench.warc.gz");
    const out = createWriteStream(path);
    for (let i = 0; i < records; i++) {
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
    return child<WarcMemory>(["warc", path]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf("--child");
if (at >= 0) {
  const [mode, arg] = process.argv.slice(at + 1);
  const result = mode === "kb" ? await kbChild(Number(arg ?? 200)) : await warcChild(arg ?? "");
  process.stdout.write(JSON.stringify(result));
}
