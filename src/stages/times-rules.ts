import { nextWord } from "./function-words.js";
import { alternation, phraseKey } from "./phrases.js";
import { isFutureClause } from "./tense.js";
import type { TimeCandidate } from "./times-candidate.js";
import { amountOf, type Season, type TimeVocab, unitOf } from "./times-vocab.js";
import { durationValue, formatAt, isTimeUnit, shift, utc } from "./timex.js";

/**
 * Time expressions that chrono does not model, read with the pack's vocabulary: durations
 * ("quattro giorni" → P4D), sets ("ogni anno" → P1Y), years ("nel 2023"), decades ("anni '90",
 * "the 1990s"), seasons ("l'estate scorsa") and fixed phrases (`lexical` rows of time-words.tsv).
 */

const NOT_AFTER_LETTER = "(?<![\\p{L}\\p{N}])";
/** What `alternation` gives for an empty class: a pattern that never matches yet scans the whole text. */
const NEVER = alternation([]);
const SEASON_START: Record<Season, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

interface Rule {
  /** Phrase classes without which the rule cannot match: with one of them empty it is not run. */
  readonly needs?: readonly (keyof TimeVocab["re"])[];
  readonly re: RegExp;
  build(m: RegExpExecArray, text: string, ref: Date): TimeCandidate | undefined;
}

function compile(source: string): RegExp {
  return new RegExp(`${NOT_AFTER_LETTER}(?:${source})`, "giud");
}

/** The span of a named group (or of the whole match when the group is absent). */
function groupSpan(m: RegExpExecArray, from?: string, to?: string): { start: number; end: number } {
  const indices = (
    m as RegExpExecArray & { indices?: { groups?: Record<string, [number, number] | undefined> } }
  ).indices?.groups;
  const first = from ? indices?.[from] : undefined;
  const last = to ? indices?.[to] : undefined;
  return { start: first?.[0] ?? m.index, end: last?.[1] ?? m.index + m[0].length };
}

