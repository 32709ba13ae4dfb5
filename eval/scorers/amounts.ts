import { join } from "node:path";
import { Document } from "../../src/document/document.js";
import { Pipeline } from "../../src/document/pipeline.js";
import { LangPacks } from "../../src/lang/packs.js";
import { packageRoot } from "../../src/paths.js";
import { amountsStage } from "../../src/stages/amounts.js";
import { timesStage } from "../../src/stages/times.js";
import type { Row, Scorer } from "../scorer.js";
import { f1Of, GOLD_LANGS, goldLines } from "./gold-files.js";

/**
 * relata's own amounts gold (eval/gold/amounts/<lang>.tsv, about 40 sentences per language):
 * an amount is right when its value, unit and modifier are; "value F1" asks for the value only.
 */

interface Item {
  value: number;
  unit: string;
  modifier: string;
}

function parseExpected(cell: string): Item[] {
  if (cell.trim() === "-") return [];
  return cell.split(" ; ").map((item) => {
    const parts = item.trim().split(" ");
    const modifier = /^[<>~≤≥]$/.test(parts[parts.length - 1] ?? "") ? (parts.pop() as string) : "";
    const value = Number((parts.shift() ?? "").replace(",", "."));
    return { value, unit: parts.join(" "), modifier };
  });
}

const sameValue = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Counts one-to-one matches of system to gold items under an equality. */
function matches(gold: Item[], system: Item[], same: (g: Item, s: Item) => boolean): number {
  const used = new Set<number>();
  let hits = 0;
  for (const g of gold) {
    const i = system.findIndex((s, k) => !used.has(k) && same(g, s));
    if (i >= 0) {
      used.add(i);
      hits++;
    }
  }
  return hits;
}

export function scoreAmounts(lang: string, packs: LangPacks = new LangPacks()) {
  const pipeline = new Pipeline([timesStage, amountsStage], { packs });
  const counts = { gold: 0, system: 0, strict: 0, value: 0 };
  for (const [sentence, expected] of goldLines(join(packageRoot(), "eval/gold/amounts", `${lang}.tsv`))) {
    const doc = pipeline.run(
      Document.create({ text: sentence, lang, date: { value: "2024-08", precision: "month" } }),
    );
    const system = doc
      .layer("amounts")
      .map((a) => ({ value: a.value, unit: a.unit, modifier: a.modifier ?? "" }));
    const gold = parseExpected(expected);
    counts.gold += gold.length;
    counts.system += system.length;
    counts.strict += matches(
      gold,
      system,
      (g, s) =>
        sameValue(g.value, s.value) &&
        g.unit.toLowerCase() === s.unit.toLowerCase() &&
        g.modifier === s.modifier,
    );
    counts.value += matches(gold, system, (g, s) => sameValue(g.value, s.value));
  }
  return counts;
}

export const amountsScorer: Scorer = {
  task: "amounts",
  needs: [],
  run(): Row[] {
    const packs = new LangPacks();
    return GOLD_LANGS.flatMap((lang) => {
      const c = scoreAmounts(lang, packs);
      const base = { task: "amounts (relata gold)", set: `${lang} (${c.gold} amounts)` };
      return [
        { ...base, measure: "F1 value+unit+modifier", value: f1Of(c.strict, c.gold, c.system) },
        { ...base, measure: "F1 value", value: f1Of(c.value, c.gold, c.system), note: `${c.system} found` },
      ];
    });
  },
};
