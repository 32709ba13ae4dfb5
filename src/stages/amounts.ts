import type { AmountValue, EntityValue } from "../document/layers.js";
import type { Stage } from "../document/pipeline.js";
import type { Annotation, Span } from "../document/span.js";
import type { LangPack } from "../lang/packs.js";
import { type AmountVocab, amountVocab, lookup } from "./amounts-vocab.js";
import { phraseKey } from "./phrases.js";

/**
 * Money, percentages, measures, counts with their noun and ordinals that name something
 * ("29th meeting"), with locale-aware numbers and scale words: "$240 miliardi" is 240000000000
 * USD, "più del 25%" is 25 % with modifier ">". Numbers inside time expressions are not amounts.
 */

type Groups = Record<string, [number, number] | undefined>;
type Match = RegExpExecArray & { indices?: RegExpIndicesArray & { groups?: Groups } };

interface Word extends Span {
  readonly text: string;
}

const WORD = /[\p{L}][\p{L}'’-]*/uy;

/** The word starting after spaces at `from`, if any. */
function wordAt(text: string, from: number): Word | undefined {
  let i = from;
  while (i < text.length && /[ \t\u00a0]/.test(text[i] as string)) i++;
  WORD.lastIndex = i;
  const m = WORD.exec(text);
  return m ? { start: i, end: i + m[0].length, text: m[0] } : undefined;
}

function isContentWord(v: AmountVocab, w: Word | undefined): w is Word {
  if (!w) return false;
  const key = phraseKey(w.text);
  return (
    !v.functionWords.has(key) && !v.numbers.parseWords(w.text) && !v.units.has(key) && !v.currencies.has(key)
  );
}

/**
 * The counted noun: a phrase the pack lists starting at the next word ("carri armati") or at the
 * one after ("300 Ukrainian soldiers"), else the next content word as written.
 */
function countedNoun(v: AmountVocab, text: string, from: number): Word | undefined {
  const first = wordAt(text, from);
  if (!isContentWord(v, first)) return undefined;
  const second = wordAt(text, first.end);
  for (const start of isContentWord(v, second) ? [first, second] : [first]) {
    let phrase: Word | undefined = start;
    for (let n = 0; phrase && n < 3; n++) {
      if (v.nouns.has(phraseKey(text.slice(start.start, phrase.end)))) {
        return { start: start.start, end: phrase.end, text: text.slice(start.start, phrase.end) };
      }
      phrase = wordAt(text, phrase.end);
    }
  }
  return first;
}

/**
 * The noun an amount of money or a share refers to, when determiners make it plain: "a 25%
 * increase" (determiner, amount, noun) or "il target di $240 miliardi" (determiner, noun, "di").
 */
function quantifiedNoun(v: AmountVocab, text: string, span: Span): Word | undefined {
  const from = Math.max(0, span.start - 60);
  const kind = (w: string | undefined) => (w === undefined ? undefined : v.functionWords.get(phraseKey(w)));
  const before = text.slice(from, span.start);
  const previous = /([\p{L}]+['’]?)\s*$/u.exec(before)?.[1];
  const after = wordAt(text, span.end);
  if (kind(previous) === "det" && isContentWord(v, after)) return after;
  const m = /(?:([\p{L}]+)\s+|([\p{L}]+['’]))([\p{L}]+)\s+([\p{L}]+['’]?)\s*$/du.exec(before);
  const nounAt = m?.indices?.[3];
  if (!m || !nounAt) return undefined;
  const det = m[1] ?? m[2];
  if (kind(det) !== "det" || kind(m[4]) !== "prep" || kind(m[3])) return undefined;
  return { start: from + nounAt[0], end: from + nounAt[1], text: m[3] as string };
}

function overlapsAny(spans: readonly Span[], s: Span): boolean {
  return spans.some((b) => s.start < b.end && b.start < s.end);
}

function entityAt(entities: readonly Annotation<Partial<EntityValue>>[], w: Span) {
  return entities.find((e) => e.start <= w.start && w.end <= e.end);
}

/** Reads the number of a match: digits with the locale's separators, or number words. */
function numberOf(
  v: AmountVocab,
  raw: string,
): { value: number; uncertain: boolean; words: boolean } | undefined {
  if (/^\d/.test(raw)) {
    const d = v.numbers.parseDigits(raw);
    return d && { ...d, words: false };
  }
  const w = v.numbers.parseWords(raw);
  return w && w.length === raw.length ? { value: w.value, uncertain: false, words: true } : undefined;
}

export function findAmounts(
  pack: LangPack | undefined,
  text: string,
  blocked: readonly Span[] = [],
  entities: readonly Annotation<Partial<EntityValue>>[] = [],
): Annotation<AmountValue>[] {
  const v = amountVocab(pack);
  const re = v.re;
  re.lastIndex = 0;
  const out: Annotation<AmountValue>[] = [];
  for (let m = re.exec(text) as Match | null; m; m = re.exec(text) as Match | null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const g = m.groups ?? {};
    const at = m.indices?.groups ?? {};
    const numSpan = at.num;
    if (!numSpan || !g.num || overlapsAny(blocked, { start: numSpan[0], end: numSpan[1] })) {
      // Start again just after the number's first character so a later number is not swallowed.
      if (numSpan) re.lastIndex = numSpan[0] + 1;
      continue;
    }
    const parsed = numberOf(v, g.num);
    if (!parsed) continue;
    const currency = lookup(v.currencies, g.cur1) ?? lookup(v.currencies, g.cur2);
    const scale = lookup(v.scales, g.scale);
    const unit = lookup(v.units, g.unit);
    let end = m.index + m[0].length;
    if (scale?.moneyOnly && !currency) continue;
    const modifier = lookup(v.before, g.mod) ?? lookup(v.after, g.post);
    const value = Number((parsed.value * (scale?.factor ?? 1)).toPrecision(15));
    const start = m.index;
    let kind: AmountValue["kind"];
    let unitName: string;
    let noun: Word | undefined;
    if (currency) {
      kind = "money";
      unitName = currency;
      noun = quantifiedNoun(v, text, { start, end });
    } else if (unit) {
      kind = unit === "%" || unit === "pp" ? "percent" : "measure";
      unitName = unit;
      noun = quantifiedNoun(v, text, { start, end });
    } else {
      const numEnd = (at.scale ?? at.ord ?? numSpan)[1];
      // "Article 5", "Resolution 2231": digits after a capitalised word name something, they do not count.
      const previous = /(\p{Lu}[\p{L}.]*)\s+$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1];
      if (previous && !parsed.words && !v.functionWords.has(phraseKey(previous))) continue;
      noun = countedNoun(v, text, numEnd);
      // A suffix that is only punctuation ("29." in German) makes an ordinal only before a known noun.
      if (g.ord && /^\P{L}+$/u.test(g.ord) && !(noun && v.nouns.has(phraseKey(noun.text)))) continue;
      if (!noun || (parsed.words && parsed.value === 1 && !scale)) continue;
      kind = g.ord ? "ordinal" : "count";
      unitName = lookup(v.nouns, noun.text) ?? noun.text;
      end = noun.end;
    }
    const entity = noun ? entityAt(entities, noun) : undefined;
    const quantifies = noun && {
      start: noun.start,
      end: noun.end,
      name: entity?.name || noun.text,
      ...(entity?.kbId ? { kbId: entity.kbId } : {}),
    };
    out.push({
      start,
      end,
      kind,
      value,
      unit: unitName,
      ...(modifier ? { modifier } : {}),
      ...(quantifies ? { quantifies } : {}),
      uncertain: parsed.uncertain,
    });
    re.lastIndex = end;
  }
  return out;
}

export const amountsStage: Stage = {
  name: "amounts",
  reads: ["times"],
  writes: ["amounts"],
  run(doc, resources) {
    const pack = resources.packs.get(doc.lang);
    return doc.withLayer("amounts", findAmounts(pack, doc.text, doc.layer("times"), doc.layer("entities")));
  },
};
