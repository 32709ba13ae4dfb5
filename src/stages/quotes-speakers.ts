import type { Document } from "../document/document.js";
import type { Attribution } from "../document/layers.js";
import type { Span } from "../document/span.js";
import { phraseKey } from "./phrases.js";
import type { QuoteVocab } from "./quotes-vocab.js";

/**
 * Who can say something: mentions from the `entities` layer when the entity stage ran
 * (people, organisations, groups, countries), otherwise runs of capitalised words, with lower
 * confidence. Rules then pick the speaker of a quote among them.
 */
export interface Mention extends Span {
  readonly name: string;
  readonly kbId?: string;
  /** "name" when only capitalisation says it is a name, so it may or may not be a person. */
  readonly kind: "person" | "other" | "name";
  readonly confidence: number;
}

export const maybePerson = (m: Mention) => m.kind !== "other";

const SPEAKER_TYPES = new Set(["person", "organisation", "group", "country"]);
/** Confidence of a speaker read from capitalised words alone, without the entity stage. */
const NAME_ONLY = 0.4;

/**
 * Speaker candidates: the entity stage's people, organisations, groups and countries, and the
 * capitalised names it did not annotate at all (a person the KB does not know).
 */
export function mentionsOf(doc: Document, vocab: QuoteVocab): Mention[] {
  const entities = doc.layer("entities");
  const linked = entities
    .filter((e) => SPEAKER_TYPES.has(e.type))
    .map((e) => ({
      start: e.start,
      end: e.end,
      name: e.name || doc.text.slice(e.start, e.end),
      ...(e.kbId ? { kbId: e.kbId } : {}),
      kind: e.type === "person" ? ("person" as const) : ("other" as const),
      confidence: e.confidence,
    }));
  const unknown = capitalisedNames(doc, vocab).filter(
    (n) => !entities.some((e) => e.start < n.end && n.start < e.end),
  );
  return [...linked, ...unknown].sort((a, b) => a.start - b.start);
}

/** Capitalised words, with the particles names carry between them ("Ursula von der Leyen"). */
const NAME_RUN =
  /\p{Lu}[\p{L}'’-]*(?:[ \t]+(?:(?:von|van|der|den|de|del|della|di|da|du|la|le|bin|al|el)[ \t]+)*\p{Lu}[\p{L}'’-]*)*/gu;

/**
 * Capitalised words that are not function words. A word that opens a sentence counts when the
 * text also capitalises it elsewhere ("Li"), or when a word that is not a determiner follows it,
 * as a verb follows a subject ("Putin ha dichiarato", "Lula called"; not "Date queste").
 */
