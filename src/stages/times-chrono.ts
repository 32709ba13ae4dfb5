import * as chrono from "chrono-node";
import type { LangPack } from "../lang/packs.js";
import { perPack, phraseKey } from "./phrases.js";
import { isFutureClause } from "./tense.js";
import { isNotTime, type TimeCandidate } from "./times-candidate.js";
import { amountOf, type TimeVocab, timeVocab, unitOf } from "./times-vocab.js";
import { formatAt, GRANULARITIES, type Granularity, shift, UNIT_GRANULARITY, utc } from "./timex.js";

/**
 * chrono-node, extended through its own extension points with the language pack: a parser for
 * relative expressions built from `time-words.tsv` (it fills what a locale lacks, such as Spanish
 * "hace dos semanas", and records the unit so "la settimana scorsa" is a week, not a day), a
 * refiner dropping what `not-times.txt` says is no time ("Mezzogiorno" the region), and a refiner
 * resolving year-less dates and bare weekdays backwards unless the clause speaks of the future.
 */

type Locale = { casual?: chrono.Chrono };

/**
 * The instants a reference stands for, passed to the refiners through chrono's parsing option:
 * a year-less date is put in the latest year that keeps it before the window's end (after its
 * start in a future clause), so "20 agosto" in an article dated 2024-08 stays in 2024.
 */
export interface Frame {
  readonly ref: Date;
  readonly early: Date;
  readonly late: Date;
}
type FrameOption = chrono.ParsingOption & { frame?: Frame };
const LOCALES = chrono as unknown as Record<string, Locale | undefined>;

/** chrono's own casual parser for a language code, without relata's extensions. */
export function plainChrono(code: string): chrono.Chrono | undefined {
  const casual = LOCALES[code]?.casual;
  return casual && typeof casual.parse === "function" ? casual : undefined;
}

const GRANULARITY_TAG = "relata/granularity/";
const VALUE_TAG = "relata/value/";
const RELATIVE_TAG = "relata/relative";

class PackRelativeParser implements chrono.Parser {
  private readonly re: RegExp;

  constructor(private readonly vocab: TimeVocab) {
    const r = vocab.re;
    const q = `(?:${r.number}|${r.indef}|${r.some})`;
    const rel = `(?:${r.last}|${r.this}|${r.next})`;
    const det = `(?:${r.det}\\s*)?`;
    const forms = [
      `${det}(?<n1>${q})[\\s-]+(?<u1>${r.unit})\\s+(?<past1>${r["ago-after"]})`,
      `(?<past2>${r["ago-before"]})\\s+(?<n2>${q})\\s+(?<u2>${r.unit})`,
      `(?<fut3>${r["later-before"]})\\s+(?<n3>${r.number})\\s+(?<u3>${r.unit})`,
      `(?<n4>${q})\\s+(?<u4>${r.unit})\\s+(?<fut4>${r["later-after"]})`,
      `${det}(?<r5>${rel})\\s*(?<u5>${r.unit})`,
      `${det}(?<u6>${r.unit})\\s+(?<r6>${rel})`,
    ];
    this.re = new RegExp(`(^|[^\\p{L}\\p{N}])(?:${forms.join("|")})`, "iu");
  }

  pattern(): RegExp {
    return this.re;
  }

