import type { AliasEntry, CaseRule } from "../kb/alias-index.js";
import type { KnowledgeBase } from "../kb/kb.js";
import { fold, isCapitalised, isUpper, WORD_RE } from "../kb/normalize.js";
import type { Lexicon, Title } from "./entities-lexicon.js";

/** A run of letters or digits: the unit names are matched on. */
export interface Unit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly key: string;
  readonly sentence: number;
  /** First unit of its sentence. */
  readonly initial: boolean;
  /** The characters between the previous unit and this one. */
  readonly gap: string;
}

/** Longest name tried, in units: bounds the work per word ("Organisation for Security and Co-operation in Europe"). */
const MAX_NAME_WORDS = 10;

/** Only spaces, hyphens, apostrophes and dots may sit inside a name ("U.S.", "Sud-Coreen", "dell'Ucraina"). */
const JOIN_GAP = /^[ \u00a0\-‐‑'’.]{1,3}$/;

export function units(text: string, sentences: readonly { start: number; end: number }[]): Unit[] {
  const spans = sentences.length ? sentences : [{ start: 0, end: text.length }];
  const out: Unit[] = [];
  spans.forEach((s, sentence) => {
    let prevEnd = s.start;
    let first = true;
    for (const m of text.slice(s.start, s.end).matchAll(WORD_RE)) {
      const start = s.start + (m.index ?? 0);
      const word = m[0];
      out.push({
        start,
        end: start + word.length,
        text: word,
        key: fold(word),
        sentence,
        initial: first,
        gap: text.slice(prevEnd, start),
      });
      prevEnd = start + word.length;
      first = false;
    }
  });
  return out;
}

export type Item =
  | { readonly kind: "kb"; readonly i: number; readonly n: number; readonly entries: readonly AliasEntry[] }
  | { readonly kind: "title"; readonly i: number; readonly n: number; readonly title: Title }
  | { readonly kind: "body"; readonly i: number; readonly n: number; readonly body: string }
  | { readonly kind: "demonym"; readonly i: number; readonly n: number; readonly code: string }
  | { readonly kind: "cap"; readonly i: number; readonly n: number }
  | { readonly kind: "word"; readonly i: number; readonly n: number };

function caseFits(rule: CaseRule, first: Unit): boolean {
  if (rule === "any") return true;
  if (rule === "upper") return isUpper(first.text);
  return isCapitalised(first.text);
}

/**
 * Splits the units into items, longest match first: KB names, titles, government bodies and
 * demonyms; capitalised runs nothing matched become candidates for unknown names.
 */
export function scan(us: readonly Unit[], kb: KnowledgeBase | undefined, lex: Lexicon, lang: string): Item[] {
  const keys = us.map((u) => u.key);
  const items: Item[] = [];
  let i = 0;
  while (i < us.length) {
    const u = us[i] as Unit;
    // How many units from i may form one name: same sentence, joined by name-internal gaps only.
    let limit = 1;
    while (i + limit < us.length && limit < MAX_NAME_WORDS) {
      const next = us[i + limit] as Unit;
      if (next.sentence !== u.sentence || !JOIN_GAP.test(next.gap)) break;
      limit++;
    }
    const found = longestKb(us, keys, i, limit, kb, lang, lex);
    // A sentence's first word that is a function word ("In", "Date") is not a one-word name.
    const best =
      found && !(found.n === 1 && (lex.words.stopwords.has(u.key) || lex.words.honorifics.has(u.key)))
        ? found
        : undefined;
    const title = lex.titles.match(keys, i, limit);
    const body = lex.bodies.match(keys, i, limit);
    const demonym = lex.demonyms.match(keys, i, limit);
    const lexical = [
      title && ({ kind: "title", i, n: title.words, title: title.value } as const),
      body && ({ kind: "body", i, n: body.words, body: body.value } as const),
      demonym && ({ kind: "demonym", i, n: demonym.words, code: demonym.value } as const),
    ].filter((x) => x !== undefined);
    const longestLexical = lexical.sort((a, b) => b.n - a.n)[0];
    // A lone family name or town name followed by more capitalised words is part of a longer unknown
    // name ("Alexander Bortnikov", "Pino Daniele", "Washington Post").
    if (
      best?.n === 1 &&
      !longestLexical &&
      limit > 1 &&
      onlyPartial(best, kb) &&
      isNameStart(us[i + 1] as Unit, lex)
    ) {
      let n = 1;
      while (n < limit && isNameStart(us[i + n] as Unit, lex)) {
        if (startsKnownName(longestKb(us, keys, i + n, limit - n, kb, lang, lex), kb)) break;
        n++;
      }
      if (n > 1) {
        items.push({ kind: "cap", i, n });
        i += n;
        continue;
      }
    }
    let item: Item;
    if (
      best &&
      (!longestLexical ||
        best.n > longestLexical.n ||
        (best.n === longestLexical.n && namesCountry(best, kb, u)))
    )
      item = best;
    else if (longestLexical) item = longestLexical;
    else if (isNameStart(u, lex)) {
      let n = 1;
      while (n < limit && isCapitalised((us[i + n] as Unit).text) && !/^\d/.test((us[i + n] as Unit).text)) {
        if (startsKnownName(longestKb(us, keys, i + n, limit - n, kb, lang, lex), kb)) break;
        n++;
      }
      item = u.initial && n === 1 ? { kind: "word", i, n: 1 } : { kind: "cap", i, n };
    } else item = { kind: "word", i, n: 1 };
    items.push(item);
    i += item.n;
  }
  return items;
}

function isNameStart(u: Unit, lex: Lexicon): boolean {
  return (
    // Scripts without case (Arabic) give no capitalisation signal at all.
    u.text !== u.text.toLowerCase() &&
    isCapitalised(u.text) &&
    !/^\d/.test(u.text) &&
    !lex.words.stopwords.has(u.key) &&
    !lex.words.honorifics.has(u.key) &&
    !lex.words.placeWords.has(u.key) &&
    u.text.length > 1
  );
}

/** A capitalised word that is also a country's name ("Ucraina", not the adjective "ucraina"). */
function namesCountry(item: Item, kb: KnowledgeBase | undefined, first: Unit): boolean {
  return (
    item.kind === "kb" &&
    isCapitalised(first.text) &&
    item.entries.some((e) => kb?.entity(e.id)?.type === "country")
  );
}

/** Family names alone and town or province names: readings a longer capitalised run overrides. */
function onlyPartial(item: Item, kb: KnowledgeBase | undefined): boolean {
  return (
    item.kind === "kb" &&
    item.entries.every(
      (e) => e.kind === "surname" || ["place", "region"].includes(kb?.entity(e.id)?.type ?? ""),
    )
  );
}

/** A run of capitalised words stops where a full KB name starts ("… Vladimir Putin"), not at a family name. */
function startsKnownName(item: Item | undefined, kb: KnowledgeBase | undefined): boolean {
  if (item?.kind !== "kb") return false;
  return (
    item.n > 1 ||
    item.entries.some(
      (e) => e.kind !== "surname" && !["place", "region"].includes(kb?.entity(e.id)?.type ?? ""),
    )
  );
}

function longestKb(
  us: readonly Unit[],
  keys: readonly string[],
  i: number,
  limit: number,
  kb: KnowledgeBase | undefined,
  lang: string,
  lex: Lexicon,
): Item | undefined {
  if (!kb) return undefined;
  const first = us[i] as Unit;
  const ending = lex.genitive;
  // Where the first word itself carries the genitive ending ("Russlands"), names start with the bare word.
  const bare = ending && (keys[i] ?? "").endsWith(ending) ? (keys[i] ?? "").slice(0, -ending.length) : "";
  const max = Math.min(Math.max(kb.index.maxWords(keys[i] ?? ""), bare ? 1 : 0), limit);
  for (let n = max; n >= 1; n--) {
    const words = keys.slice(i, i + n);
    const entries = kb.index
      .lookup(words.join(" "))
      .filter((e) => caseFits(e.caseRule, first) && languageFits(e, kb, lang, n));
    if (entries.length) return { kind: "kb", i, n, entries };
    // A genitive ending on the last word of a name ("Russlands", "Wladimir Putins"), for countries, places and people.
    const last = words[n - 1] ?? "";
    if (!ending || last.length <= ending.length + 2 || !last.endsWith(ending) || !isCapitalised(first.text))
      continue;
    words[n - 1] = last.slice(0, -ending.length);
    const genitive = kb.index
      .lookup(words.join(" "))
      .filter(
        (e) => e.kind !== "acronym" && ["country", "place", "person"].includes(kb.entity(e.id)?.type ?? ""),
      );
    if (genitive.length) return { kind: "kb", i, n, entries: genitive };
  }
  return undefined;
}

/**
 * A one-word name of a place or organisation from another language is too often a common word
 * here ("Come", "Bra"); people's names and longer names travel across languages.
 */
function languageFits(e: AliasEntry, kb: KnowledgeBase, lang: string, words: number): boolean {
  if (e.lang === "*" || e.lang === lang || words > 1 || lang === "und" || e.kind === "acronym") return true;
  return kb.entity(e.id)?.type === "person";
}
