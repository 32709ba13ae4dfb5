import { existsSync } from "node:fs";
import { type Command, InvalidArgumentError } from "commander";
import type { CorpusStore, StorySummary } from "../corpus/corpus-store.js";
import { openSqliteCorpusStore } from "../store/sqlite/corpus-store.js";
import { DEFAULT_DB, parseFormat } from "./common.js";

interface Flags {
  db: string;
  format: "json" | "text";
}

const span = (s: StorySummary) =>
  s.first === s.last ? (s.first ?? "undated") : `${s.first ?? "?"}…${s.last ?? "?"}`;
const line = (s: StorySummary) =>
  `${s.id}  ${s.size} doc${s.size === 1 ? "" : "s"}  ${span(s)}  [${s.languages.join(" ")}]  ${s.label}\n`;

function parseStoryId(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new InvalidArgumentError("expected a story id (a positive whole number)");
  return n;
}

/**
 * Opens the corpus tables of an existing database and first places the stored documents not
 * placed yet, so that stories, events and facts are current whatever wrote the documents.
 */
export function withCorpus<T>(db: string, use: (corpus: CorpusStore) => T): T {
  if (!existsSync(db))
    throw new Error(`no database at ${db}: ingest documents first (relata ingest --db ${db})`);
  const corpus = openSqliteCorpusStore(db);
  try {
    corpus.update();
    return use(corpus);
  } finally {
    corpus.close();
  }
}

export function registerStories(program: Command): void {
  program
    .command("stories")
    .description("the stories of the database: documents in any language reporting the same event")
    .option("--db <file>", "SQLite database", DEFAULT_DB)
    .option("--format <format>", "text or json", parseFormat(["json", "text"]), "text")
    .action((flags: Flags) => {
      const stories = withCorpus(flags.db, (corpus) => corpus.stories());
      if (flags.format === "json") process.stdout.write(`${JSON.stringify(stories, null, 2)}\n`);
      else
        process.stdout.write(stories.map(line).join("") || "no stories: the database holds no documents\n");
    });

  program
    .command("story")
    .description("one story: its documents, languages, outlets, dates and main entities")
    .argument("<id>", "story id, as `relata stories` prints it", parseStoryId)
    .option("--db <file>", "SQLite database", DEFAULT_DB)
    .option("--format <format>", "text or json", parseFormat(["json", "text"]), "text")
    .action((id: number, flags: Flags) => {
      const story = withCorpus(flags.db, (corpus) => corpus.story(id));
      if (!story) throw new Error(`no story ${id} in ${flags.db} (see relata stories)`);
      if (flags.format === "json") {
        process.stdout.write(`${JSON.stringify(story, null, 2)}\n`);
        return;
      }
      const out = [
        line(story),
        `outlets ${story.outlets.join(", ") || "none"}\n`,
        `entities ${story.entities.map((e) => `${e.name} (${e.kbId})`).join(", ") || "none"}\n`,
        ...story.documents.map(
          (d) =>
            `  ${d.id}  ${d.lang}  ${d.date ?? "----"}  ${d.source ?? ""}  ${d.title ?? "(untitled)"}${
              d.duplicateOf ? `  [duplicate of ${d.duplicateOf}]` : ""
            }\n`,
        ),
      ];
      process.stdout.write(out.join(""));
    });
}
