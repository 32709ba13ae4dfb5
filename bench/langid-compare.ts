/**
 * Compares language identifiers on the fixtures (one-sentence texts, paragraphs) and on the shared
 * real-dev excerpts: `npx tsx bench/langid-compare.ts`. Each candidate runs in a child process of its
 * own so that the resident memory its model takes is measured alone. Figures go to docs/LANGID.md.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot, sharedRoot } from "../src/paths.js";

type Detect = (text: string) => string;

interface Sample {
  readonly lang: string;
  readonly text: string;
}

interface SetResult {
  readonly right: number;
  readonly total: number;
  readonly misses: string[];
}

interface ChildReport {
  readonly name: string;
  readonly loadMs: number;
  readonly rssMb: number;
  readonly heapMb: number;
  readonly msPerDoc: number;
  readonly sets: Record<string, SetResult>;
}

/** ISO 639-3 codes franc may answer with, restricted to the languages we have packs for. */
const FRANC_ONLY: Record<string, string> = {
  eng: "en",
  ita: "it",
  spa: "es",
  fra: "fr",
  deu: "de",
  rus: "ru",
  arb: "ar",
  por: "pt",
};

/** Library candidates see what detectLanguage sees: the title and the start of the text. */
const SAMPLE_CHARS = 1000;

const eldDetect =
  (eld: { detect(text: string): { language: string } }): Detect =>
  (text) =>
    eld.detect(text).language || "und";

const CANDIDATES: Record<string, () => Promise<Detect>> = {
  "eld/extrasmall": async () => eldDetect((await import("eld/extrasmall")).eld),
  "eld/small": async () => eldDetect((await import("eld/small")).eld),
  "eld/medium": async () => eldDetect((await import("eld/medium")).eld),
  "eld/large": async () => eldDetect((await import("eld/large")).eld),
  "franc (only 8)": async () => {
    const { franc } = await import("franc");
    const only = Object.keys(FRANC_ONLY);
    return (text) => FRANC_ONLY[franc(text, { only })] ?? "und";
  },
  tinyld: async () => {
    const { detect } = await import("tinyld");
    return (text) => detect(text) || "und";
  },
  "relata detectLanguage": async () => {
    const { detectLanguage } = await import("../src/stages/langid.js");
    return (text) => detectLanguage(text).lang;
  },
};

function loadSets(): Record<string, Sample[]> {
  const dir = join(packageRoot(), "test/fixtures/langid");
  const short: Sample[] = [];
  const long: Sample[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const fx = JSON.parse(readFileSync(join(dir, file), "utf8")) as {
      lang: string;
      short: string[];
      long: string[];
    };
    short.push(...fx.short.map((text) => ({ lang: fx.lang, text })));
    long.push(...fx.long.map((text) => ({ lang: fx.lang, text })));
  }
  const realDev = join(sharedRoot(), "corpus/real-dev.jsonl");
  if (!existsSync(realDev)) {
    process.stderr.write(`langid-compare: ${realDev} not found, real-dev skipped\n`);
    return { short, long };
  }
  const articles = readFileSync(realDev, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const rec = JSON.parse(line) as { lang: string; title?: string | null; text: string };
      return { lang: rec.lang, text: rec.title ? `${rec.title}\n\n${rec.text}` : rec.text };
    });
  // The same articles cut to a headline's length: the fixtures alone do not separate the candidates.
  const cut = articles.map((s) => ({ lang: s.lang, text: s.text.slice(0, 40) }));
  return { short, long, "real-dev": articles, "real-dev 40ch": cut };
}

/** Resident set and live heap (after a collection), in MB. */
function memoryMb(): { rss: number; heap: number } {
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss: rss / 2 ** 20, heap: heapUsed / 2 ** 20 };
}

async function runChild(name: string): Promise<ChildReport> {
  const sets = loadSets();
  const load = CANDIDATES[name];
  if (!load) throw new Error(`unknown candidate ${name}`);
  const before = memoryMb();
  const t0 = performance.now();
  const detect = await load();
  const loadMs = performance.now() - t0;
  const all = Object.values(sets).flat();
  const results: Record<string, SetResult> = {};
  for (const [set, samples] of Object.entries(sets)) {
    const misses: string[] = [];
    for (const s of samples) {
      const got = detect(s.text.slice(0, SAMPLE_CHARS));
      if (got !== s.lang) misses.push(`${s.lang}→${got}: ${s.text.slice(0, 40)}`);
    }
    results[set] = { right: samples.length - misses.length, total: samples.length, misses };
  }
  const after = memoryMb();
  // Speed is timed apart from the first (cold) pass: the mean over every sample of every set.
  const rounds = 5;
  const t1 = performance.now();
  for (let r = 0; r < rounds; r++) for (const s of all) detect(s.text.slice(0, SAMPLE_CHARS));
  const msPerDoc = (performance.now() - t1) / (rounds * all.length);
  return {
    name,
    loadMs,
    rssMb: after.rss - before.rss,
    heapMb: after.heap - before.heap,
    msPerDoc,
    sets: results,
  };
}

function runParent(): void {
  const script = process.argv[1] ?? "";
  const reports: ChildReport[] = [];
  for (const name of Object.keys(CANDIDATES)) {
    const child = spawnSync(process.execPath, [...process.execArgv, "--expose-gc", script, "--child", name], {
      encoding: "utf8",
    });
    if (child.status !== 0) throw new Error(`${name} failed: ${child.stderr}`);
    reports.push(JSON.parse(child.stdout) as ChildReport);
  }
  const setNames = Object.keys(reports[0]?.sets ?? {});
  const row = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const lines = [
    row(["candidate", ...setNames, "ms/doc", "load ms", "RSS delta MB", "heap delta MB"]),
    row(Array(setNames.length + 5).fill("---")),
    ...reports.map((r) =>
      row([
        r.name,
        ...setNames.map((s) => `${r.sets[s]?.right}/${r.sets[s]?.total}`),
        r.msPerDoc.toFixed(3),
        r.loadMs.toFixed(0),
        r.rssMb.toFixed(0),
        r.heapMb.toFixed(0),
      ]),
    ),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  if (process.argv.includes("--misses")) {
    for (const r of reports) {
      const misses = Object.entries(r.sets).flatMap(([set, res]) => res.misses.map((m) => `  ${set}: ${m}`));
      if (misses.length) process.stdout.write(`\n${r.name}\n${misses.join("\n")}\n`);
    }
  }
}

const childAt = process.argv.indexOf("--child");
if (childAt >= 0) process.stdout.write(JSON.stringify(await runChild(process.argv[childAt + 1] ?? "")));
else runParent();