  extract(context: chrono.ParsingContext, match: RegExpMatchArray): chrono.ParsingResult | null {
    const g = match.groups ?? {};
    const lead = (match[1] ?? "").length;
    const text = match[0].slice(lead);
    const index = (match.index ?? 0) + lead;
    const unitWord = g.u1 ?? g.u2 ?? g.u3 ?? g.u4 ?? g.u5 ?? g.u6;
    const unit = unitWord ? unitOf(this.vocab, unitWord) : undefined;
    if (!unit) return null;
    let amount: number | "X" | undefined;
    let sign: number;
    if (g.n1 || g.n2 || g.n3 || g.n4) {
      amount = amountOf(this.vocab, (g.n1 ?? g.n2 ?? g.n3 ?? g.n4) as string);
      sign = g.past1 || g.past2 ? -1 : 1;
    } else {
      const relWord = phraseKey(g.r5 ?? g.r6 ?? "");
      sign = this.vocab.values.last.has(relWord) ? -1 : this.vocab.values.next.has(relWord) ? 1 : 0;
      amount = 1;
    }
    if (amount === undefined) return null;
    const ref = context.refDate;
    const granularity = UNIT_GRANULARITY[unit];
    const components = context.createParsingComponents();
    if (amount === "X") {
      components.addTag(`${VALUE_TAG}${sign < 0 ? "PAST_REF" : "FUTURE_REF"}`);
    } else {
      const target = shift(ref, unit, sign * amount);
      assignAt(components, target, granularity);
    }
    components.addTag(`${GRANULARITY_TAG}${granularity}`).addTag(RELATIVE_TAG);
    return context.createParsingResult(index, text, components);
  }
}

/** Bare month names ("août", "im August"), which some chrono locales only read with a day. */
class PackMonthParser implements chrono.Parser {
  private readonly re: RegExp;

  constructor(private readonly vocab: TimeVocab) {
    const rel = `${vocab.re.last}|${vocab.re.this}|${vocab.re.next}`;
    this.re = new RegExp(
      `(^|[^\\p{L}\\p{N}])(?:(?<rel1>${rel})\\s+)?(?<month>${vocab.re.month})(?:\\s+(?<year>\\d{4})(?!\\d)|\\s+(?<rel2>${rel})(?!\\s*${vocab.re.unit}))?`,
      "iu",
    );
  }

  pattern(): RegExp {
    return this.re;
  }

  extract(context: chrono.ParsingContext, match: RegExpMatchArray): chrono.ParsingResult | null {
    const g = match.groups ?? {};
    const month = Number(this.vocab.values.month.get(phraseKey(g.month ?? "")));
    if (!(month >= 1 && month <= 12)) return null;
    if (this.vocab.capitalised.has(phraseKey(g.month ?? "")) && /^\p{Ll}/u.test(g.month ?? "")) return null;
    const lead = (match[1] ?? "").length;
    const components = context.createParsingComponents({ month });
    const rel = g.rel1 ?? g.rel2;
    if (g.year) components.assign("year", Number(g.year));
    else if (rel) {
      // "last July" is the latest July before this month, "next July" the first after it.
      const v = this.vocab.values;
      const ref = context.refDate;
      const refMonth = ref.getUTCMonth() + 1;
      let year = ref.getUTCFullYear();
      if (v.last.has(phraseKey(rel))) year -= month < refMonth ? 0 : 1;
      else if (v.next.has(phraseKey(rel))) year += month > refMonth ? 0 : 1;
      components.assign("year", year).addTag(RELATIVE_TAG);
    }
    components.imply("day", 1);
    return context.createParsingResult((match.index ?? 0) + lead, match[0].slice(lead), components);
  }
}

/** Sets the components down to a granularity as known and the finer ones as implied. */
function assignAt(components: chrono.ParsingComponents, date: Date, granularity: Granularity): void {
  const rank = GRANULARITIES.indexOf(granularity);
  const parts: Array<[chrono.Component, number, Granularity]> = [
    ["year", date.getUTCFullYear(), "year"],
    ["month", date.getUTCMonth() + 1, "month"],
    ["day", date.getUTCDate(), "day"],
    ["hour", date.getUTCHours(), "time"],
    ["minute", date.getUTCMinutes(), "time"],
  ];
  for (const [component, value, level] of parts) {
    if (GRANULARITIES.indexOf(level) <= rank) components.assign(component, value);
    else components.imply(component, value);
  }
}

class NotTimesRefiner implements chrono.Refiner {
  constructor(private readonly vocab: TimeVocab) {}

  refine = (context: chrono.ParsingContext, results: chrono.ParsingResult[]): chrono.ParsingResult[] =>
    results.filter(
      (r) => !isNotTime(this.vocab, context.text, { start: r.index, end: r.index + r.text.length }),
    );
}

