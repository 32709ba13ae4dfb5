import type { PublishedDate } from "../document/date.js";

/**
 * TIMEX3 values and the calendar arithmetic behind them. Dates are plain UTC calendar days:
 * news dates carry no useful time zone, and UTC keeps the arithmetic free of DST surprises.
 */

/** How fine a value is; the order is from coarse to fine. */
export const GRANULARITIES = [
  "century",
  "decade",
  "year",
  "quarter",
  "month",
  "week",
  "day",
  "time",
] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export type TimeUnit = "Y" | "M" | "W" | "D" | "H" | "MIN" | "S" | "DE" | "CE" | "Q";

export const UNIT_GRANULARITY: Record<TimeUnit, Granularity> = {
  CE: "century",
  DE: "decade",
  Y: "year",
  Q: "quarter",
  M: "month",
  W: "week",
  D: "day",
  H: "time",
  MIN: "time",
  S: "time",
};

export function isTimeUnit(code: string): code is TimeUnit {
  return code in UNIT_GRANULARITY;
}

export function finer(a: Granularity, b: Granularity): boolean {
  return GRANULARITIES.indexOf(a) > GRANULARITIES.indexOf(b);
}

export function coarsest(a: Granularity, b: Granularity): Granularity {
  return finer(a, b) ? b : a;
}

/** A UTC calendar instant. */
export function utc(year: number, month = 1, day = 1, hour = 12, minute = 0): Date {
  const d = new Date(Date.UTC(2000, month - 1, day, hour, minute));
  d.setUTCFullYear(year);
  return d;
}

const pad = (n: number, width = 2) => String(Math.abs(Math.trunc(n))).padStart(width, "0");

/** Monday-based ISO week number and its week-year. */
function isoWeek(date: Date): { year: number; week: number } {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return { year: d.getUTCFullYear(), week: Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7) };
}

/** The TIMEX3 value of an instant at a granularity: "2024", "2024-06", "2024-W31", "2024-06-21", "202". */
export function formatAt(date: Date, granularity: Granularity): string {
  const y = date.getUTCFullYear();
  const year = pad(y, 4);
  switch (granularity) {
    case "century":
      return year.slice(0, 2);
    case "decade":
      return year.slice(0, 3);
    case "year":
      return year;
    case "quarter":
      return `${year}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
    case "month":
      return `${year}-${pad(date.getUTCMonth() + 1)}`;
    case "week": {
      const w = isoWeek(date);
      return `${pad(w.year, 4)}-W${pad(w.week)}`;
    }
    case "day":
      return `${year}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    case "time":
      return `${formatAt(date, "day")}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  }
}

/** Moves an instant by whole units; months clamp to the end of a shorter month (31 Aug - 6M = 29 Feb). */
export function shift(date: Date, unit: TimeUnit, amount: number): Date {
  const d = new Date(date.getTime());
  switch (unit) {
    case "CE":
      d.setUTCFullYear(d.getUTCFullYear() + 100 * amount);
      return d;
    case "DE":
      d.setUTCFullYear(d.getUTCFullYear() + 10 * amount);
      return d;
    case "Y":
      return shiftMonths(d, 12 * amount);
    case "Q":
      return shiftMonths(d, 3 * amount);
    case "M":
      return shiftMonths(d, amount);
    case "W":
      d.setUTCDate(d.getUTCDate() + 7 * amount);
      return d;
    case "D":
      d.setUTCDate(d.getUTCDate() + amount);
      return d;
    case "H":
      return new Date(d.getTime() + amount * 3_600_000);
    case "MIN":
      return new Date(d.getTime() + amount * 60_000);
    case "S":
      return new Date(d.getTime() + amount * 1000);
  }
}

function shiftMonths(d: Date, months: number): Date {
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** ISO 8601 duration for an amount of a unit: P4D, P2Y, PT3H, P10Y for a decade, PXM for "some months". */
export function durationValue(amount: number | "X", unit: TimeUnit): string {
  const n = amount === "X" ? "X" : String(amount);
  switch (unit) {
    case "H":
      return `PT${n}H`;
    case "MIN":
      return `PT${n}M`;
    case "S":
      return `PT${n}S`;
    case "DE":
      return amount === "X" ? "PXDE" : `P${amount * 10}Y`;
    case "CE":
      return amount === "X" ? "PXCE" : `P${amount * 100}Y`;
    case "Q":
      return amount === "X" ? "PXQ" : `P${amount * 3}M`;
    default:
      return `P${n}${unit}`;
  }
}

/**
 * The instants a published date allows: a month-precision date is any day of the month, so
 * relative expressions are resolved at its first, middle and last day and only what all three
 * agree on is kept.
 */
export interface Anchor {
  readonly value: string;
  readonly precision: PublishedDate["precision"];
  readonly early: Date;
  readonly mid: Date;
  readonly late: Date;
}

export function anchorOf(date: PublishedDate | undefined): Anchor | undefined {
  if (!date) return undefined;
  const [y, m, d] = date.value.slice(0, 10).split("-").map(Number) as [number, number?, number?];
  switch (date.precision) {
    case "year":
      return { ...date, early: utc(y, 1, 1), mid: utc(y, 7, 1), late: utc(y, 12, 31) };
    case "month": {
      const last = new Date(Date.UTC(y, m ?? 1, 0)).getUTCDate();
      return { ...date, early: utc(y, m, 1), mid: utc(y, m, 15), late: utc(y, m, last) };
    }
    case "day": {
      const day = utc(y, m, d);
      return { ...date, early: day, mid: day, late: day };
    }
    case "time": {
      const t = new Date(Date.parse(date.value));
      const at = Number.isNaN(t.getTime()) ? utc(y, m, d) : t;
      return { ...date, early: at, mid: at, late: at };
    }
  }
}

/** The granularity a published date's precision can support. */
export function anchorGranularity(anchor: Anchor): Granularity {
  return anchor.precision === "time" ? "time" : anchor.precision;
}

/** Cuts a value to a coarser granularity ("2024-08-15" → "2024-08"); values it cannot cut are kept. */
export function truncateValue(value: string, granularity: Granularity): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  switch (granularity) {
    case "century":
      return (y as string).slice(0, 2);
    case "decade":
      return (y as string).slice(0, 3);
    case "year":
      return y as string;
    case "quarter":
    case "month":
      return mo ? `${y}-${mo}` : (y as string);
    default:
      return d ? `${y}-${mo}-${d}` : value;
  }
}
