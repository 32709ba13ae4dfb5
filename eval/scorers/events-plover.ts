import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Analyzer } from "../../src/analysis.js";
import type { Document } from "../../src/document/document.js";
import { coreWord, eventLexicon, matchTrigger } from "../../src/events/lexicon.js";
import { defaultOntology } from "../../src/events/ontology.js";
import { pct, type Row, type Scorer } from "../scorer.js";

/**
 * PLOVER event-type accuracy on two gold sets read at run time: the PLOVER gold-standard records
 * (CAMEO manual examples recoded to PLOVER, English) and UniversalPetrarch's Spanish protest
 * validation. Two measures per set: the type of the first event the full pipeline codes (actors
 * and all), over every gold record; and the type of the first trigger in the sentence, which
 * measures the lexicon alone (PLOVER gold actors are often groups the KB does not hold).
 */
interface GoldRecord {
  readonly text: string;
  readonly lang: string;
  readonly types: ReadonlySet<string>;
}

function ploverGold(shared: string): GoldRecord[] {
  const records = JSON.parse(
    readFileSync(join(shared, "eval/events/PLOVER_GSR_CAMEO.json"), "utf8"),
  ) as Array<{
    event?: string;
    text?: string;
    language?: string;
  }>;
  return records
    .filter((r) => r.event && r.event !== "DOCUMENT" && r.text)
    .map((r) => ({ text: r.text ?? "", lang: r.language ?? "en", types: new Set([r.event ?? ""]) }));
}

/** The validation XML is read leniently (regex), as its provenance notes advise. */
function spanishGold(shared: string): GoldRecord[] {
  const xml = readFileSync(join(shared, "eval/events/spanish_protest_plover_validation.xml"), "utf8");
  const out: GoldRecord[] = [];
  for (const m of xml.matchAll(/<Sentence\b[\s\S]*?<\/Text>/g)) {
    const types = new Set([...m[0].matchAll(/<EventCoding[^>]*\bplover="([^"]+)"/g)].map((c) => c[1] ?? ""));
    const text = /<Text>([\s\S]*?)<\/Text>/.exec(m[0])?.[1]?.trim() ?? "";
    if (types.size && text) out.push({ text, lang: "es", types });
  }
  return out;
}

function firstTriggerType(doc: Document, analyzer: Analyzer): string {
  const lex = eventLexicon(analyzer.pipeline.resources.packs.get(doc.lang));
  const words = doc.layer("tokens").map((t) => coreWord(doc.text.slice(t.start, t.end), new Set()).word);
  for (let i = 0; i < words.length; i++) {
    const match = matchTrigger(lex, words, i);
    if (match) return defaultOntology().get(match[0].code)?.plover ?? "";
  }
  return "";
}

function score(set: string, gold: readonly GoldRecord[], anchor: string): Row[] {
  const analyzer = new Analyzer();
  let coded = 0;
  let byTrigger = 0;
  let withEvent = 0;
  for (const record of gold) {
    const doc = analyzer.analyze({ text: record.text, lang: record.lang });
    const first = doc.layer("events")[0];
    if (first) withEvent++;
    if (first && record.types.has(first.plover)) coded++;
    if (record.types.has(firstTriggerType(doc, analyzer))) byTrigger++;
  }
  const task = "events PLOVER type";
  return [
    { task, set, measure: "accuracy, first coded event", value: pct(coded, gold.length), note: anchor },
    { task, set, measure: "accuracy, first trigger", value: pct(byTrigger, gold.length) },
    { task, set, measure: "records with a coded event", value: pct(withEvent, gold.length) },
  ];
}

export const eventsPloverScorer: Scorer = {
  task: "events PLOVER type",
  needs: ["eval/events/PLOVER_GSR_CAMEO.json", "eval/events/spanish_protest_plover_validation.xml"],
  run(shared: string): Row[] {
    const gold = ploverGold(shared);
    const spanish = spanishGold(shared);
    return [
      ...score(`PLOVER GSR (${gold.length} en records)`, gold, "goal ≥ 80%"),
      ...score(`Spanish protest validation (${spanish.length} records)`, spanish, "goal ≥ 80%"),
    ];
  },
};
