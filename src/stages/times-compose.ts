import { phraseKey } from "./phrases.js";
import type { TimeCandidate } from "./times-candidate.js";
import type { TimeVocab, TimexMod } from "./times-vocab.js";
import { formatAt, utc } from "./timex.js";

/**
 * Joins neighbouring candidates into what they say together: "luglio di quest'anno" (a month
 * takes the year after it), "tra gennaio e luglio di quest'anno" (a range, the first end taking
 * the year of the second), "dal 20 al 23 agosto", and modifiers in front of a candidate
 * ("più di due settimane fa", "early December").
 */
export function compose(vocab: TimeVocab, text: string, found: readonly TimeCandidate[]): TimeCandidate[] {
  const p = patternsOf(vocab);
  const trimmed = found.map((c) => trimTrailingOf(p, text, c));
  return withModifiers(vocab, p, text, ranges(p, text, ofYear(p, text, trimmed)));
}

const LOOKBACK = 60;

interface Patterns {
  readonly trailingOf: RegExp;
  readonly ofGap: RegExp;
  readonly rangeFrom: RegExp;
  readonly rangeTo: RegExp;
  readonly dayRangeFrom: RegExp;
  readonly modifierLead: RegExp;
  readonly quantityStart: RegExp;
}

const PATTERNS = new WeakMap<TimeVocab, Patterns>();

function patternsOf(vocab: TimeVocab): Patterns {
  let p = PATTERNS.get(vocab);
  if (p) return p;
  const r = vocab.re;
  const whole = (source: string) => new RegExp(`^(?:${source})$`, "iu");
  const boundary = "(?<![\\p{L}\\p{N}])";
  p = {
    trailingOf: new RegExp(`\\s+${r.of}$`, "iu"),
    ofGap: whole(`\\s*(?:${r.of}\\s*)?`),
    rangeFrom: new RegExp(`${boundary}${r["range-from"]}\\s+$`, "iu"),
    rangeTo: whole(`\\s+${r["range-to"]}\\s+`),
    dayRangeFrom: new RegExp(
      `${boundary}${r["range-from"]}\\s+(?<day>\\d{1,2})(?:\\.|º|°|er)?\\s+${r["range-to"]}\\s+$`,
      "iu",
    ),
    modifierLead: new RegExp(
      `${boundary}(?:(?<edge>${r.edge})\\s*(?:${r.of}\\s*)?(?:${r.det}\\s*)?|(?<mod>${r.modifier})\\s+)$`,
      "iu",
    ),
    quantityStart: new RegExp(`^(?:${r.number}|${r.indef}|${r.some})`, "iu"),
  };
  PATTERNS.set(vocab, p);
  return p;
}

/** chrono sometimes takes the "of" that introduces a year ("July of"); give it back. */
function trimTrailingOf(p: Patterns, text: string, c: TimeCandidate): TimeCandidate {
  const m = p.trailingOf.exec(text.slice(c.start, c.end));
  return m && m.index > 0 ? { ...c, end: c.start + m.index } : c;
}

function withYear(c: TimeCandidate, year: number): Date | undefined {
  if (!c.point) return undefined;
  const d = c.point.date;
  return utc(year, d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
}

function ofYear(p: Patterns, text: string, list: TimeCandidate[]): TimeCandidate[] {
  const out: TimeCandidate[] = [];
  for (let i = 0; i < list.length; i++) {
    const x = list[i] as TimeCandidate;
    const y = list[i + 1];
    const xp = x.point;
    if (xp?.yearImplied && y?.point?.granularity === "year" && p.ofGap.test(text.slice(x.end, y.start))) {
      const date = withYear(x, y.point.date.getUTCFullYear()) as Date;
      const point = { date, granularity: xp.granularity, yearImplied: false };
      out.push({ ...x, end: y.end, value: formatAt(date, xp.granularity), anchored: y.anchored, point });
      i++;
    } else {
      out.push(x);
    }
  }
  return out;
}

function ranges(p: Patterns, text: string, list: TimeCandidate[]): TimeCandidate[] {
  const out: TimeCandidate[] = [];
  for (let i = 0; i < list.length; i++) {
    const x = list[i] as TimeCandidate;
    const y = list[i + 1];
    const before = text.slice(Math.max(0, x.start - LOOKBACK), x.start);
    const lead = p.rangeFrom.exec(before);
    if (lead && x.point && y?.point && p.rangeTo.test(text.slice(x.end, y.start))) {
      const rebase = x.point.yearImplied && !y.point.yearImplied;
      let start = rebase ? (withYear(x, y.point.date.getUTCFullYear()) as Date) : x.point.date;
      if (rebase && start > y.point.date) start = withYear(x, y.point.date.getUTCFullYear() - 1) as Date;
      out.push({
        start: x.start - (before.length - lead.index),
        end: y.end,
        type: y.type,
        value: `${formatAt(start, x.point.granularity)}/${y.value}`,
        anchored: (rebase ? false : x.anchored) || y.anchored,
      });
      i++;
      continue;
    }
    const dayLead = x.point?.granularity === "day" ? p.dayRangeFrom.exec(before) : null;
    if (dayLead && x.point) {
      const d = x.point.date;
      const first = utc(d.getUTCFullYear(), d.getUTCMonth() + 1, Number(dayLead.groups?.day));
      if (first.getUTCMonth() === d.getUTCMonth() && first < d) {
        out.push({
          start: x.start - (before.length - dayLead.index),
          end: x.end,
          type: "DATE",
          value: `${formatAt(first, "day")}/${x.value}`,
          anchored: x.anchored,
        });
        continue;
      }
    }
    out.push(x);
  }
  return out;
}

function withModifiers(vocab: TimeVocab, p: Patterns, text: string, list: TimeCandidate[]): TimeCandidate[] {
  return list.map((c, i) => {
    if (c.mod) return c;
    // "more than two weeks ago", not "over the past two years": a quantity modifier needs a number.
    const quantity = p.quantityStart.test(text.slice(c.start, c.end));
    const floor = i > 0 ? (list[i - 1] as TimeCandidate).end : 0;
    const before = text.slice(Math.max(floor, c.start - LOOKBACK), c.start);
    const m = p.modifierLead.exec(before);
    if (!m || (m.groups?.mod && !quantity)) return c;
    const g = m.groups ?? {};
    const mod = g.edge
      ? (vocab.values.edge.get(phraseKey(g.edge)) as TimexMod | undefined)
      : vocab.modifiers.get(phraseKey(g.mod ?? ""));
    return mod ? { ...c, start: c.start - (before.length - m.index), mod } : c;
  });
}
