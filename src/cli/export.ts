import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { gdeltRows } from "../export/gdelt.js";
import { relataRecords } from "../export/jsonl.js";
import { ParquetExport } from "../export/parquet.js";
import { ploverRecords } from "../export/plover.js";
import { latestDocumentIds } from "../store/sqlite/document-ids.js";
import { openSqliteStore } from "../store/sqlite/index.js";
import { DEFAULT_DB, EXIT, parseFormat, reportError } from "./common.js";

const FORMATS = ["plover", "jsonl", "gdelt", "parquet"] as const;

interface ExportFlags {
  db: string;
  format: (typeof FORMATS)[number];
  out?: string;
}

/**
 * `relata export`: the stored documents' events as JSON lines (relata's or PLOVER's) or GDELT event
 * rows on standard output; with `--out DIR`, GDELT events.tsv and mentions.tsv, or Parquet tables
 * partitioned by month (docs/EXPORTS.md).
 */
export function registerExport(program: Command): void {
  program
    .command("export")
    .description("write the stored events as PLOVER or relata JSON lines, GDELT 2.0 rows or Parquet tables")
    .option("--db <file>", "SQLite database", DEFAULT_DB)
    .option("--format <format>", FORMATS.join(", "), parseFormat(FORMATS), "jsonl")
    .option("--out <dir>", "folder to write to (gdelt: events.tsv and mentions.tsv; parquet: required)")
    .action(async (flags: ExportFlags) => {
      if (flags.format === "parquet" && !flags.out) {
        reportError(new Error("--format parquet writes files: give the folder with --out DIR"));
        process.exitCode = EXIT.usage;
        return;
      }
      await exportAll(flags);
    });
}

const line = (cells: readonly string[]) => `${cells.join("\t")}\n`;

async function exportAll(flags: ExportFlags): Promise<void> {
  const ids = latestDocumentIds(flags.db);
  const store = openSqliteStore(flags.db);
  const parquet = flags.format === "parquet" ? new ParquetExport() : undefined;
  let events: NodeJS.WritableStream = process.stdout;
  let mentions: WriteStream | undefined;
  if (flags.out && flags.format !== "parquet") {
    mkdirSync(flags.out, { recursive: true });
    const name =
      flags.format === "gdelt" ? "events.tsv" : `events.${flags.format === "plover" ? "plover." : ""}jsonl`;
    events = createWriteStream(join(flags.out, name));
    if (flags.format === "gdelt") mentions = createWriteStream(join(flags.out, "mentions.tsv"));
  }
  let nextId = 1;
  try {
    for (const id of ids) {
      // One unreadable stored document is reported and skipped; the export goes on.
      try {
        const doc = store.get(id);
        if (!doc) continue;
        if (parquet) parquet.add(doc);
        else if (flags.format === "gdelt") {
          const rows = gdeltRows(doc, nextId);
          nextId += rows.events.length;
          for (const row of rows.events) events.write(line(row));
          for (const row of rows.mentions) mentions?.write(line(row));
        } else {
          const records = flags.format === "plover" ? ploverRecords(doc) : relataRecords(doc);
          for (const record of records) events.write(`${JSON.stringify(record)}\n`);
        }
      } catch (error) {
        reportError(new Error(`document ${id}: ${error instanceof Error ? error.message : String(error)}`));
      }
    }
    if (parquet && flags.out)
      for (const file of parquet.write(flags.out)) process.stderr.write(`wrote ${file}\n`);
  } finally {
    store.close();
    const closing = [events, mentions].filter(
      (s): s is WriteStream => s !== undefined && s !== process.stdout,
    );
    await Promise.all(closing.map((s) => new Promise((done) => s.end(done))));
  }
}
