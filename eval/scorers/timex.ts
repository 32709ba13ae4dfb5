import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type * as chrono from "chrono-node";
import { parsePublishedDate } from "../../src/document/date.js";
import { LangPacks } from "../../src/lang/packs.js";
import { resolveTimes } from "../../src/stages/times.js";
import { plainChrono } from "../../src/stages/times-chrono.js";
import { formatAt, utc } from "../../src/stages/timex.js";
import type { Row, Scorer } from "../scorer.js";

/**
 * TempEval-3 task A on the platinum test documents in shared/eval: extraction (strict and
 * relaxed span match), type and value (the official "attribute F1": a relaxed match whose
 * attribute is right, over system and over gold), and value accuracy over relaxed matches.
 * The same table has a row for chrono-node alone, so relata's gain is visible.
 */

const SET = "eval/temporal/te3-platinum";

export interface GoldTimex {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly value: string;
}

export interface TimeMLDoc {
  readonly name: string;
  readonly dct: string;
  readonly text: string;
  readonly timexes: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e] ?? "");

/** Plain text of a TimeML TEXT element with the offsets of its TIMEX3 elements. */
export function readTimeML(name: string, xml: string): TimeMLDoc {
  const dct = /<DCT>\s*<TIMEX3[^>]*\bvalue="([^"]+)"/.exec(xml)?.[1] ?? "";
  const body = /<TEXT>([\s\S]*)<\/TEXT>/.exec(xml)?.[1] ?? "";
  let text = "";
  const timexes: GoldTimex[] = [];
  let open: { start: number; type: string; value: string } | undefined;
  for (const m of body.matchAll(/<(\/?)(\w+)([^>]*)>|([^<]+)/g)) {
    if (m[4] !== undefined) {
      text += decode(m[4]);
      continue;
    }
    if (m[2] !== "TIMEX3") continue;
    if (m[1]) {
      if (open) timexes.push({ start: open.start, end: text.length, type: open.type, value: open.value });
      open = undefined;
    } else {
      const attr = (a: string) => new RegExp(`\\b${a}="([^"]*)"`).exec(m[3] ?? "")?.[1] ?? "";
      open = { start: text.length, type: attr("type"), value: attr("value") };
    }
  }
  return { name, dct, text, timexes };
}

export function readPlatinum(shared: string): TimeMLDoc[] {
  const dir = join(shared, SET);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".tml"))
    .sort()
    .map((f) => readTimeML(f, readFileSync(join(dir, f), "utf8")));
}

export interface Counts {
  gold: number;
  system: number;
  strict: number;
  relaxed: number;
  type: number;
  value: number;
}

const overlaps = (a: GoldTimex, b: GoldTimex) => a.start < b.end && b.start < a.end;

/** Matches system to gold one to one, preferring exact spans, then any overlap. */
export function score(gold: readonly GoldTimex[], system: readonly GoldTimex[], into: Counts): Counts {
  into.gold += gold.length;
  into.system += system.length;
  const used = new Set<number>();
  const pairs: Array<[GoldTimex, GoldTimex]> = [];
  for (const exact of [true, false]) {
    for (const g of gold) {
      if (pairs.some(([pg]) => pg === g)) continue;
      const i = system.findIndex(
        (s, k) => !used.has(k) && (exact ? s.start === g.start && s.end === g.end : overlaps(s, g)),
      );
      if (i < 0) continue;
      used.add(i);
      pairs.push([g, system[i] as GoldTimex]);
    }
  }
  for (const [g, s] of pairs) {
    into.relaxed++;
    if (g.start === s.start && g.end === s.end) into.strict++;
    if (g.type === s.type) into.type++;
    if (g.value === s.value) into.value++;
  }
  return into;
}

const f1 = (hits: number, c: Counts) => {
  const p = c.system ? hits / c.system : 0;
  const r = c.gold ? hits / c.gold : 0;
  return p + r ? (200 * p * r) / (p + r) : 0;
};

export function rows(label: string, c: Counts, note?: string): Row[] {
  const base = { task: "timex (TempEval-3 A)", set: `te3-platinum ${label}` };
  const fmt = (x: number) => x.toFixed(1);
  const out: Row[] = [
    { ...base, measure: "strict F1", value: fmt(f1(c.strict, c)) },
    {
      ...base,
      measure: "relaxed F1",
      value: fmt(f1(c.relaxed, c)),
      note: `${c.gold} gold, ${c.system} found`,
    },
    { ...base, measure: "type F1", value: fmt(f1(c.type, c)) },
    { ...base, measure: "value F1", value: fmt(f1(c.value, c)), note },
    { ...base, measure: "value accuracy", value: c.relaxed ? fmt((100 * c.value) / c.relaxed) : "n/a" },
  ];
  return out;
}

const zero = (): Counts => ({ gold: 0, system: 0, strict: 0, relaxed: 0, type: 0, value: 0 });

/** chrono-node alone: its results, at the granularity of the components it is certain of. */
export function plainChronoTimexes(parser: chrono.Chrono, text: string, ref: Date): GoldTimex[] {
  return parser.parse(text, { instant: ref, timezone: 0 }).flatMap((r) => {
    const c = r.start;
    const granularity = c.isCertain("hour")
      ? "time"
      : c.isCertain("day") || c.isCertain("weekday")
        ? "day"
        : c.isCertain("month")
          ? "month"
          : c.isCertain("year")
            ? "year"
            : undefined;
    if (!granularity) return [];
    const date = utc(
      c.get("year") ?? 2000,
      c.get("month") ?? 1,
      c.get("day") ?? 1,
      c.get("hour") ?? 12,
      c.get("minute") ?? 0,
    );
    const type = granularity === "time" ? "TIME" : "DATE";
    return [{ start: r.index, end: r.index + r.text.length, type, value: formatAt(date, granularity) }];
  });
}

export const timexScorer: Scorer = {
  task: "timex",
  needs: [SET],
  run(shared: string): Row[] {
    const docs = readPlatinum(shared);
    const packs = new LangPacks();
    const mine = zero();
    const plain = zero();
    const parser = plainChrono("en");
    for (const doc of docs) {
      const date = parsePublishedDate(doc.dct);
      score(doc.timexes, resolveTimes(packs.get("en"), doc.text, date), mine);
      if (parser && date) {
        const ref = utc(
          Number(doc.dct.slice(0, 4)),
          Number(doc.dct.slice(5, 7)),
          Number(doc.dct.slice(8, 10)),
        );
        score(doc.timexes, plainChronoTimexes(parser, doc.text, ref), plain);
      }
    }
    return [
      ...rows(`(${docs.length} docs) relata`, mine, "HeidelTime 77.6 on the full test set"),
      ...rows(`(${docs.length} docs) chrono-node alone`, plain),
    ];
  },
};
