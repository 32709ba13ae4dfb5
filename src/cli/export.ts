import type { Command } from "commander";
import { relataRecords } from "../export/jsonl.js";
import { ploverRecords } from "../export/plover.js";
import { latestDocumentIds } from "../store/sqlite/document-ids.js";
import { openSqliteStore } from "../store/sqlite/index.js";
import { DEFAULT_DB, parseFormat } from "./common.js";

const FORMATS = ["plover", "jsonl"] as const;

/** `relata export`: the stored documents' events as JSON lines on standard output (docs/EVENTS.md). */
export function registerExport(program: Command): void {
  program
    .command("export")
    .description("write the stored events as PLOVER JSON lines or relata's own JSON lines")
    .option("--db <file>", "SQLite database", DEFAULT_DB)
    .option("--format <format>", FORMATS.join(" or "), parseFormat(FORMATS), "jsonl")
    .action((flags: { db: string; format: (typeof FORMATS)[number] }) => {
      const ids = latestDocumentIds(flags.db);
      const store = openSqliteStore(flags.db);
      try {
        for (const id of ids) {
          const doc = store.get(id);
          if (!doc) continue;
          const records = flags.format === "plover" ? ploverRecords(doc) : relataRecords(doc);
          for (const record of records) process.stdout.write(`${JSON.stringify(record)}\n`);
        }
      } finally {
        store.close();
      }
    });
}
