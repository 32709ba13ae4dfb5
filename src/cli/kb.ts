import type { Command } from "commander";
import { type ImportFormat, importIntoKb } from "../kb/import.js";
import { defaultKbDir, KnowledgeBase, loadKbRecords } from "../kb/kb.js";
import { parseFormat } from "./common.js";

export function registerKb(program: Command): void {
  const kb = program.command("kb").description("the knowledge base: its size, and imports of your own data");
  kb.command("stats")
    .description("entities by type, names per language, facts, load time and memory")
    .option("--kb <dir>", "KB folder (default: the shipped KB, or $RELATA_KB)")
    .option("--format <format>", "text or json", parseFormat(["json", "text"]), "text")
    .action((flags: { kb?: string; format: "json" | "text" }) => {
      const dir = flags.kb ?? defaultKbDir();
      const t0 = performance.now();
      const stats = new KnowledgeBase(loadKbRecords(dir)).stats();
      const loadMs = Math.round(performance.now() - t0);
      const rssMb = Math.round(process.memoryUsage().rss / 2 ** 20);
      if (flags.format === "json") {
        process.stdout.write(`${JSON.stringify({ dir, ...stats, loadMs, rssMb }, null, 2)}\n`);
        return;
      }
      const list = (counts: Readonly<Record<string, number>>) =>
        Object.entries(counts)
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => `${k} ${v}`)
          .join(", ");
      const total = (counts: Readonly<Record<string, number>>) =>
        Object.values(counts).reduce((a, b) => a + b, 0);
      const lines = [
        `knowledge base ${dir}`,
        `entities ${total(stats.entities)}: ${list(stats.entities)}`,
        `names ${total(stats.aliases)} (${stats.aliasKeys} distinct keys) by language (* = every language): ${list(stats.aliases)}`,
        `facts: ${stats.facts.holds} office terms (${stats.facts.people} people, ${stats.facts.offices} offices), ${stats.facts.cameo} dated CAMEO codes`,
        `loaded in ${loadMs} ms, ${rssMb} MB resident`,
      ];
      process.stdout.write(`${lines.join("\n")}\n`);
    });
  kb.command("import")
    .description(
      "add a SPARQL JSON result (--wikidata) or a PETRARCH actor dictionary (--petrarch) to the KB",
    )
    .option("--wikidata <file>", "Wikidata SPARQL results in JSON (query in docs/KB.md)")
    .option("--petrarch <file>", "TABARI/PETRARCH actor dictionary")
    .option("--kb <dir>", "KB folder to import into (default: the shipped KB, or $RELATA_KB)")
    .action((flags: { wikidata?: string; petrarch?: string; kb?: string }) => {
      const chosen = (["wikidata", "petrarch"] as const).filter((f) => flags[f]);
      if (chosen.length !== 1) throw new Error("give exactly one of --wikidata FILE or --petrarch FILE");
      const format = chosen[0] as ImportFormat;
      const result = importIntoKb(format, flags[format] as string, flags.kb ?? defaultKbDir());
      process.stdout.write(
        `imported ${result.entities} entities, ${result.names} names, ${result.holds} office terms, ${result.cameo} CAMEO codes into ${result.file}\n`,
      );
    });
}
