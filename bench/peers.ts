import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { predict } from "../eval/scorers/ner.js";
import { compareRows } from "../eval/scorers/ner-compare.js";
import { type Counts, readNer, score, spans } from "../eval/scorers/ner-data.js";
import { timexScorer } from "../eval/scorers/timex.js";
import type { Document } from "../src/document/document.js";
import type { LangPacks } from "../src/lang/packs.js";
import { sharedRoot } from "../src/paths.js";
import { resolveTimes } from "../src/stages/times.js";
import { plainChrono } from "../src/stages/times-chrono.js";
import { anchorOf } from "../src/stages/timex.js";
import { cpuSeconds, sibling } from "./measure.js";

/** One system on one task: items per CPU second and its score on the task's gold set. */
export interface PeerFigure {
  readonly system: string;
  readonly perSec: number;
  readonly f1?: number | undefined;
}

export interface PeerTask {
  readonly task: string;
  readonly unit: string;
  readonly measure: string;
  readonly figures: PeerFigure[];
  readonly note?: string;
}

const f1Of = (c: Counts) => {
  const p = c.tp / (c.tp + c.fp || 1);
  const r = c.tp / (c.tp + c.fn || 1);
  return p + r ? Math.round((2000 * p * r) / (p + r)) / 10 : 0;
};

/** The numbers inside the eval's formatted rows ("P 56.4% R 50.6% F1 53.3", "0.70 ms/sentence"). */
const f1In = (value: string | undefined) => Number(/F1 ([\d.]+)/.exec(value ?? "")?.[1] ?? Number.NaN);
const msIn = (note: string | undefined) =>
  Number(/([\d.]+) ms\/sentence/.exec(note ?? "")?.[1] ?? Number.NaN);

const UNER_EN = "eval/ner/uner_en_pud-ud-test.iob2";

/**
 * English entity recognition on UNER en (PUD test): relata's entities stage, compromise and
 * wink-nlp on the same 1,000 sentences, through the eval's own scorer (eval/scorers/ner*.ts).
 */
export async function nerPeers(): Promise<PeerTask | string> {
  const file = join(sharedRoot(), UNER_EN);
  if (!existsSync(file)) return `NER peers skipped: ${file} not found`;
  const sentences = readNer(file, "uner");
  const gold = sentences.map((s) => spans(s.tags));
  predict(sentences.slice(0, 40), "en"); // loads the KB and packs outside the timed run
  const mine = await cpuSeconds(() => predict(sentences, "en"));
  const rows = await compareRows(sentences, gold, "UNER en");
  const row = (measure: string) => rows.find((r) => r.measure === measure);
  const perSec = (ms: number) => Math.round(1000 / ms);
  return {
    task: "English NER (UNER en PUD, 1,000 sentences)",
    unit: "sentences/s",
    measure: "F1 typed PER/ORG/LOC (untyped spans for wink-nlp, whose model has no NER types)",
    figures: [
      {
        system: "relata",
        perSec: Math.round(sentences.length / mine.wall),
        f1: f1Of(score(gold, mine.value)),
      },
      {
        system: "compromise",
        perSec: perSec(msIn(row("compromise all types")?.note)),
        f1: f1In(row("compromise all types")?.value),
      },
      {
        system: "relata (untyped)",
        perSec: Math.round(sentences.length / mine.wall),
        f1: f1Of(score(gold, mine.value, undefined, false)),
      },
      {
        system: "wink-nlp (untyped PROPN runs)",
        perSec: perSec(msIn(row("wink-nlp PROPN spans (untyped)")?.note)),
        f1: f1In(row("wink-nlp PROPN spans (untyped)")?.value),
      },
    ],
    note: "all three timed by wall clock in the same run (compareRows times the peers)",
  };
}

/**
 * Dates: relata's times stage against chrono-node alone (its casual parser of the language) on
 * the bench documents, and both on TempEval-3 platinum (value F1) when the set is present.
 */
export async function datePeers(docs: readonly Document[], packs: LangPacks): Promise<PeerTask> {
  const withChrono = docs.filter((d) => plainChrono(d.lang));
  const refOf = (d: Document) => anchorOf(d.date)?.mid ?? new Date(Date.UTC(2024, 0, 1));
  for (const d of withChrono.slice(0, 20)) resolveTimes(packs.get(d.lang), d.text, d.date);
  const mine = await cpuSeconds(() => {
    for (const d of withChrono) resolveTimes(packs.get(d.lang), d.text, d.date);
  });
  const chrono = await cpuSeconds(() => {
    for (const d of withChrono) plainChrono(d.lang)?.parse(d.text, { instant: refOf(d), timezone: 0 });
  });
  const shared = sharedRoot();
  const tempeval = timexScorer.needs.every((p) => existsSync(join(shared, p)))
    ? await timexScorer.run(shared)
    : [];
  const valueF1 = (who: string) =>
    Number(tempeval.find((r) => r.measure === "value F1" && r.set.endsWith(who))?.value ?? Number.NaN);
  return {
    task: `Date extraction (${withChrono.length} bench documents; TempEval-3 platinum for F1)`,
    unit: "documents/s",
    measure: "TempEval-3 value F1",
    figures: [
      {
        system: "relata times stage",
        perSec: Math.round(withChrono.length / mine.cpu),
        f1: valueF1("relata"),
      },
      {
        system: "chrono-node alone",
        perSec: Math.round(withChrono.length / chrono.cpu),
        f1: valueF1("chrono-node alone"),
      },
    ],
    note: "relata resolves each expression against the publication date and again to tell anchored values",
  };
}

interface LangIdReport {
  readonly msPerDoc: number;
  readonly sets: Record<string, { right: number; total: number }>;
}

/** Language identification: eld (relata's detector) against franc, each in a child process of its own. */
export function langIdPeers(): PeerTask | string {
  const run = (name: string): LangIdReport | string => {
    const child = spawnSync(process.execPath, [...sibling("langid-compare"), "--child", name], {
      encoding: "utf8",
    });
    return child.status === 0
      ? (JSON.parse(child.stdout) as LangIdReport)
      : `${name}: ${child.stderr.trim()}`;
  };
  const figures: PeerFigure[] = [];
  for (const [system, name] of [
    ["relata (eld extrasmall)", "relata detectLanguage"],
    ["franc (8 languages)", "franc (only 8)"],
  ] as const) {
    const r = run(name);
    if (typeof r === "string") return `language id peers failed: ${r}`;
    const sets = Object.values(r.sets);
    const right = sets.reduce((n, s) => n + s.right, 0);
    const total = sets.reduce((n, s) => n + s.total, 0);
    figures.push({
      system,
      perSec: Math.round(1000 / r.msPerDoc),
      f1: Math.round((1000 * right) / total) / 10,
    });
  }
  return {
    task: "Language identification (fixtures and real-dev, first 1,000 characters)",
    unit: "texts/s",
    measure: "accuracy %",
    figures,
  };
}