function capitalisedNames(doc: Document, vocab: QuoteVocab): Mention[] {
  const text = doc.text;
  const starts = new Set(doc.layer("sentences").map((s) => s.start));
  const midSentence = new Set<string>();
  const runs: Array<Span & { initial: boolean; word: string }> = [];
  for (const m of text.matchAll(NAME_RUN)) {
    const runEnd = (m.index ?? 0) + m[0].length;
    const words = [...m[0].matchAll(/\S+/g)];
    let first = words[0] as RegExpMatchArray;
    // "Il Cremlino": a leading function word is no part of the name; "Von der Leyen" keeps its particle.
    if (vocab.functionWords.has(phraseKey(first[0]))) {
      const second = words[1];
      if (!second) continue;
      if (!/^\p{Ll}/u.test(second[0])) first = second;
    }
    const start = (m.index ?? 0) + (first.index ?? 0);
    const initial =
      starts.has(start) || /(^|[.!?:«»"“”„]\s*)$/u.test(text.slice(Math.max(0, start - 3), start));
    const next = /^\s+(\p{Ll}[\p{L}'’]*)/u.exec(text.slice(runEnd, runEnd + 40))?.[1];
    const nextKind = next === undefined ? "det" : vocab.functionWords.get(phraseKey(next));
    if (!initial || (nextKind !== "det" && nextKind !== "prep")) midSentence.add(first[0]);
    runs.push({ start, end: runEnd, initial, word: first[0] });
  }
  return runs
    .filter((r) => !r.initial || midSentence.has(r.word))
    .map((r) => ({
      start: r.start,
      end: r.end,
      name: text.slice(r.start, r.end),
      kind: "name",
      confidence: NAME_ONLY,
    }));
}

/** The clause-internal words before a position, nearest first, up to a comma or a quote mark. */
function wordsBefore(text: string, at: number, count: number): string[] {
  const clause =
    text
      .slice(Math.max(0, at - 80), at)
      .split(/[,;:.!?()«»“”„"]/u)
      .pop() ?? "";
  return (
    clause
      .match(/[\p{L}'’]+/gu)
      ?.slice(-count)
      .reverse() ?? []
  );
}

/**
 * A preposition among the few words before a position, looking back no further than a
 * capitalised word with a lower-case word after it ("mit Putin würdigte Li": the verb between
 * ends the phrase), so titles stay inside it ("with the Chinese Premier Li").
 */
function prepositionBefore(text: string, at: number, vocab: QuoteVocab): boolean {
  let lowerSeen = false;
  for (const w of wordsBefore(text, at, 4)) {
    if (vocab.functionWords.get(phraseKey(w)) === "prep") return true;
    if (/^\p{Lu}/u.test(w)) {
      if (lowerSeen) return false;
    } else lowerSeen = true;
  }
  return false;
}

/**
 * Whether a mention sits in a prepositional phrase ("con Putin", "prese da Putin e Xi",
 * "con i vicepremier cinesi Li"): such a mention is not the subject that speaks. The words
 * looked at stop at an earlier mention, unless a conjunction joins the two ("Putin e Xi").
 */
export function isPrepositional(
  text: string,
  m: Span,
  vocab: QuoteVocab,
  mentions: readonly Span[],
): boolean {
  const kind = (w: string) => vocab.functionWords.get(phraseKey(w));
  const previous = mentions.filter((p) => p.end <= m.start && m.start - p.end < 40).pop();
  if (previous) {
    const between = text.slice(previous.end, m.start);
    if (!/[,;:.!?()«»“”„"]/u.test(between)) {
      const words = between.match(/[\p{L}'’]+/gu) ?? [];
      if (words.length === 1 && kind(words[0] as string) === "conj")
        return isPrepositional(text, previous, vocab, mentions);
      return words.slice(-4).some((w) => kind(w) === "prep");
    }
  }
  return prepositionBefore(text, m.start, vocab);
}

/** Whether a subject pronoun stands within two words of a position ("he said", "ha detto lei"). */
export function pronounNear(text: string, cue: Span, vocab: QuoteVocab): boolean {
  const around = [
    ...wordsBefore(text, cue.start, 2),
    ...(text
      .slice(cue.end, cue.end + 30)
      .match(/[\p{L}'’]+/gu)
      ?.slice(0, 2) ?? []),
  ];
  return around.some((w) => vocab.functionWords.get(phraseKey(w)) === "pron");
}

export function attribution(m: Mention, factor = 1): Attribution {
  return {
    start: m.start,
    end: m.end,
    name: m.name,
    ...(m.kbId ? { kbId: m.kbId } : {}),
    confidence: Math.round(m.confidence * factor * 100) / 100,
  };
}

/** The subject-like mention of a stretch of text: the first person not in a prepositional phrase. */
export function subjectIn(text: string, mentions: readonly Mention[], span: Span, vocab: QuoteVocab) {
  const inside = mentions.filter((m) => m.start >= span.start && m.end <= span.end);
  const free = inside.filter((m) => !isPrepositional(text, m, vocab, mentions));
  return free.find((m) => m.kind === "person") ?? free.find(maybePerson) ?? free[0];
}

/**
 * A speaker the article only describes ("the minister said", "a source in the ministry said",
 * "dijo el portavoz"): from a determiner to the cue, or after the cue to the end of the clause,
 * six words at most, with nothing but nouns, prepositions and determiners after the first.
 */
export function describedSpeaker(
  text: string,
  cue: Span,
  words: Span,
  vocab: QuoteVocab,
): Attribution | undefined {
  const kind = (w: string) => vocab.functionWords.get(phraseKey(w));
  const wordsIn = (from: number, to: number) =>
    [...text.slice(from, to).matchAll(/[\p{L}'’-]+/gu)].map((m) => ({
      start: from + (m.index ?? 0),
      end: from + (m.index ?? 0) + m[0].length,
      word: m[0],
    }));
  const clauseStart =
    cue.start -
    (/[^,;:.!?«»“”„"]*$/u.exec(text.slice(Math.max(0, cue.start - 60), cue.start))?.[0].length ?? 0);
  const clauseEnd = cue.end + (/^[^,;:.!?«»“”„"]*/u.exec(text.slice(cue.end, cue.end + 60))?.[0].length ?? 0);
  const nominal = (w: { word: string }) => !kind(w.word) || kind(w.word) === "prep" || kind(w.word) === "det";
  const before = wordsIn(clauseStart, cue.start);
  // "il ministero ha riferito": the auxiliary of the cue is not part of the subject.
  while (before.length && kind((before[before.length - 1] as { word: string }).word) === "aux") before.pop();
  // After the cue the subject comes first ("dijo el portavoz"), never after a preposition ("dijo a la CNN").
  const after = wordsIn(cue.end, clauseEnd).slice(0, 6);
  for (const side of [before.slice(-6), kind(after[0]?.word ?? "") === "det" ? after : []]) {
    const at = side.findIndex((w, i) => kind(w.word) === "det" && side.slice(i + 1).every(nominal));
    const rest = side.slice(at + 1);
    if (at < 0 || rest.length === 0 || kind((rest[rest.length - 1] as { word: string }).word)) continue;
    const start = (side[at] as { start: number }).start;
    const end = (rest[rest.length - 1] as { end: number }).end;
    if (start < words.end && words.start < end) continue;
    return { start, end, name: text.slice(start, end), confidence: 0.3 };
  }
  return undefined;
}
