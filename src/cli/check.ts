import type { Command } from "commander";
import { Analyzer } from "../analysis.js";
import { readSource } from "../readers/index.js";
import { openSource } from "../readers/input.js";
import { type CheckReport, checkDocument } from "../verify/check.js";
import { EXIT, parseDateFlag, parseFormat, parseLangFlag, reportError } from "./common.js";

interface CheckFlags {
  format: "json" | "text";
  lang?: string;
  date?: string;
}

function asText(report: CheckReport, title: string | undefined): string {
  const lines = [`check of ${report.doc}${title ? ` — ${title}` : ""}`, `${report.findings.length} findings`];
  for (const f of report.findings) {
    lines.push(`  [${f.verdict}] ${f.kind} "${f.text}" @${f.start}-${f.end}: ${f.message}`);
    for (const e of f.evidence)
      lines.push(`      evidence: ${"kb" in e ? `${e.fact} (${e.kb})` : `${e.doc} ${e.text}`}`);
  }
  return lines.join("\n");
}

export function registerCheck(program: Command): void {
  program
    .command("check")
    .description("check what an article claims against the knowledge base, and print the findings")
    .argument("<file>", "the article (seed, plain text or JSON Lines), or - for standard input")
    .option("--format <format>", "json or text", parseFormat(["json", "text"]), "text")
    .option("--lang <code>", "language of the input, overriding detection", parseLangFlag)
    .option("--date <date>", "published date for plain text", parseDateFlag)
    .action(async (file: string, flags: CheckFlags) => {
      const analyzer = new Analyzer();
      let checked = 0;
      for await (const item of readSource(openSource(file), { lang: flags.lang, date: flags.date })) {
        if (item.kind === "error") {
          reportError(item.error);
          continue;
        }
        const doc = analyzer.analyze(item.init);
        const report = checkDocument(doc, analyzer.kb);
        checked++;
        process.stdout.write(
          flags.format === "json" ? `${JSON.stringify(report)}\n` : `${asText(report, doc.title)}\n`,
        );
      }
      process.exitCode = checked ? EXIT.ok : EXIT.failed;
    });
}
