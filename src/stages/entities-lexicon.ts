import { fold, nameKey } from "../kb/normalize.js";
import type { LangPack } from "../lang/packs.js";

/** Word sequences (folded) → values, matched longest first at a position of a word list. */
export class PhraseTable<T> {
  private readonly byKey = new Map<string, T>();
  private readonly longest = new Map<string, number>();

  add(phrase: string, value: T): void {
    const key = nameKey(phrase);
    if (!key || this.byKey.has(key)) return;
    this.byKey.set(key, value);
    const words = key.split(" ");
    const first = words[0] as string;
    if ((this.longest.get(first) ?? 0) < words.length) this.longest.set(first, words.length);
  }

  /** The longest phrase starting at `keys[i]` using at most `limit` words. */
  match(keys: readonly string[], i: number, limit: number): { words: number; value: T } | undefined {
    const max = Math.min(this.longest.get(keys[i] ?? "") ?? 0, limit);
    for (let n = max; n >= 1; n--) {
      const value = this.byKey.get(keys.slice(i, i + n).join(" "));
      if (value !== undefined) return { words: n, value };
    }
    return undefined;
  }
}

export interface Title {
  readonly types: readonly string[];
  /** Set when the title itself names the country ("Kremlin spokesman"). */
  readonly country: string;
}

export interface LinkingWords {
  articles: string[];
  of: string[];
  and: string[];
  locative: string[];
  regionWords: string[];
  honorifics: string[];
  possessive: string[];
  stopwords: string[];
  orgWords: string[];
  /** Words that make the next name a place ("the town of Sudzha", "Stadt Sudscha"). */
  placeWords: string[];
  /** Words of names of events and documents ("Summit", "Declaration", "Guerra"): such runs are no entity. */
  miscWords: string[];
  /** Endings of adjectives of peoples and creeds, capitalised in this language ("Macedonian", "Islamic"). */
  adjectiveEndings?: string[];
  /** German-style genitive ending on country names ("Russlands", "Brasiliens"). */
  genitive?: string;
  /** Every noun is capitalised, so a lone capitalised word is no name candidate. */
  capitalisedNouns?: boolean;
}

/** What the linking stage needs from one language pack, built once per pack. */
export interface Lexicon {
  readonly titles: PhraseTable<Title>;
  readonly bodies: PhraseTable<string>;
  /** Demonym forms → country code (ISO alpha-3) or CAMEO group code (WST, EUR). */
  readonly demonyms: PhraseTable<string>;
  readonly words: Readonly<
    Record<
      keyof Omit<LinkingWords, "genitive" | "capitalisedNouns" | "adjectiveEndings">,
      ReadonlySet<string>
    >
  >;
  readonly genitive: string;
  readonly capitalisedNouns: boolean;
  readonly adjectiveEndings: readonly string[];
}

const EMPTY_WORDS: LinkingWords = {
  articles: [],
  of: [],
  and: [],
  locative: [],
  regionWords: [],
  honorifics: [],
  possessive: [],
  stopwords: [],
  orgWords: [],
  placeWords: [],
  miscWords: [],
};

/** Inflects a demonym lemma with the longest matching ending rule ("russo" → russo, russa, russi, russe). */
export function inflect(lemma: string, rules: readonly (readonly string[])[]): string[] {
  let best: readonly string[] | undefined;
  for (const rule of rules) {
    const ending = rule[0] ?? "";
    if (ending && lemma.endsWith(ending) && ending.length > (best?.[0]?.length ?? 0)) best = rule;
  }
  if (!best) return [lemma];
  const stem = lemma.slice(0, lemma.length - (best[0]?.length ?? 0));
  return (best[1] ?? "").split("|").map((form) => stem + form);
}

const cache = new WeakMap<LangPack, Lexicon>();

export function lexiconOf(pack: LangPack | undefined): Lexicon {
  const cached = pack && cache.get(pack);
  if (cached) return cached;
  const titles = new PhraseTable<Title>();
  const bodies = new PhraseTable<string>();
  const demonyms = new PhraseTable<string>();
  const words = { ...EMPTY_WORDS, ...(pack?.json<Partial<LinkingWords>>("linking.json", {}) ?? {}) };
  if (pack) {
    for (const [form, types, country] of pack.table("titles.tsv")) {
      if (form && types) titles.add(form, { types: types.split("|"), country: country ?? "" });
    }
    for (const [form, type] of pack.table("bodies.tsv")) if (form && type) bodies.add(form, type);
    const rules = pack.table("demonym-rules.tsv");
    for (const [code, lemma, extra] of pack.table("demonyms.tsv")) {
      if (!code || !lemma) continue;
      for (const form of [...inflect(lemma, rules), ...(extra ? extra.split("|") : [])])
        demonyms.add(form, code);
    }
  }
  const set = (list: readonly string[]) => new Set(list.map((w) => fold(w).replace(/\.$/, "")));
  const lexicon: Lexicon = {
    titles,
    bodies,
    demonyms,
    words: {
      articles: set(words.articles),
      of: set(words.of),
      and: set(words.and),
      locative: set(words.locative),
      regionWords: set(words.regionWords),
      honorifics: set(words.honorifics),
      possessive: set(words.possessive),
      stopwords: set(words.stopwords),
      orgWords: set(words.orgWords),
      placeWords: set(words.placeWords),
      miscWords: set(words.miscWords),
    },
    genitive: words.genitive ?? "",
    capitalisedNouns: words.capitalisedNouns ?? false,
    adjectiveEndings: (words.adjectiveEndings ?? []).map(fold),
  };
  if (pack) cache.set(pack, lexicon);
  return lexicon;
}
