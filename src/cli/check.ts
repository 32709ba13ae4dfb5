import { existsSync } from "node:fs";
import type { Command } from "commander";
import { Analyzer } from "../analysis.js";
import type { CorpusStore } from "../corpus/corpus-store.js";
import type { Document } from "../document/document.js";
import { readSource } from "../readers/index.js";
import { openSource } from "../readers/input.js";
import { restoreDocument } from "../store/restore.js";
import { openSqliteCheckStore } from "../store/sqlite/check-store.js";
import { openSqliteCorpusStore } from "../store/sqlite/corpus-store.js";
import { openSqliteStore } from "../store/sqlite/index.js";
import type { Store } from "../store/store.js";
import { type CheckReport, checkDocument } from "../verify/check.js";
import { type CheckStore, checkBasis } from "../verify/check-store.js";
import { htmlReport } from "../verify/html-report.js";
import { DEFAULT_DB, EXIT, parseDateFlag, parseFormat, parseLangFlag, reportError } from "./common.js";

interface CheckFlags {
  db: string;
  format: "json" | "text" | "html";
  all?: boolean;
  lang?: string;
  date?: string;
}

function asText(report: CheckReport, title: string | undefined): string {
  const lines = [`check of ${report.doc}${title ? ` — ${title}` : ""}`];
  if (report.story !== null) lines.push(`  story ${report.story}`);
  for (const d of report.derivedFrom)
    lines.push(`  likely derived from ${d.doc} (${d.lang}, ${d.url ?? "no url"}, score ${d.score})`);
  lines.push(`${report.findings.length} findings`);
  for (const f of report.findings) {
    lines.push(`  [${f.verdict}] ${f.kind} "${f.text}" @${f.start}-${f.end}: ${f.message}`);
    for (const e of f.evidence)
      lines.push(`      evidence: ${"kb" in e ? `${e.fact} (${e.kb})` : `${e.doc} [${e.lang}] ${e.text}`}`);
  }
  return lines.join("\n");
}

/** The corpus a check runs against: documents, their stories and the stored reports. */
interface Corpus {
  readonly store: Store;
  readonly stories: CorpusStore;
  readonly checks: CheckStore;
}

function openCorpus(db: string, analyzer: Analyzer): Corpus | undefined {
  if (!existsSync(db)) return undefined;
  const store = openSqliteStore(db);
  return {
    store,
    stories: openSqliteCorpusStore(db),
    checks: openSqliteCheckStore(db, checkBasis(analyzer.kb)),
  };
}

function closeCorpus(corpus: Corpus | undefined): void {
  corpus?.checks.close();
  corpus?.stories.close();
  corpus?.store.close();
}

/** Checks a stored document, or returns its stored report when no new evidence has arrived since. */
function checkStored(doc: Document, analyzer: Analyzer, corpus: Corpus): CheckReport {
  const stored = corpus.checks.get(doc.id);
  if (stored && !stored.stale) return stored.report;
  const report = checkDocument(doc, analyzer.kb, corpus.store, corpus.stories);
  corpus.checks.save(report);
  return report;
}

/** `--all`: rechecks every document never checked or whose evidence changed, and sums up. */
function checkAll(analyzer: Analyzer, corpus: Corpus, format: CheckFlags["format"]): void {
  corpus.stories.update();
  const due = corpus.checks.due();
  for (const id of due) {
    const stored = corpus.store.get(id);
    if (!stored) continue;
    const report = checkStored(restoreDocument(stored), analyzer, corpus);
    if (format === "json") process.stdout.write(`${JSON.stringify(report)}\n`);
  }
  const verdicts = Object.entries(corpus.checks.verdicts())
    .map(([verdict, n]) => `${n} ${verdict}`)
    .join(", ");
  process.stderr.write(`checked ${due.length} documents; stored findings: ${verdicts || "none"}\n`);
}

/** The stored document whose id was given instead of a file. */
const storedDocument = (arg: string, corpus: Corpus | undefined) =>
  existsSync(arg) ? undefined : corpus?.store.get(arg);

export function registerCheck(program: Command): void {
  program
    .command("check")
    .description(
      "check what an article claims against the knowledge base and the corpus, and print the findings",
    )
    .argument(
      "[file]",
      "the article (seed, plain text or JSON Lines), - for standard input, or a stored document id",
    )
    .option("--db <file>", "corpus to check against (skipped when the file does not exist)", DEFAULT_DB)
    .option("--all", "check every stored document never checked or whose evidence has changed since")
    .option(
      "--format <format>",
      "text, json, or html (one self-contained page)",
      parseFormat(["json", "text", "html"]),
      "text",
    )
    .option("--lang <code>", "language of the input, overriding detection", parseLangFlag)
    .option("--date <date>", "published date for plain text", parseDateFlag)
    .action(async (file: string | undefined, flags: CheckFlags) => {
      const analyzer = new Analyzer();
      const corpus = openCorpus(flags.db, analyzer);
      try {
        if (flags.all || file === undefined) {
          if (!corpus) throw new Error(`--all needs a corpus: no database at ${flags.db}`);
          if (file !== undefined) throw new Error("give a file or --all, not both");
          checkAll(analyzer, corpus, flags.format);
          process.exitCode = EXIT.ok;
          return;
        }
        const print = (doc: Document, report: CheckReport) => {
          const out = {
            json: () => `${JSON.stringify(report)}\n`,
            text: () => `${asText(report, doc.title)}\n`,
            html: () => htmlReport(doc, report),
          };
          process.stdout.write(out[flags.format]());
        };
        const stored = storedDocument(file, corpus);
        if (stored && corpus) {
          const doc = restoreDocument(stored);
          print(doc, checkStored(doc, analyzer, corpus));
          process.exitCode = EXIT.ok;
          return;
        }
        let checked = 0;
        for await (const item of readSource(openSource(file), { lang: flags.lang, date: flags.date })) {
          if (item.kind === "error") {
            reportError(item.error);
            continue;
          }
          const doc = analyzer.analyze(item.init);
          let report: CheckReport;
          if (corpus) {
            // A new article joins the corpus and its story, as an ingest would place it.
            corpus.store.put(doc);
            corpus.stories.update();
            report = checkStored(doc, analyzer, corpus);
          } else report = checkDocument(doc, analyzer.kb);
          print(doc, report);
          checked++;
        }
        process.exitCode = checked ? EXIT.ok : EXIT.failed;
      } finally {
        closeCorpus(corpus);
      }
    });
}
