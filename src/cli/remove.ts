import type { Command } from "commander";
import { DEFAULT_DB } from "./common.js";
import { withCorpus } from "./stories.js";

export function registerRemove(program: Command): void {
  program
    .command("remove")
    .description(
      "remove a document everywhere: text, layers, search index, duplicate group, story, events, dyads and fact counts",
    )
    .argument("<id>", "document id, as relata search or relata story prints it")
    .option("--db <file>", "SQLite database", DEFAULT_DB)
    .action((id: string, flags: { db: string }) => {
      const removal = withCorpus(flags.db, (corpus) => corpus.remove(id));
      if (!removal) throw new Error(`no document ${id} in ${flags.db}`);
      const story =
        removal.storyId === undefined
          ? ""
          : removal.storyRemoved
            ? `, story ${removal.storyId} removed with it`
            : `, left story ${removal.storyId}`;
      process.stdout.write(
        `removed ${id}${story}, ${removal.events} events, ${removal.supports} fact supports\n`,
      );
    });
}
