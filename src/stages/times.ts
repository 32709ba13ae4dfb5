import type { PublishedDate } from "../document/date.js";
import type { TimeValue } from "../document/layers.js";
import type { Stage } from "../document/pipeline.js";
import type { Annotation } from "../document/span.js";
import type { LangPack } from "../lang/packs.js";
import { isNotTime, longestFirst, type TimeCandidate, withoutPreposition } from "./times-candidate.js";
import { chronoCandidates, type Frame } from "./times-chrono.js";
import { compose } from "./times-compose.js";
import { ruleCandidates } from "./times-rules.js";
import { sentenceEnds, triggerWindows, windowsAround } from "./times-trigger.js";
import { timeVocab } from "./times-vocab.js";
import {
  type Anchor,
  anchorGranularity,
  anchorOf,
  coarsest,
  formatAt,
  type Granularity,
  shift,
  truncateValue,
  utc,
} from "./timex.js";

/** Candidates in one block of text, resolved in one frame. */
function findIn(pack: LangPack | undefined, text: string, frame: Frame): TimeCandidate[] {
  const vocab = timeVocab(pack);
  const rules = ruleCandidates(vocab, text, frame.ref).filter((c) => !isNotTime(vocab, text, c));
  const found = longestFirst([...chronoCandidates(pack, text, frame), ...rules]);
  return compose(
    vocab,
    text,
    found.map((c) => withoutPreposition(vocab, text, c)),
  );
}

/** Candidates of the whole text, paragraph by paragraph so that no expression spans a blank line. */
function findTimes(pack: LangPack | undefined, text: string, frame: Frame): TimeCandidate[] {
  const out: TimeCandidate[] = [];
  for (const block of text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g)) {
    const offset = block.index ?? 0;
    for (const c of findIn(pack, block[0], frame))
      out.push({ ...c, start: c.start + offset, end: c.end + offset });
  }
  return out;
}

/** Candidates of the windows only, with offsets into the whole text. */
function findInWindows(
  pack: LangPack | undefined,
  text: string,
  frame: Frame,
  windows: readonly [number, number][],
): TimeCandidate[] {
  return windows.flatMap(([start, end]) =>
    findTimes(pack, text.slice(start, end), frame).map((c) => ({
      ...c,
      start: c.start + start,
      end: c.end + start,
    })),
  );
}

/**
 * Candidates of the whole text, parsing only the sentences the pre-scan keeps, with the sentence
 * ends that bound the windows of later passes.
 */
function findAll(pack: LangPack | undefined, text: string, frame: Frame) {
  const ends = sentenceEnds(text);
  return { found: findInWindows(pack, text, frame, triggerWindows(pack, text, ends)), ends };
}

const at = (ref: Date): Frame => ({ ref, early: ref, late: ref });

const key = (c: TimeCandidate) => `${c.start}:${c.end}`;

/** Two references far apart, for documents without a date: what differs between them is unknown. */
const UNDATED = [utc(2001, 3, 15), utc(2017, 10, 20)] as const;

/** "2001-03-05" vs "2017-03-05" → "XXXX-03-05": the parts two resolutions agree on, the rest unknown. */
function maskDifferences(a: string, b: string): string {
  const pa = a.split(/([-T:/])/);
  const pb = b.split(/([-T:/])/);
  if (pa.length !== pb.length) return "XXXX";
  return pa.map((part, i) => (part === pb[i] ? part : part.replace(/\w/g, "X"))).join("");
}

function annotate(c: TimeCandidate, anchor: string | null, uncertain: boolean, value = c.value) {
  const out: Annotation<TimeValue> = { start: c.start, end: c.end, type: c.type, value, anchor, uncertain };
  return c.mod ? { ...out, mod: c.mod } : out;
}

/**
 * Resolves with the earliest, middle and latest instant the publication date allows. Where they
 * agree the value is certain; where they do not ("ieri" in an article dated only 2024-08), the
 * middle value is cut to the date's own precision and flagged, so no day is ever invented.
 */
function resolveAgainst(pack: LangPack | undefined, text: string, anchor: Anchor): Annotation<TimeValue>[] {
  const { early, mid, late } = anchor;
  const { found, ends } = findAll(pack, text, { ref: mid, early, late });
  const byKey = (frame: Frame, of: readonly TimeCandidate[]) =>
    new Map(findInWindows(pack, text, frame, windowsAround(ends, of)).map((c) => [key(c), c]));
  // A year and a month later, every value that depends on the publication date changes.
  const moved = (d: Date) => shift(shift(d, "Y", 1), "M", 1);
  // Candidates the parsers already mark as anchored need no second reading to tell.
  const unmarked = found.filter((c) => !c.anchored);
  const elsewhere = byKey({ ref: moved(mid), early: moved(early), late: moved(late) }, unmarked);
  const isAnchored = (c: TimeCandidate) => c.anchored || elsewhere.get(key(c))?.value !== c.value;
  // Only values that depend on the date can differ between its earliest and latest instant.
  const anchoredOnes = found.filter(isAnchored);
  const exact = early.getTime() === late.getTime() || anchoredOnes.length === 0;
  const atEarly = exact ? undefined : byKey({ ref: early, early, late }, anchoredOnes);
  const atLate = exact ? undefined : byKey({ ref: late, early, late }, anchoredOnes);
  const granularity = anchorGranularity(anchor);
  return found.map((c) => {
    if (!isAnchored(c)) return annotate(c, null, false);
    if (!atEarly || !atLate) return annotate(c, anchor.value, false);
    if (atEarly.get(key(c))?.value === c.value && atLate.get(key(c))?.value === c.value) {
      return annotate(c, anchor.value, false);
    }
    return annotate(c, anchor.value, true, cutTo(c, granularity));
  });
}

/** A value no finer than the publication date allows, from the candidate's own instant when it has one. */
function cutTo(c: TimeCandidate, granularity: Granularity): string {
  if (c.point) return formatAt(c.point.date, coarsest(c.point.granularity, granularity));
  return c.value
    .split("/")
    .map((v) => truncateValue(v, granularity))
    .join("/");
}

function resolveUndated(pack: LangPack | undefined, text: string): Annotation<TimeValue>[] {
  const [a, b] = UNDATED;
  const { found, ends } = findAll(pack, text, at(a));
  const other = new Map(findInWindows(pack, text, at(b), windowsAround(ends, found)).map((c) => [key(c), c]));
  return found.map((c) => {
    const twin = other.get(key(c));
    if (twin?.value === c.value) return annotate(c, null, false);
    return annotate(c, null, true, twin ? maskDifferences(c.value, twin.value) : "XXXX");
  });
}

/** The `times` layer of a text in a language, against its publication date when there is one. */
export function resolveTimes(
  pack: LangPack | undefined,
  text: string,
  date: PublishedDate | undefined,
): Annotation<TimeValue>[] {
  const anchor = anchorOf(date);
  return anchor ? resolveAgainst(pack, text, anchor) : resolveUndated(pack, text);
}

export const timesStage: Stage = {
  name: "times",
  reads: [],
  writes: ["times"],
  run(doc, resources) {
    return doc.withLayer("times", resolveTimes(resources.packs.get(doc.lang), doc.text, doc.date));
  },
};