class TenseRefiner implements chrono.Refiner {
  private readonly relative: RegExp;

  constructor(private readonly vocab: TimeVocab) {
    this.relative = new RegExp(`${vocab.re.last}|${vocab.re.this}|${vocab.re.next}`, "iu");
  }

  refine = (context: chrono.ParsingContext, results: chrono.ParsingResult[]): chrono.ParsingResult[] => {
    const ref = context.refDate;
    const frame = (context.option as FrameOption).frame ?? { ref, early: ref, late: ref };
    for (const r of results) {
      if (r.tags().has(RELATIVE_TAG)) continue;
      const future = isFutureClause(this.vocab, context.text, r.index, r.index + r.text.length);
      const start = r.start;
      if (start.isOnlyWeekdayComponent() && !this.relative.test(r.text)) {
        const weekday = start.get("weekday") ?? 0;
        const back = (ref.getUTCDay() - weekday + 7) % 7;
        const days = future ? (weekday - ref.getUTCDay() + 7) % 7 : -back;
        const day = shift(ref, "D", days);
        start.imply("year", day.getUTCFullYear());
        start.imply("month", day.getUTCMonth() + 1);
        start.imply("day", day.getUTCDate());
      } else if (start.isDateWithUnknownYear()) {
        const year = yearFor(start, future ? frame.early : frame.late, future);
        start.imply("year", year);
        if (r.end && !r.end.isCertain("year")) {
          const endBefore = monthDay(r.end) < monthDay(start);
          r.end.imply("year", endBefore ? year + 1 : year);
        }
      }
    }
    return results;
  };
}

const monthDay = (c: chrono.ParsedComponents) =>
  (c.get("month") ?? 1) * 100 + (c.isCertain("day") ? (c.get("day") ?? 1) : 0);

/** Days after the reference a past-tense day may still fall in its year: news announces the week ahead. */
const WEEK_AHEAD = 7;

/** The year of a year-less date: the latest not after the reference (a week's grace), or the first not before it. */
function yearFor(c: chrono.ParsedComponents, ref: Date, future: boolean): number {
  const year = ref.getUTCFullYear();
  const refKey = (ref.getUTCMonth() + 1) * 100 + (c.isCertain("day") ? ref.getUTCDate() : 0);
  const key = monthDay(c);
  if (future) return key < refKey ? year + 1 : year;
  if (key <= refKey) return year;
  const sameYear = utc(year, c.get("month") ?? 1, c.get("day") ?? 1);
  const ahead = (sameYear.getTime() - ref.getTime()) / 86_400_000;
  return c.isCertain("day") && ahead <= WEEK_AHEAD ? year : year - 1;
}

/** The extended chrono of a language, or nothing when chrono has no locale for it. */
const packChrono = perPack((pack: LangPack | undefined): chrono.Chrono | undefined => {
  const base = pack ? plainChrono(pack.code) : undefined;
  if (!pack || !base) return undefined;
  const vocab = timeVocab(pack);
  const extended = base.clone();
  extended.parsers.unshift(new PackRelativeParser(vocab), new PackMonthParser(vocab));
  extended.refiners.unshift(new NotTimesRefiner(vocab));
  extended.refiners.push(new TenseRefiner(vocab));
  return extended;
});

const PARTS_OF_DAY: Record<string, string> = {
  "casualReference/morning": "MO",
  "casualReference/afternoon": "AF",
  "casualReference/evening": "EV",
  "casualReference/night": "NI",
  "casualReference/tonight": "NI",
};

function granularityOf(c: chrono.ParsedComponents, tags: Set<string>): Granularity | undefined {
  for (const tag of tags) {
    if (tag.startsWith(GRANULARITY_TAG)) return tag.slice(GRANULARITY_TAG.length) as Granularity;
  }
  if (c.isCertain("hour")) return "time";
  if (c.isCertain("day") || c.isCertain("weekday")) return "day";
  if (c.isCertain("month")) return "month";
  if (c.isCertain("year")) return "year";
  return undefined;
}

