import { type Document, sourceFromUrl } from "../document/document.js";
import type { AmountValue, EventActor, EventValue, QuoteValue, TimeValue } from "../document/layers.js";
import type { Annotation } from "../document/span.js";
import { mayRestate, type SentenceFacts } from "./align.js";
import { type DocEvidence, evidenceOf, type Finding, type FindingKind } from "./finding.js";
import { isDerived } from "./passages.js";
import type { Source } from "./sources.js";

/** Amounts that differ by less than this share are the same figure, rounded or restated. */
const AMOUNT_TOLERANCE = 0.1;
/** A relative date resolved to a day ("two weeks ago") is only that precise, give or take. */
const RELATIVE_DAY_SLACK = 7;
/**
 * Values are compared only between sentences this alike: two reports' loosely similar sentences
 * often speak of different moments and figures, and comparing them would invent contradictions.
 */
const COMPARABLE_PAIR = 0.6;
/** Within one language shared words are evidence too, and a changed name lowers the anchors' part. */
const COMPARABLE_PAIR_SAME_LANGUAGE = 0.45;

const inside = (a: { start: number; end: number }, s: { start: number; end: number }) =>
  a.start >= s.start && a.end <= s.end;

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The first and last day numbers (days since 1970) a date of year, month or day precision covers. */
function daysOf(value: string): [number, number] | undefined {
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) - 1 : undefined, m[3] ? Number(m[3]) : undefined];
  const day = (ms: number) => Math.round(ms / 86_400_000);
  if (mo === undefined) return [day(Date.UTC(y, 0, 1)), day(Date.UTC(y + 1, 0, 1)) - 1];
  if (d === undefined) return [day(Date.UTC(y, mo, 1)), day(Date.UTC(y, mo + 1, 1)) - 1];
  return [day(Date.UTC(y, mo, d)), day(Date.UTC(y, mo, d))];
}

/** The days a TIMEX3 date value covers, widened for relative values resolved to a day. */
function dayInterval(t: Annotation<TimeValue>): [number, number] | undefined {
  const [from = "", to = from] = t.value.split("/");
  const first = daysOf(from);
  const last = daysOf(to);
  if (!first || !last) return undefined;
  const slack = t.anchor && from.length === 10 ? RELATIVE_DAY_SLACK : 0;
  return [first[0] - slack, last[1] + slack];
}

const overlap = (a: [number, number], b: [number, number]) => a[0] <= b[1] && b[0] <= a[1];

/** Ordinals name, they do not measure; a count is comparable only with what it counts. */
export const comparableAmount = (a: AmountValue) =>
  a.kind !== "ordinal" && (a.kind !== "count" || a.unit !== "");

function sameAmount(a: AmountValue, b: AmountValue): boolean {
  return (
    a.unit === b.unit &&
    Math.abs(a.value - b.value) <= AMOUNT_TOLERANCE * Math.max(Math.abs(a.value), Math.abs(b.value))
  );
}

const actorKey = (a: EventActor | null) => a?.kbId || a?.cameo || "";
/** Events whose two actors are known: who did what to whom can be compared. */
export const comparableEvent = (e: EventValue) =>
  e.mode !== "negated" && actorKey(e.source) !== "" && actorKey(e.target) !== "";
/** Meeting, agreeing and cooperating go both ways: "Li met Putin" is "Putin met Li". */
const SYMMETRIC_ROOTS = new Set(["03", "04", "05", "06"]);
const actorsKey = (e: EventValue) => {
  const pair = [actorKey(e.source), actorKey(e.target)];
  return (SYMMETRIC_ROOTS.has(e.root) ? pair.sort() : pair).join(">");
};
const sameActors = (a: EventValue, b: EventValue) => actorsKey(a) === actorsKey(b);
export const eventWords = (e: EventValue) =>
  `${e.source?.name || e.source?.cameo} → ${e.target?.name || e.target?.cameo}: ${e.plover} (CAMEO ${e.root})`;

/** What sources say instead, most said first: "2024-08-06 (3 sources), 2024-08-07 (1 source)". */
function tallied(said: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of said) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([value, n]) => `${value} (${n} source${n > 1 ? "s" : ""})`)
    .join(", ");
}

interface Tally {
  readonly annotation: Annotation;
  readonly kind: FindingKind;
  readonly agree: DocEvidence[];
  readonly disagree: DocEvidence[];
  /** What each disagreeing source says instead, in the order of `disagree`. */
  readonly alternatives: Alternative[][];
  /** The same, as the values a reader compares ("2024-08-06"), in the order of `disagree`. */
  readonly said: string[];
  readonly describe: (other: DocEvidence[], said: readonly string[]) => string;
}

