#!/usr/bin/env node
import { Command, CommanderError } from "commander";
import { registerAnalyze } from "./analyze.js";
import { registerCheck } from "./check.js";
import { EXIT, reportError } from "./common.js";
import { registerDyad } from "./dyad.js";
import { registerEvents } from "./events.js";
import { registerExport } from "./export.js";
import { registerFetch } from "./fetch.js";
import { registerIngest } from "./ingest.js";
import { registerKb } from "./kb.js";
import { registerRemove } from "./remove.js";
import { registerSearch } from "./search.js";
import { registerServe } from "./serve.js";
import { registerStats } from "./stats.js";
import { registerStories } from "./stories.js";

const program = new Command("relata")
  .description("Turns news articles into a verifiable record of events, and checks it across sources.")
  .version("0.1.0")
  .showHelpAfterError()
  .exitOverride();

registerAnalyze(program);
registerCheck(program);
registerDyad(program);
registerEvents(program);
registerExport(program);
registerFetch(program);
registerIngest(program);
registerKb(program);
registerRemove(program);
registerSearch(program);
registerServe(program);
registerStats(program);
registerStories(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version exit 0; every usage error exits 2 after commander printed it.
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else {
    reportError(error);
    process.exitCode = EXIT.failed;
  }
}
