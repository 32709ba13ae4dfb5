import type { Document } from "../document/document.js";
import type { Attribution, QuoteValue } from "../document/layers.js";
import type { Stage } from "../document/pipeline.js";
import type { Annotation, Span } from "../document/span.js";
import { phraseKey } from "./phrases.js";
import { findQuoted, type Quoted } from "./quotes-marks.js";
import {
  attribution,
  describedSpeaker,
  isPrepositional,
  type Mention,
  maybePerson,
  mentionsOf,
  pronounNear,
  subjectIn,
} from "./quotes-speakers.js";
import { matchesIn, type QuoteVocab, quoteVocab } from "./quotes-vocab.js";

/**
 * Reported speech: direct quotes in the language's quotation marks or after dialogue dashes,
 * partial quotes inside a sentence, indirect speech after a reporting verb and a complementiser
 * ("ha dichiarato che") or with a trailing attribution ("…, he said."), each with its speaker
 * (resolved in the sentence, else through a pronoun or a dropped subject to the previous
 * sentence), the reporting verb and the source that relayed it ("secondo i media di stato russi").
 */

/** Confidence factors: a speaker found only in the previous sentence is less sure. */
const PREVIOUS_SENTENCE = 0.7;
/** From a cue to an inverted subject: at most two words ("said Li", "dijo el ministro Lavrov"). */
const INVERTED_GAP = /^\s*(?:[\p{L}'’.-]+\s+){0,2}$/u;

interface Context {
  readonly doc: Document;
  readonly vocab: QuoteVocab;
  readonly mentions: readonly Mention[];
  readonly quoted: Quoted[];
  readonly sentences: readonly Span[];
}

type Cue = Span & { readonly text: string };

const inside = (s: Span, outer: Span) => s.start >= outer.start && s.end <= outer.end;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

function inQuote(ctx: Context, s: Span): boolean {
  return ctx.quoted.some((q) => overlaps(q.outer, s));
}

/** Via phrases of a sentence with the source they name: "secondo [i media di stato russi]". */
function viaPhrases(ctx: Context, sentence: Span): Array<{ phrase: Span; source: Span }> {
  const { text } = ctx.doc;
  const out: Array<{ phrase: Span; source: Span }> = [];
  for (const v of matchesIn(ctx.vocab.via, text, sentence.start, sentence.end)) {
    if (inQuote(ctx, v)) continue;
    // "il secondo ufficiale" is an ordinal, not "secondo i media".
    const previous = /([\p{L}'’]+)\s*$/u.exec(text.slice(Math.max(0, v.start - 20), v.start))?.[1];
    if (previous && ctx.vocab.functionWords.get(phraseKey(previous)) === "det") continue;
    const rest = text.slice(v.end, sentence.end);
    const stop = rest.search(/[,;:.!?«»“”„"()]|\s[—–]\s/u);
    const source = trim(text, { start: v.end, end: v.end + (stop < 0 ? rest.length : stop) });
    if (source.end > source.start) out.push({ phrase: { start: v.start, end: source.end }, source });
  }
  for (const v of matchesIn(ctx.vocab.viaAfter, text, sentence.start, sentence.end)) {
    const before = text.slice(sentence.start, v.start);
    const from = Math.max(before.search(/[^,;:]*$/u), 0);
    // "wie chinesische Staatsmedien berichteten": the source starts after its leading function words.
    let skip = 0;
    for (const w of before.slice(from).matchAll(/\s*([\p{L}'’]+)/gu)) {
      if (!ctx.vocab.functionWords.has(phraseKey(w[1] as string))) break;
      skip = (w.index ?? 0) + w[0].length;
    }
    const source = trim(text, { start: sentence.start + from + skip, end: v.start });
    if (source.end > source.start && !inQuote(ctx, v))
      out.push({ phrase: { start: source.start, end: v.end }, source });
  }
  return out;
}

function trim(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/u.test(text[start] as string)) start++;
  while (end > start && /\s/u.test(text[end - 1] as string)) end--;
  return { start, end };
}

/**
 * A relaying source as an attribution: the entity it names when one covers it (a news agency,
 * "state media" linked by the entity stage), else the words the article uses.
 */
function sourceAttribution(ctx: Context, source: Span): Attribution {
  const named = ctx.mentions.find((m) => inside(m, source) && m.kind === "other");
  if (named?.kbId) return { ...attribution(named), start: source.start, end: source.end };
  const text = ctx.doc.text.slice(source.start, source.end);
  return { start: source.start, end: source.end, name: text, confidence: 0.6 };
}

/** Whether a relayed source is a medium or a record rather than a person who spoke. */
function isMedium(ctx: Context, source: Span): boolean {
  const text = ctx.doc.text;
  if (matchesIn(ctx.vocab.sources, text, source.start, source.end).length > 0) return true;
  return !ctx.mentions.some((m) => inside(m, source) && m.kind === "person");
}

function sentenceIndex(ctx: Context, at: number): number {
  let lo = 0;
  let hi = ctx.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((ctx.sentences[mid] as Span).start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The sentences a span touches, merged into one stretch. */
function sentenceAround(ctx: Context, s: Span): { span: Span; index: number } {
  if (ctx.sentences.length === 0) return { span: { start: 0, end: ctx.doc.text.length }, index: 0 };
  const first = sentenceIndex(ctx, s.start);
  const last = sentenceIndex(ctx, Math.max(s.start, s.end - 1));
  const a = ctx.sentences[first] as Span;
  const b = ctx.sentences[last] as Span;
  return { span: { start: Math.min(a.start, s.start), end: Math.max(b.end, s.end) }, index: first };
}

/** Mentions that may be a speaker in a stretch: not inside a quote, not inside a via phrase. */
function freeMentions(ctx: Context, span: Span, vias: ReadonlyArray<{ phrase: Span }>): Mention[] {
  return ctx.mentions.filter(
    (m) => inside(m, span) && !inQuote(ctx, m) && !vias.some((v) => overlaps(v.phrase, m)),
  );
}

/** The subject of the sentence before, for "he said" and for a dropped subject ("ha dichiarato"). */
function previousSubject(ctx: Context, index: number): Attribution | null {
  const previous = ctx.sentences[index - 1];
  if (!previous) return null;
  const vias = viaPhrases(ctx, previous);
  const subject = subjectIn(ctx.doc.text, freeMentions(ctx, previous, vias), previous, ctx.vocab);
  return subject ? attribution(subject, PREVIOUS_SENTENCE) : null;
}

function speakerFor(
  ctx: Context,
  words: Span,
  sentence: { span: Span; index: number },
  cue: Cue | null,
  vias: ReadonlyArray<{ phrase: Span; source: Span }>,
): Attribution | null {
  const { text } = ctx.doc;
  const free = freeMentions(ctx, sentence.span, vias).filter((m) => !overlaps(m, words));
  for (const v of vias) {
    // "según el ministro Lavrov": a person after a via phrase is the speaker.
    if (!isMedium(ctx, v.source)) {
      const person = ctx.mentions.find((m) => inside(m, v.source) && m.kind === "person");
      if (person) return attribution(person);
    }
  }
  if (cue) {
    // "he told CNN", "sagte er dem Sender": a pronoun subject makes what follows an object, not the speaker.
    const pronounSubject =
      isPronoun(ctx, wordBefore(text, cue.start)) || isPronoun(ctx, wordAfter(text, cue.end));
    const after = pronounSubject
      ? undefined
      : free.find((m) => m.start >= cue.end && invertedGap(ctx, text.slice(cue.end, m.start)));
    const before = free.filter((m) => m.end <= cue.start && !isPrepositional(text, m, ctx.vocab, free)).pop();
    const pick =
      after && before ? (after.start - cue.end < cue.start - before.end ? after : before) : (after ?? before);
    if (
      pick &&
      !(pick === before && pronounNear(text, cue, ctx.vocab) && hasPronounAfter(ctx, before, cue))
    ) {
      return attribution(pick);
    }
    if (pronounNear(text, cue, ctx.vocab)) {
      const earlier = free.filter(
        (m) => m.end <= words.start && maybePerson(m) && !isPrepositional(text, m, ctx.vocab, free),
      );
      const last = earlier.pop();
      if (last) return attribution(last, PREVIOUS_SENTENCE);
      return previousSubject(ctx, sentence.index);
    }
    return describedSpeaker(text, cue, words, ctx.vocab) ?? previousSubject(ctx, sentence.index);
  }
  const subject = subjectIn(text, free, sentence.span, ctx.vocab);
  return subject ? attribution(subject) : previousSubject(ctx, sentence.index);
}

const wordBefore = (text: string, at: number) =>
  /([\p{L}'’]+)[\s,]*$/u.exec(text.slice(Math.max(0, at - 30), at))?.[1];
const wordAfter = (text: string, at: number) => /^[\s,]*([\p{L}'’]+)/u.exec(text.slice(at, at + 30))?.[1];

function isPronoun(ctx: Context, word: string | undefined): boolean {
  return word !== undefined && ctx.vocab.functionWords.get(phraseKey(word)) === "pron";
}

/** The words between a cue and an inverted subject: few, and no preposition ("said on Telegram"). */
function invertedGap(ctx: Context, gap: string): boolean {
  if (!INVERTED_GAP.test(gap)) return false;
  return !(gap.match(/[\p{L}'’]+/gu) ?? []).some((w) => ctx.vocab.functionWords.get(phraseKey(w)) === "prep");
}

/** "Li said Putin…": a pronoun between a name and the cue means the name is not the speaker. */
function hasPronounAfter(ctx: Context, m: Mention, cue: Cue): boolean {
  const between = ctx.doc.text.slice(m.end, cue.start).match(/[\p{L}'’]+/gu) ?? [];
  return between.some((w) => ctx.vocab.functionWords.get(phraseKey(w)) === "pron");
}

/** The reporting verb nearest to some words, in their sentence and outside every quote. */
function cueFor(
  ctx: Context,
  words: Span,
  sentence: Span,
  vias: ReadonlyArray<{ phrase: Span }>,
): Cue | null {
  const cues = matchesIn(ctx.vocab.cue, ctx.doc.text, sentence.start, sentence.end).filter(
    (c) => !inQuote(ctx, c) && !overlaps(c, words) && !vias.some((v) => overlaps(v.phrase, c)),
  );
  const distance = (c: Span) => (c.start >= words.end ? c.start - words.end : words.start - c.end);
  return cues.sort((a, b) => distance(a) - distance(b))[0] ?? null;
}

function quoteValue(
  ctx: Context,
  words: Span,
  kind: QuoteValue["kind"],
  sentence: { span: Span; index: number },
  cue: Cue | null,
): Annotation<QuoteValue> {
  const vias = viaPhrases(ctx, sentence.span);
  const medium = vias.find((v) => isMedium(ctx, v.source));
  return {
    start: words.start,
    end: words.end,
    kind,
    speaker: speakerFor(ctx, words, sentence, cue, vias),
    cue: cue ? { start: cue.start, end: cue.end, verb: cue.text } : null,
    via: medium ? sourceAttribution(ctx, medium.source) : null,
  };
}

/** A quote is direct when it stands as an utterance: at the start of a sentence, after a colon or a dash, or ending its own sentence. */
function isDirect(ctx: Context, q: Quoted, sentence: Span): boolean {
  if (q.dash) return true;
  const { text } = ctx.doc;
  const before = text.slice(sentence.start, q.outer.start).trim();
  const words = text.slice(q.inner.start, q.inner.end);
  return before === "" || /[:—–]$/u.test(before) || (/[.!?…]$/u.test(words) && /^\p{Lu}/u.test(words));
}

/**
 * A dialogue line that runs on into its attribution ("— Nous avons tout fait, a dit Tusk."): the
 * quote ends at the last comma before a reporting verb.
 */
function withoutAttribution(ctx: Context, q: Quoted): Quoted {
  if (!q.dash) return q;
  const { text } = ctx.doc;
  const cue = matchesIn(ctx.vocab.cue, text, q.inner.start, q.inner.end).pop();
  const comma = cue ? text.lastIndexOf(",", cue.start) : -1;
  if (!cue || comma <= q.inner.start || !/^[\s\p{L}'’-]*$/u.test(text.slice(comma + 1, cue.start))) return q;
  const inner = trim(text, { start: q.inner.start, end: comma });
  return { ...q, outer: { start: q.outer.start, end: comma }, inner };
}

function directQuotes(ctx: Context): Annotation<QuoteValue>[] {
  return ctx.quoted.map((q) => {
    const sentence = sentenceAround(ctx, q.outer);
    const vias = viaPhrases(ctx, sentence.span);
    const cue = cueFor(ctx, q.outer, sentence.span, vias);
    return quoteValue(ctx, q.inner, isDirect(ctx, q, sentence.span) ? "direct" : "partial", sentence, cue);
  });
}

/** Reported clauses: "CUE that CLAUSE", and sentences closed by ", he said." without quote marks. */
function indirectQuotes(ctx: Context): Annotation<QuoteValue>[] {
  const { text } = ctx.doc;
  const out: Annotation<QuoteValue>[] = [];
  ctx.sentences.forEach((s, index) => {
    const sentence = { span: s, index };
    const vias = viaPhrases(ctx, s);
    const end = clauseEnd(text, s, vias);
    for (const cue of matchesIn(ctx.vocab.cue, text, s.start, s.end)) {
      if (inQuote(ctx, cue) || vias.some((v) => overlaps(v.phrase, cue))) continue;
      const rest = text.slice(cue.end, end);
      const that = ctx.vocab.thatAfterCue.exec(rest);
      const words = that
        ? trim(text, { start: cue.end + that[0].length, end })
        : reportedClause(ctx, cue, s, end);
      // "ha indicato che «…»": the quotation itself carries the words.
      const quoted =
        words && ctx.quoted.some((q) => q.outer.start <= words.start && q.outer.end >= words.end - 1);
      if (words && words.end > words.start && !quoted)
        out.push(quoteValue(ctx, words, "indirect", sentence, cue));
    }
    const tail = /,\s*([^,]{1,60})[.!]?\s*$/u.exec(text.slice(s.start, s.end));
    if (tail && !ctx.quoted.some((q) => overlaps(q.outer, s))) {
      const tailStart = s.start + (tail.index ?? 0);
      const cue = matchesIn(ctx.vocab.cue, text, tailStart, s.end).find(
        (c) => !vias.some((v) => overlaps(v.phrase, c)),
      );
      const words = trim(text, { start: s.start, end: tailStart });
      if (cue && (tail[1]?.split(/\s+/).length ?? 99) <= 6 && words.end > words.start) {
        out.push(quoteValue(ctx, words, "indirect", sentence, cue));
      }
    }
  });
  return out;
}

/**
 * A reported clause without a complementiser ("Sanchez said the government would…", "sagte, die
 * Regierung werde…"): the rest of the sentence after the cue, when the language allows it, the
 * sentence holds no quotation, the rest is long enough to be a clause and someone stands before
 * the cue to have said it.
 */
function reportedClause(ctx: Context, cue: Cue, sentence: Span, end: number): Span | undefined {
  const { text } = ctx.doc;
  // A sentence with a quotation gives its words there; what follows its cue is the setting.
  if (!ctx.vocab.bareClause || ctx.quoted.some((q) => overlaps(q.outer, sentence))) return undefined;
  const lead = /^\s*,?/u.exec(text.slice(cue.end))?.[0] ?? "";
  const words = trim(text, { start: cue.end + lead.length, end });
  const content = text.slice(words.start, words.end);
  if ((content.match(/[\p{L}\p{N}]+/gu) ?? []).length < 4 || /[«»“”„"]/u.test(content)) return undefined;
  // "said on Monday" is no clause; after a comma ("meldete, in der Nacht seien…") it may be.
  const first = /^[\p{L}'’]+/u.exec(content)?.[0];
  if (!first || (!lead.includes(",") && ctx.vocab.functionWords.get(phraseKey(first)) === "prep"))
    return undefined;
  const subject =
    ctx.mentions.some((m) => m.start >= sentence.start && m.end <= cue.start) ||
    describedSpeaker(text, cue, words, ctx.vocab) !== undefined;
  return subject ? words : undefined;
}

/** Where a reported clause ends: before a trailing via phrase and the final punctuation. */
function clauseEnd(text: string, s: Span, vias: ReadonlyArray<{ phrase: Span }>): number {
  let end = s.end;
  for (const v of vias)
    if (v.phrase.end >= end - 2 && v.phrase.start > s.start) end = Math.min(end, v.phrase.start);
  while (end > s.start && /[\s,.;:!?]/u.test(text[end - 1] as string)) end--;
  return end;
}

export function findQuotes(
  doc: Document,
  vocab: QuoteVocab = quoteVocab(undefined),
): Annotation<QuoteValue>[] {
  const ctx: Context = {
    doc,
    vocab,
    mentions: mentionsOf(doc, vocab),
    quoted: [],
    sentences: doc.layer("sentences"),
  };
  ctx.quoted.push(...findQuoted(doc.text, vocab.pairs).map((q) => withoutAttribution(ctx, q)));
  return [...directQuotes(ctx), ...indirectQuotes(ctx)].sort((a, b) => a.start - b.start || b.end - a.end);
}

export const quotesStage: Stage = {
  name: "quotes",
  reads: ["sentences"],
  writes: ["quotes"],
  run(doc, resources) {
    return doc.withLayer("quotes", findQuotes(doc, quoteVocab(resources.packs.get(doc.lang))));
  },
};
