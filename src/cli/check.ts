import { existsSync } from "node:fs";
import type { Command } from "commander";
import { Analyzer } from "../analysis.js";
import { readSource } from "../readers/index.js";
import { openSource } from "../readers/input.js";
import { openSqliteStore } from "../store/sqlite/index.js";
import { type CheckReport, checkDocument } from "../verify/check.js";
import { htmlReport } from "../verify/html-report.js";
import { DEFAULT_DB, EXIT, parseDateFlag, parseFormat, parseLangFlag, reportError } from "./common.js";

interface CheckFlags {
  db: string;
  format: "json" | "text" | "html";
  lang?: string;
  date?: string;
}

function asText(report: CheckReport, title: string | undefined): string {
  const lines = [`check of ${report.doc}${title ? ` — ${title}` : ""}`];
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

export function registerCheck(program: Command): void {
  program
    .command("check")
    .description("check what an article claims against the knowledge base, and print the findings")
    .argument("<file>", "the article (seed, plain text or JSON Lines), or - for standard input")
    .option("--db <file>", "corpus to check against (skipped when the file does not exist)", DEFAULT_DB)
    .option(
      "--format <format>",
      "text, json, or html (one self-contained page)",
      parseFormat(["json", "text", "html"]),
      "text",
    )
    .option("--lang <code>", "language of the input, overriding detection", parseLangFlag)
    .option("--date <date>", "published date for plain text", parseDateFlag)
    .action(async (file: string, flags: CheckFlags) => {
      const analyzer = new Analyzer();
      const store = existsSync(flags.db) ? openSqliteStore(flags.db) : undefined;
      let checked = 0;
      for await (const item of readSource(openSource(file), { lang: flags.lang, date: flags.date })) {
        if (item.kind === "error") {
          reportError(item.error);
          continue;
        }
        const doc = analyzer.analyze(item.init);
        const report = checkDocument(doc, analyzer.kb, store);
        checked++;
        const out = {
          json: () => `${JSON.stringify(report)}\n`,
          text: () => `${asText(report, doc.title)}\n`,
          html: () => htmlReport(doc, report),
        };
        process.stdout.write(out[flags.format]());
      }
      store?.close();
      process.exitCode = checked ? EXIT.ok : EXIT.failed;
    });
}
