import type { Command } from "commander";
import { Analyzer } from "../analysis.js";
import type { Document, DocumentInit } from "../document/document.js";
import type { EventValue } from "../document/layers.js";
import type { Annotation } from "../document/span.js";
import { defaultOntology } from "../events/ontology.js";
import { codeText } from "../events/petrarch/code-text.js";
import { toEventValue } from "../events/petrarch/event-value.js";
import { loadPetrarchDictionaries, type PetrarchDictionaries } from "../events/petrarch/load.js";
import { readSource } from "../readers/index.js";
import { openSource } from "../readers/input.js";
import { EXIT, parseDateFlag, parseFormat, parseLangFlag, reportError } from "./common.js";

interface EventsFlags {
  verbs?: string;
  actors?: string;
  agents?: string;
  discards?: string;
  date?: string;
  lang?: string;
  format: "json" | "tsv";
}

const TSV_HEAD = ["document", "sentence", "code", "source", "target", "mode", "trigger", "sentence_text"];
const cell = (s: string) => s.replace(/[\t\r\n]+/g, " ");

/** `relata events`: code a text's events with relata's coder, or with PETRARCH dictionaries (docs/EVENTS.md). */
export function registerEvents(program: Command): void {
  program
    .command("events")
    .description("code the events of a text, with relata's coder or with PETRARCH/TABARI dictionaries")
    .argument("[file]", "input file (plain text, seed, HTML, JSON Lines…), or - for standard input", "-")
    .option("--verbs <file>", "PETRARCH verb dictionary (CAMEO.2.0.txt format)")
    .option("--actors <files>", "PETRARCH actor dictionaries, comma-separated")
    .option("--agents <file>", "PETRARCH agent dictionary")
    .option("--discards <file>", "PETRARCH discard list")
    .option("--date <date>", "document date for actor date restrictions (YYYY-MM-DD)", parseDateFlag)
    .option("--lang <code>", "language of the input, overriding detection", parseLangFlag)
    .option("--format <format>", "json (one event a line) or tsv", parseFormat(["json", "tsv"]), "json")
    .action(async (file: string, flags: EventsFlags) => {
      process.exitCode = await events(file, flags);
    });
}

function dictionaries(flags: EventsFlags): PetrarchDictionaries | undefined {
  if (!flags.verbs && !flags.actors && !flags.agents) return undefined;
  if (!flags.verbs || !flags.actors)
    throw new Error(
      "dictionary coding needs both --verbs and --actors (--agents and --discards are optional)",
    );
  return loadPetrarchDictionaries({
    verbs: flags.verbs,
    actors: flags.actors.split(",").filter(Boolean),
    agents: flags.agents,
    discards: flags.discards,
  });
}

function dictionaryEvents(
  init: DocumentInit,
  date: string | null,
  dicts: PetrarchDictionaries,
  unknown: Set<string>,
): { doc: Document; found: Annotation<EventValue>[] } {
  const coded = codeText(init, date, dicts);
  const found: Annotation<EventValue>[] = [];
  for (const e of coded.events) {
    const value = toEventValue(e, defaultOntology(), date);
    if (value) found.push(value);
    else unknown.add(e.code);
  }
  return { doc: coded.doc, found };
}

function ownEvents(
  init: DocumentInit,
  analyzer: Analyzer,
): { doc: Document; found: Annotation<EventValue>[] } {
  const doc = analyzer.analyze(init);
  return { doc, found: [...doc.layer("events")] };
}

async function events(file: string, flags: EventsFlags): Promise<number> {
  let dicts: PetrarchDictionaries | undefined;
  try {
    dicts = dictionaries(flags);
  } catch (error) {
    reportError(error);
    return EXIT.failed;
  }
  if (dicts?.skipped.length)
    process.stderr.write(
      `relata: ${dicts.skipped.length} dictionary entries left out, as PETRARCH leaves them out (first: ${dicts.skipped[0]})\n`,
    );
  const unknown = new Set<string>();
  const d = dicts;
  const analyzer = d ? undefined : new Analyzer();
  const code = (init: DocumentInit, date: string | null) =>
    d ? dictionaryEvents(init, date, d, unknown) : ownEvents(init, analyzer as Analyzer);
  if (flags.format === "tsv") process.stdout.write(`${TSV_HEAD.join("\t")}\n`);
  let coded = 0;
  let failed = 0;
  for await (const item of readSource(openSource(file), { date: flags.date, lang: flags.lang })) {
    if (item.kind === "error") {
      failed++;
      reportError(item.error);
      continue;
    }
    const date = flags.date ?? item.init.date?.value.slice(0, 10) ?? null;
    let doc: Document;
    let found: Annotation<EventValue>[];
    try {
      ({ doc, found } = code(item.init, date));
    } catch (error) {
      // One document that cannot be coded is reported; the others still are.
      failed++;
      reportError(error);
      continue;
    }
    coded++;
    const sentences = doc.layer("sentences");
    const text = doc.text;
    for (const e of found) {
      const s = sentences[e.sentence];
      const sentenceText = s ? text.slice(s.start, s.end) : "";
      if (flags.format === "tsv")
        process.stdout.write(
          `${[doc.id, String(e.sentence), e.code, e.source?.cameo ?? "", e.target?.cameo ?? "", e.mode, text.slice(e.start, e.end), sentenceText].map(cell).join("\t")}\n`,
        );
      else
        process.stdout.write(
          `${JSON.stringify({ document: doc.id, ...e, text: text.slice(e.start, e.end), sentenceText })}\n`,
        );
    }
  }
  if (unknown.size)
    process.stderr.write(
      `relata: events with codes outside CAMEO left out: ${[...unknown].sort().join(", ")}\n`,
    );
  return coded === 0 && failed > 0 ? EXIT.failed : EXIT.ok;
}
