import type { Command } from "commander";
import { loadKb } from "../kb/kb.js";
import { searchVariants } from "../kb/search-variants.js";
import { openSqliteStore } from "../store/sqlite/index.js";
import { DEFAULT_DB, parseDateFlag, parseFormat, parseLangFlag, parsePositiveInt } from "./common.js";

interface SearchFlags {
  db: string;
  lang?: string;
  from?: string;
  to?: string;
  limit: number;
  format: "json" | "text";
  exact?: boolean;
}

export function registerSearch(program: Command): void {
  program
    .command("search")
    .description("full-text search of the stored documents (accents and case folded)")
    .argument("<query...>", "words to find, all of them")
    .option("--db <file>", "SQLite database", DEFAULT_DB)
    .option("--lang <code>", "only documents in this language", parseLangFlag)
    .option("--from <date>", "published on or after (YYYY, YYYY-MM or YYYY-MM-DD)", parseDateFlag)
    .option("--to <date>", "published on or before", parseDateFlag)
    .option("--limit <n>", "most hits to print", parsePositiveInt, 20)
    .option("--format <format>", "text or json", parseFormat(["json", "text"]), "text")
    .option("--exact", "search the words as typed, without their names in other languages from the KB")
    .action((words: string[], flags: SearchFlags) => {
      const text = words.join(" ");
      const variants = flags.exact ? {} : searchVariants(loadKb(), text);
      const store = openSqliteStore(flags.db);
      try {
        const hits = store.search({
          text,
          variants,
          lang: flags.lang,
          from: flags.from,
          to: flags.to,
          limit: flags.limit,
        });
        if (flags.format === "json") {
          process.stdout.write(`${JSON.stringify(hits, null, 2)}\n`);
          return;
        }
        for (const h of hits) {
          process.stdout.write(
            `${h.id}  ${h.lang}  ${h.date ?? "----"}  ${h.source ?? ""}  ${h.title ?? "(untitled)"}\n`,
          );
          process.stdout.write(`    ${h.snippet.replace(/\s+/g, " ")}\n`);
        }
        const also = Object.values(variants).flat();
        process.stdout.write(
          `${hits.length} hit${hits.length === 1 ? "" : "s"}${also.length ? ` (also searched: ${also.join(", ")})` : ""}\n`,
        );
      } finally {
        store.close();
      }
    });
}