/** A date the article gives relative to its own, in its past ("two months ago"), resolved with certainty. */
function pastRelative(t: Annotation<TimeValue>): boolean {
  return (
    t.anchor !== null &&
    !t.uncertain &&
    /^\d{4}/.test(t.value) &&
    t.value.slice(0, t.anchor.length) < t.anchor
  );
}

/** A value a source states instead: a range (days, or an amount with its tolerance) or a key (a speaker). */
type Alternative = { readonly lo: number; readonly hi: number } | { readonly key: string };

const sameAlternative = (a: Alternative, b: Alternative) =>
  "key" in a ? "key" in b && a.key === b.key : !("key" in b) && a.lo <= b.hi && b.lo <= a.hi;

/**
 * Independent sources contradict only when two of them, from different documents, agree with each
 * other on another value: real reports of one story disagree a little, and a lone different value
 * is as likely about something else.
 */
function consensus(t: Tally): boolean {
  for (let i = 0; i < t.disagree.length; i++) {
    for (let j = i + 1; j < t.disagree.length; j++) {
      if (t.disagree[i]?.doc === t.disagree[j]?.doc) continue;
      const a = t.alternatives[i] ?? [];
      const b = t.alternatives[j] ?? [];
      if (a.some((x) => b.some((y) => sameAlternative(x, y)))) return true;
    }
  }
  return false;
}

/**
 * Compares the dates, amounts and quote attributions of each sentence of the suspect with those
 * of its aligned sentences in every source. A value some sources state alike and none contradict
 * is corroborated; one that aligned sources state otherwise, beyond the tolerance of its kind and
 * precision, is contradicted, with their sentences as evidence.
 */
