import type { Command } from "commander";
import { Analyzer } from "../analysis.js";
import type { Document } from "../document/document.js";
import { toOutput } from "../document/output.js";
import { SNIFF_BYTES } from "../readers/decode.js";
import { detectFormat, readSource } from "../readers/index.js";
import { openSource } from "../readers/input.js";
import { EXIT, parseDateFlag, parseFormat, parseLangFlag, parsePositiveInt, reportError } from "./common.js";
import { summarize } from "./summary.js";

/** Formats that carry several documents per input. */
const MANY_DOCUMENTS = new Set(["jsonl", "feed", "warc"]);

interface AnalyzeFlags {
  format: "json" | "text";
  lang?: string;
  date?: string;
  title?: string;
  url?: string;
  tokens?: boolean;
  maxBytes?: number;
}

export function registerAnalyze(program: Command): void {
  program
    .command("analyze")
    .description(
      "analyse one file (seed, plain text, JSON Lines, HTML, RSS/Atom, WARC) or standard input, and print what was found",
    )
    .argument("[file]", "input file, or - for standard input", "-")
    .option(
      "--format <format>",
      "json (the versioned contract) or text (a summary)",
      parseFormat(["json", "text"]),
      "json",
    )
    .option("--lang <code>", "language of the input, overriding detection", parseLangFlag)
    .option("--date <date>", "published date for plain text (YYYY, YYYY-MM or YYYY-MM-DD)", parseDateFlag)
    .option("--title <title>", "headline for plain text")
    .option("--url <url>", "URL of the article, for plain text")
    .option("--tokens", "include the token layer in JSON output")
    .option("--max-bytes <n>", "largest document accepted, in bytes", parsePositiveInt)
    .action(async (file: string, flags: AnalyzeFlags) => {
      process.exitCode = await analyze(file, flags);
    });
}

async function analyze(file: string, flags: AnalyzeFlags): Promise<number> {
  const analyzer = new Analyzer();
  const options = {
    lang: flags.lang,
    date: flags.date,
    title: flags.title,
    url: flags.url,
    maxDocumentBytes: flags.maxBytes,
  };
  const source = openSource(file);
  // Inputs of many documents (JSON Lines, feeds, WARC) print one compact object per line; a single
  // article prints readably. An unreadable input is reported by readSource below.
  const lines = await source.head(SNIFF_BYTES).then(
    (head) => MANY_DOCUMENTS.has(detectFormat(head, source.name)),
    () => false,
  );
  let analysed = 0;
  let failed = 0;
  for await (const item of readSource(source, options)) {
    if (item.kind === "error") {
      failed++;
      reportError(item.error);
      continue;
    }
    const doc: Document = analyzer.analyze(item.init);
    analysed++;
    if (flags.format === "text") process.stdout.write(`${summarize(doc)}\n`);
    else
      process.stdout.write(
        `${JSON.stringify(toOutput(doc, { tokens: flags.tokens }), null, lines ? 0 : 2)}\n`,
      );
  }
  return analysed === 0 && failed > 0 ? EXIT.failed : EXIT.ok;
}