function rules(v: TimeVocab): Rule[] {
  const r = v.re;
  const q = `(?:${r.number}|${r.indef}|${r.some})`;
  const classOf = (cls: "last" | "this" | "next", word: string | undefined) =>
    word !== undefined && v.values[cls].has(phraseKey(word));
  const afterModifier = new RegExp(`${r.modifier}\\s*$`, "iu");
  /**
   * Whether a bare four-digit number reads as a count: after a quantity modifier ("bis zu 2000
   * Soldaten"), or before a lower-case content word ("2000 soldati") unless a determiner makes
   * the number a modifier itself ("a 2010 raid", "the 2022 invasion").
   */
  const readsAsCount = (text: string, span: { start: number; end: number }) => {
    const before = text.slice(Math.max(0, span.start - 30), span.start);
    if (afterModifier.test(before)) return true;
    const next = nextWord(text, span.end);
    if (!next || !/^\p{Ll}/u.test(next) || v.functionWords.has(phraseKey(next))) return false;
    const previous = /([\p{L}'’]+)\s+$/u.exec(before)?.[1];
    return !(previous && v.functionWords.get(phraseKey(previous)) === "det");
  };
  return [
    {
      needs: ["lexical"],
      re: compile(`(?<lex>${r.lexical})`),
      build(m, _text, ref) {
        const spec = v.values.lexical.get(phraseKey(m[0])) ?? "";
        const [type, value] = spec.split(":");
        if (!value || (type !== "DATE" && type !== "SET")) return undefined;
        const relative = /^([+-]\d+)(\w+)$/.exec(value);
        if (relative && isTimeUnit(relative[2] as string)) {
          const unit = relative[2] as Parameters<typeof shift>[1];
          const date = shift(ref, unit, Number(relative[1]));
          return { ...groupSpan(m), type, value: formatAt(date, "day"), anchored: true };
        }
        return { ...groupSpan(m), type, value, anchored: /_REF$/.test(value) };
      },
    },
    {
      needs: ["every"],
      re: compile(
        `(?<every>${r.every})\\s+(?:(?<n>${r.number})\\s+)?(?:(?<unit>${r.unit})|(?<season>${r.season}))`,
      ),
      build(m) {
        const g = m.groups ?? {};
        if (g.season) {
          const code = v.values.season.get(phraseKey(g.season));
          return code ? { ...groupSpan(m), type: "SET", value: `XXXX-${code}`, anchored: false } : undefined;
        }
        const unit = g.unit ? unitOf(v, g.unit) : undefined;
        const n = g.n ? amountOf(v, g.n) : 1;
        if (!unit || n === undefined) return undefined;
        return { ...groupSpan(m), type: "SET", value: durationValue(n, unit), anchored: false };
      },
    },
    {
      needs: ["unit"],
      re: compile(
        `(?:(?<det>${r.det})\\s*)?(?:(?<lead>${r.last}|${r.next}|${r.some})\\s+)?(?<n>${q})[\\s-]+(?<unit>${r.unit})`,
      ),
      build(m) {
        const g = m.groups ?? {};
        const unit = g.unit ? unitOf(v, g.unit) : undefined;
        const amount = g.n ? amountOf(v, g.n) : undefined;
        if (!unit || amount === undefined) return undefined;
        // "the last week" is a date; only "the last two weeks" (a number after it) is a duration.
        if (g.lead && classOf("last", g.lead) && amount === 1 && v.values.indef.has(phraseKey(g.n ?? ""))) {
          return undefined;
        }
        const span = g.det && !g.lead ? groupSpan(m, "n", "unit") : groupSpan(m);
        return { ...span, type: "DURATION", value: durationValue(amount, unit), anchored: false };
      },
    },
    {
      re: compile(`(?:(?<cue>${r["year-cue"]})\\s+)?(?<![\\p{Sc}\\d.,])(?<year>\\d{4})(?![\\d%]|[.,]\\d)`),
      build(m, text) {
        const g = m.groups ?? {};
        const year = Number(g.year);
        const span = groupSpan(m, "year", "year");
        if (g.cue ? year < 1000 || year > 2199 : year < 1900 || year > 2100) return undefined;
        if (!g.cue && readsAsCount(text, span)) return undefined;
        return { ...span, type: "DATE", value: String(year), anchored: false, point: yearPoint(year) };
      },
    },
    {
      re: compile(
        `(?:(?<det>${r.det})\\s+)?(?:(?<cent>1\\d|20)(?<d1>\\d)0|['’](?<d2>\\d)0)(?<suffix>${r["decade-suffix"]})` +
          `|(?<cue>${r["decade-cue"]})\\s+(?:(?<cent3>1\\d|20)(?<d3>\\d)0|['’]?(?<d4>\\d)0|(?<w1>${r["decade-word"]}))(?![\\p{L}\\p{N}])` +
          `|(?<w2>${r["decade-word"]})`,
      ),
      build(m) {
        const g = m.groups ?? {};
        if (g.w2 && v.numbers.parseWords(g.w2)?.length === g.w2.length) return undefined;
        const word = g.w1 ?? g.w2;
        const digit = word ? v.values["decade-word"].get(phraseKey(word)) : (g.d1 ?? g.d2 ?? g.d3 ?? g.d4);
        if (digit === undefined) return undefined;
        const century = g.cent ?? g.cent3 ?? (Number(digit) >= 3 ? "19" : "20");
        return { ...groupSpan(m), type: "DATE", value: `${century}${digit}`, anchored: false };
      },
    },
    {
      needs: ["season-cue", "season"],
      re: compile(
        `(?<cue>${r["season-cue"]})\\s*(?<season>${r.season})(?:\\s+(?<rel>${r.last}|${r.this}|${r.next}))?(?:\\s+(?:${r.of}\\s*)?(?<year>\\d{4}))?(?![\\p{L}\\p{N}])`,
      ),
      build(m, text, ref) {
        const g = m.groups ?? {};
        const code = g.season ? (v.values.season.get(phraseKey(g.season)) as Season | undefined) : undefined;
        if (!code) return undefined;
        const rel = g.rel ?? g.cue;
        const inSpan = g.rel || classOf("last", g.cue) || classOf("this", g.cue) || classOf("next", g.cue);
        const span =
          inSpan || v.values.det.has(phraseKey(g.cue ?? "")) ? groupSpan(m) : groupSpan(m, "season");
        if (g.year) return { ...span, type: "DATE", value: `${g.year}-${code}`, anchored: false };
        let year = ref.getUTCFullYear();
        if (classOf("last", rel)) year -= 1;
        else if (classOf("next", rel)) year += 1;
        else if (!classOf("this", rel)) {
          // A bare season is the latest one begun, or in a future clause the next one not yet over.
          const month = ref.getUTCMonth() + 1;
          if (isFutureClause(v, text, span.start, span.end)) year += month >= SEASON_START[code] + 3 ? 1 : 0;
          else year -= month >= SEASON_START[code] ? 0 : 1;
        }
        return { ...span, type: "DATE", value: `${year}-${code}`, anchored: true };
      },
    },
  ];
}

function yearPoint(year: number) {
  return { date: utc(year, 1, 1), granularity: "year" as const, yearImplied: false };
}

const RULES = new WeakMap<TimeVocab, Rule[]>();

/** Candidates from the pack rules, resolved against `ref`. */
export function ruleCandidates(vocab: TimeVocab, text: string, ref: Date): TimeCandidate[] {
  let compiled = RULES.get(vocab);
  if (!compiled) {
    compiled = rules(vocab).filter((rule) => !rule.needs?.some((c) => vocab.re[c] === NEVER));
    RULES.set(vocab, compiled);
  }
  const out: TimeCandidate[] = [];
  for (const rule of compiled) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const candidate = rule.build(m, text, ref);
      if (candidate && candidate.end > candidate.start) out.push(candidate);
    }
  }
  return out;
}