function dateOf(c: chrono.ParsedComponents): Date {
  return utc(
    c.get("year") ?? 2000,
    c.get("month") ?? 1,
    c.get("day") ?? 1,
    c.get("hour") ?? 12,
    c.get("minute") ?? 0,
  );
}

/**
 * chrono's span without the spaces and commas it sometimes takes in, or nothing when the result
 * cuts a number ("um 1" of "um 1,6 %") or reads a year or a bare number as a clock time ("à 2022"
 * as 20:22).
 */
function cleanSpan(r: chrono.ParsedResult, text: string): { start: number; end: number } | undefined {
  const lead = /^[\s,;:]*/.exec(r.text)?.[0].length ?? 0;
  // A final full stop belongs to the sentence unless it ends a short abbreviation ("Nov.", "p.m.").
  const trail = /(?:(?<=\p{L}{4,})\.)?[\s,;:]*$/u.exec(r.text)?.[0].length ?? 0;
  const start = r.index + lead;
  const end = Math.max(start, r.index + r.text.length - trail);
  if (/^(?:[.,]\d|\s?%)/.test(text.slice(end))) return undefined;
  // "1/2" without a year is more often a fraction than a date.
  if (/^\d{1,2}\/\d{1,2}$/.test(text.slice(start, end))) return undefined;
  if (r.start.isCertain("hour") && /(?<![:.h\d])(?:1[89]|20)\d\d$/.test(text.slice(start, end)))
    return undefined;
  // "de 5 millones", "von 5 Mio.": a bare number after a preposition is no clock time.
  if (r.start.isCertain("hour") && /^\p{L}*\s*\d{1,2}$/u.test(text.slice(start, end))) return undefined;
  return end > start ? { start, end } : undefined;
}

/** A chrono result as a TIMEX candidate, or nothing when it carries no usable date. */
function chronoCandidate(r: chrono.ParsedResult, text: string): TimeCandidate | undefined {
  const tags = r.tags();
  const span = cleanSpan(r, text);
  if (!span) return undefined;
  const anchored =
    !r.start.isCertain("year") ||
    [...tags].some(
      (t) => t === "result/relativeDate" || t === RELATIVE_TAG || t.startsWith("casualReference/"),
    );
  const fixed = [...tags].find((t) => t.startsWith(VALUE_TAG));
  if (fixed) return { ...span, type: "DATE", value: fixed.slice(VALUE_TAG.length), anchored };
  if (tags.has("casualReference/now")) return { ...span, type: "DATE", value: "PRESENT_REF", anchored };
  const part = [...tags].map((t) => PARTS_OF_DAY[t]).find((p) => p !== undefined);
  if (part && !r.start.isCertain("hour")) {
    return { ...span, type: "TIME", value: `${formatAt(dateOf(r.start), "day")}T${part}`, anchored: true };
  }
  const granularity = granularityOf(r.start, tags);
  if (!granularity) return undefined;
  const date = dateOf(r.start);
  const type = granularity === "time" ? "TIME" : "DATE";
  if (r.end) {
    const endGranularity = granularityOf(r.end, r.end.tags()) ?? granularity;
    return {
      ...span,
      type,
      value: `${formatAt(date, granularity)}/${formatAt(dateOf(r.end), endGranularity)}`,
      anchored,
    };
  }
  return {
    ...span,
    type,
    value: formatAt(date, granularity),
    anchored,
    point: { date, granularity, yearImplied: !r.start.isCertain("year") },
  };
}

/** Time candidates found by the extended chrono of a language, resolved in a frame. */
export function chronoCandidates(pack: LangPack | undefined, text: string, frame: Frame): TimeCandidate[] {
  const parser = packChrono(pack);
  if (!parser) return [];
  const option: FrameOption = { frame };
  const results = parser.parse(text, { instant: frame.ref, timezone: 0 }, option);
  return results.map((r) => chronoCandidate(r, text)).filter((c): c is TimeCandidate => c !== undefined);
}
