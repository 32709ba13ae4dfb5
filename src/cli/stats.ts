import type { Command } from "commander";
import { openSqliteStore } from "../store/sqlite/index.js";
import { DEFAULT_DB, parseFormat } from "./common.js";

export function registerStats(program: Command): void {
  program
    .command("stats")
    .description("what the database holds: documents by language and outlet, annotations by layer")
    .option("--db <file>", "SQLite database", DEFAULT_DB)
    .option("--format <format>", "text or json", parseFormat(["json", "text"]), "text")
    .action((flags: { db: string; format: "json" | "text" }) => {
      const store = openSqliteStore(flags.db);
      try {
        const stats = store.stats();
        if (flags.format === "json") {
          process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
          return;
        }
        const table = (counts: Readonly<Record<string, number>>) =>
          Object.entries(counts)
            .sort((a, b) => b[1] - a[1])
            .map(([k, v]) => `${k} ${v}`)
            .join(", ") || "none";
        process.stdout.write(
          [
            `database ${flags.db} (schema ${stats.schemaVersion})`,
            `documents ${stats.documents} (${stats.versions} versions stored)`,
            `languages ${table(stats.byLang)}`,
            `outlets ${table(stats.bySource)}`,
            `annotations ${table(stats.annotations)}`,
          ]
            .map((line) => `${line}\n`)
            .join(""),
        );
      } finally {
        store.close();
      }
    });
}
