import type { EventActor, EventValue } from "../document/layers.js";

/**
 * Events between two actors over time. An actor is named by a key: the country part of its CAMEO
 * code ("RUS" for RUSGOV, RUSMIL, RUS; "IGO" for IGOWSTNAT) or its KB id ("Q7747").
 */

export type DyadBucket = "day" | "week" | "month";

export interface DyadQuery {
  /** Actor keys: a three-letter CAMEO country (or prefix) code, or a KB id. */
  readonly a: string;
  readonly b: string;
  /** Inclusive bounds of any precision ("2024", "2024-01", "2024-01-15"); open when absent. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** Bucket of the series; "day" by default. Weeks are ISO weeks (Monday to Sunday). */
  readonly by?: DyadBucket | undefined;
  /** Only events whose source is `a` and target `b`; by default events in either direction count. */
  readonly directed?: boolean | undefined;
}

/** QuadClass 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
export type QuadCounts = Readonly<Record<"1" | "2" | "3" | "4", number>>;

export interface DyadPoint {
  /** "2024-08-06", ISO week "2024-W32", or "2024-08". */
  readonly period: string;
  /** The first and last day of the bucket. */
  readonly first: string;
  readonly last: string;
  /** Event annotations (GDELT's mentions: the same event in ten articles counts ten times). */
  readonly events: number;
  readonly quad: QuadCounts;
  /** Events per PLOVER type; types without events are absent. */
  readonly plover: Readonly<Record<string, number>>;
  /** Sum of the events' Goldstein scores. */
  readonly goldstein: number;
  /** Distinct outlets reporting at least one of the bucket's events (all undeclared outlets count as one). */
  readonly sources: number;
}

/**
 * Events counted in dyads and facts: those the text says happened. A negated event ("did not
 * attend") did not, and a planned one ("will visit") has not yet.
 */
export function occurred(event: Pick<EventValue, "mode">): boolean {
  return event.mode === "asserted" || event.mode === "reported";
}

/**
 * CAMEO's domestic role codes: a code that starts with one names a role of an unknown country
 * ("GOV", "MIL", "CVL"), not a country.
 */
const ROLE_CODES = new Set(
  "COP GOV INS JUD MIL OPP PTY REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED REF MOD RAD".split(
    " ",
  ),
);

/** The country (or international) part of a CAMEO actor code, when it has one ("RUSGOV" → "RUS", "GOV" → none). */
export function cameoCountry(cameo: string): string | undefined {
  const prefix = /^[A-Z]{3}/.exec(cameo)?.[0];
  return prefix && !ROLE_CODES.has(prefix) ? prefix : undefined;
}

/** The keys an actor can be asked for by: its CAMEO country part and its KB id. */
export function actorKeys(actor: Pick<EventActor, "cameo" | "kbId"> | null | undefined): string[] {
  return actor ? keysOf(cameoCountry(actor.cameo) ?? "", actor.kbId) : [];
}

/** Actor keys from a country part and a KB id as stored ("" when absent). */
export function keysOf(country: string, kbId: string): string[] {
  const keys = country ? [country] : [];
  if (kbId && kbId !== country) keys.push(kbId);
  return keys;
}

const DAY = /^(\d{4}-\d{2}-\d{2})/;

/**
 * The day an event is dated to: its own date when that names a day, else the document's date
 * when that is a single day; undefined otherwise (such events are stored but in no series).
 */
export function eventDay(event: Pick<EventValue, "date">, published: string | undefined): string | undefined {
  const own = event.date && !event.date.includes("/") ? DAY.exec(event.date)?.[1] : undefined;
  return own ?? (published ? DAY.exec(published)?.[1] : undefined);
}

const MS_PER_DAY = 86_400_000;
const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => toDay(new Date(toDate(day).getTime() + n * MS_PER_DAY));

/** The first day of the bucket holding `day`. */
export function bucketStart(day: string, by: DyadBucket): string {
  if (by === "month") return `${day.slice(0, 7)}-01`;
  if (by === "week") return addDays(day, -((toDate(day).getUTCDay() + 6) % 7));
  return day;
}

/** The bucket starting at `start` as a period label and its first and last days. */
export function bucketOf(start: string, by: DyadBucket): { period: string; first: string; last: string } {
  if (by === "day") return { period: start, first: start, last: start };
  if (by === "month") {
    const next = toDate(start);
    next.setUTCMonth(next.getUTCMonth() + 1);
    return { period: start.slice(0, 7), first: start, last: addDays(toDay(next), -1) };
  }
  // The ISO week-numbering year is the year of the week's Thursday.
  const thursday = toDate(addDays(start, 3));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / MS_PER_DAY / 7) + 1;
  return {
    period: `${thursday.getUTCFullYear()}-W${String(week).padStart(2, "0")}`,
    first: start,
    last: addDays(start, 6),
  };
}

/** The first day of every bucket from the one holding `first` to the one holding `last`. */
export function bucketStarts(first: string, last: string, by: DyadBucket): string[] {
  const out: string[] = [];
  let start = bucketStart(first, by);
  while (start <= last) {
    out.push(start);
    start = addDays(bucketOf(start, by).last, 1);
  }
  return out;
}

/** A bucket with no event. */
export function emptyPoint(start: string, by: DyadBucket): DyadPoint {
  return {
    ...bucketOf(start, by),
    events: 0,
    quad: { "1": 0, "2": 0, "3": 0, "4": 0 },
    plover: {},
    goldstein: 0,
    sources: 0,
  };
}