export function compareValues(suspect: Document, sources: readonly Source[]): Finding[] {
  const tallies = new Map<string, Tally>();
  // `variant` tells apart claims of one span: the events of one trigger between different actors.
  const tally = (annotation: Annotation, kind: FindingKind, describe: Tally["describe"], variant = "") => {
    const key = `${kind}:${annotation.start}:${annotation.end}:${variant}`;
    const known = tallies.get(key);
    if (known) return known;
    const t: Tally = { annotation, kind, agree: [], disagree: [], alternatives: [], said: [], describe };
    tallies.set(key, t);
    return t;
  };
  const record = (
    t: Tally,
    agrees: boolean,
    evidence: DocEvidence,
    alternatives: Alternative[],
    said: string,
  ) => {
    if (agrees) t.agree.push(evidence);
    else {
      t.disagree.push(evidence);
      t.alternatives.push(alternatives);
      t.said.push(said);
    }
  };
  const text = (a: Annotation) => suspect.text.slice(a.start, a.end);

  const derivedFrom = new Set<string>();
  const compareTimes = (s: SentenceFacts, t: SentenceFacts, doc: Document, relativeOnly: boolean) => {
    const evidence = evidenceOf(doc, t);
    const theirTimes = doc.layer("times").filter((x) => x.type === "DATE" && inside(x, t));
    const mineHere = suspect.layer("times").filter((x) => x.type === "DATE" && inside(x, s));
    for (const mine of relativeOnly ? mineHere.filter(pastRelative) : mineHere) {
      const own = dayInterval(mine);
      const theirs = theirTimes.map(dayInterval).filter((x): x is [number, number] => x !== undefined);
      if (!own || theirs.length === 0) continue;
      const item = tally(
        mine,
        "time",
        (other, said) =>
          `the article dates this "${text(mine)}" (${mine.value}); ${other.length} source${other.length > 1 ? "s" : ""} aligned with this sentence date${other.length > 1 ? "" : "s"} it ${tallied(said)}`,
      );
      record(
        item,
        theirs.some((x) => overlap(own, x)),
        evidence,
        theirs.map(([lo, hi]) => ({ lo, hi })),
        theirTimes.map((x) => x.value).join(" or "),
      );
    }
  };
  for (const { doc, alignment } of sources) {
    const derived = isDerived(alignment);
    if (derived) derivedFrom.add(doc.id);
    // A date given relative to the article ("two months ago") is what a rewrite shifts, and other
    // reports state the same moment in sentences that restate only part of the suspect's: for those
    // look wider (the consensus rule below guards against reading unrelated dates as contradictions).
    if (!derived) {
      for (const s of alignment.facts) {
        for (const t of alignment.sourceFacts) if (mayRestate(s, t)) compareTimes(s, t, doc, true);
      }
    }
    for (const { suspect: s, source: t, score } of alignment.pairs) {
      if (score < (doc.lang === suspect.lang ? COMPARABLE_PAIR_SAME_LANGUAGE : COMPARABLE_PAIR)) continue;
      const evidence = evidenceOf(doc, t);
      if (derived) compareTimes(s, t, doc, false);
      const theirAmounts = doc.layer("amounts").filter((x) => comparableAmount(x) && inside(x, t));
      for (const mine of suspect.layer("amounts").filter((x) => comparableAmount(x) && inside(x, s))) {
        const comparable = theirAmounts.filter((x) => x.unit === mine.unit);
        if (comparable.length === 0) continue;
        const item = tally(
          mine,
          "amount",
          (other, said) =>
            `the article gives ${mine.value} ${mine.unit} ("${text(mine)}"); ${other.length} aligned source sentence${other.length > 1 ? "s give" : " gives"} ${tallied(said)}`,
        );
        record(
          item,
          comparable.some((x) => sameAmount(mine, x)),
          evidence,
          comparable.map((x) => ({
            lo: x.value * (1 - AMOUNT_TOLERANCE),
            hi: x.value * (1 + AMOUNT_TOLERANCE),
          })),
          comparable.map((x) => `${x.value} ${x.unit}`).join(" or "),
        );
      }
      const theirQuotes = doc
        .layer("quotes")
        .filter((q) => q.kind !== "indirect" && q.speaker?.kbId && inside(q, t));
      for (const mine of suspect
        .layer("quotes")
        .filter((q) => q.kind !== "indirect" && q.speaker?.kbId && inside(q, s))) {
        if (theirQuotes.length === 0) continue;
        const speaker = (mine as Annotation<QuoteValue>).speaker;
        const item = tally(
          mine,
          "attribution",
          () =>
            `the article attributes these words to ${speaker?.name}; the aligned source passage gives them to ${theirQuotes.map((q) => q.speaker?.name).join(", ")}`,
        );
        record(
          item,
          theirQuotes.some((q) => q.speaker?.kbId === speaker?.kbId),
          evidence,
          theirQuotes.map((q) => ({ key: q.speaker?.kbId ?? "" })),
          theirQuotes.map((q) => q.speaker?.name).join(" or "),
        );
      }
      const theirEvents = doc.layer("events").filter((x) => inside(x, t) && comparableEvent(x));
      for (const mine of suspect.layer("events").filter((x) => inside(x, s) && comparableEvent(x))) {
        const same = theirEvents.filter((x) => x.root === mine.root);
        const agrees = same.some((x) => sameActors(mine, x));
        // Reports of a story tell many events of one type between different actors: only the
        // report the suspect derives from says who did this one.
        if (same.length === 0 || (!agrees && !derived)) continue;
        const item = tally(
          mine,
          "event",
          (other, said) =>
            `the article has ${eventWords(mine)}; ${other.length} aligned sentence${other.length > 1 ? "s" : ""} of the report it derives from ${other.length > 1 ? "have" : "has"} ${tallied(said)}`,
          actorsKey(mine),
        );
        record(
          item,
          agrees,
          evidence,
          same.map((x) => ({ key: actorsKey(x) })),
          same.map(eventWords).join(" or "),
        );
      }
    }
  }

  const outlets = (list: DocEvidence[]) => new Set(list.map((e) => sourceFromUrl(e.url) ?? e.doc)).size;
  return [...tallies.values()].flatMap((t): Finding[] => {
    const base = { start: t.annotation.start, end: t.annotation.end, text: text(t.annotation), kind: t.kind };
    // A source the suspect derives from outweighs the others; otherwise two must agree on another
    // value and none may state the suspect's.
    const derivedSays = (list: DocEvidence[]) => list.some((e) => derivedFrom.has(e.doc));
    const contradicted = derivedSays(t.disagree)
      ? !derivedSays(t.agree)
      : consensus(t) && t.agree.length === 0;
    if (contradicted) {
      return [
        {
          ...base,
          verdict: "contradicted",
          message: `${t.describe(t.disagree, t.said)}${t.agree.length ? ` (${t.agree.length} agree)` : ""}`,
          evidence: [...t.disagree, ...t.agree],
          confidence: Math.min(0.9, 0.5 + 0.1 * t.disagree.length),
        },
      ];
    }
    if (t.agree.length > 0 && t.disagree.length === 0) {
      return [
        {
          ...base,
          verdict: "corroborated",
          message: `"${base.text}" is stated alike by ${t.agree.length} aligned source sentence${t.agree.length > 1 ? "s" : ""} from ${outlets(t.agree)} outlet${outlets(t.agree) > 1 ? "s" : ""}`,
          evidence: t.agree,
          confidence: Math.min(0.9, 0.5 + 0.1 * t.agree.length),
        },
      ];
    }
    return [];
  });
}
