import type { AmountValue } from "../document/layers.js";
import type { LangPack } from "../lang/packs.js";
import { type FunctionKind, functionWords } from "./function-words.js";
import { type NumberReader, numberReader } from "./numbers.js";
import { alternation, perPack, phraseKey, phraseMap } from "./phrases.js";

export type Modifier = NonNullable<AmountValue["modifier"]>;
const MODIFIERS = new Set<string>([">", "<", "~", "≥", "≤"]);

/**
 * The amount vocabulary of a language: `scale-words.tsv`, `currencies.tsv`, `amount-units.tsv`,
 * `count-nouns.tsv`, `modifiers.tsv`, `ordinal-suffixes.txt` and the function words that tell a
 * counted noun from a grammatical word.
 */
export interface AmountVocab {
  readonly numbers: NumberReader;
  readonly functionWords: ReadonlyMap<string, FunctionKind>;
  readonly scales: ReadonlyMap<string, { readonly factor: number; readonly moneyOnly: boolean }>;
  readonly currencies: ReadonlyMap<string, string>;
  readonly units: ReadonlyMap<string, string>;
  readonly nouns: ReadonlyMap<string, string>;
  readonly before: ReadonlyMap<string, Modifier>;
  readonly after: ReadonlyMap<string, Modifier>;
  /** The pattern of one amount, with named groups (see `amountPattern`). */
  readonly re: RegExp;
}

/** Forms without a lower-case letter ("$", "US$", "EUR") may stand before the number. */
const prefixable = (form: string) => !/\p{Ll}/u.test(form);

function amountPattern(v: Omit<AmountVocab, "re">, ordinalSuffixes: readonly string[]): RegExp {
  const currencies = [...v.currencies.keys()];
  const ofKind = (kind: string) => [...v.functionWords].filter(([, k]) => k === kind).map(([w]) => w);
  const source = [
    // A determiner may stand between the modifier and the number ("quasi il 40 per cento").
    `(?:(?<mod>${alternation(v.before.keys())})\\s*(?:${alternation(ofKind("det"))}\\s+)?)?`,
    `(?:(?<cur1>${alternation(currencies.filter(prefixable), false)})\\s?)?`,
    `(?<num>${v.numbers.pattern})`,
    `(?<ord>${alternation(ordinalSuffixes, false)}(?![\\p{L}\\p{N}]))?`,
    `(?:\\s?(?<scale>${alternation(v.scales.keys())}))?`,
    // A preposition may join the unit or currency ("milioni di barili", "millions d'euros").
    `(?:\\s*(?:(?<of>${alternation(ofKind("prep"))})(?:\\s+|(?<=['’])))?`,
    `(?:(?<unit>${alternation(v.units.keys())})|(?<cur2>${alternation(currencies)})))?`,
    `(?:\\s+(?<post>${alternation(v.after.keys())}))?`,
  ].join("");
  return new RegExp(source, "giud");
}

export const amountVocab = perPack((pack: LangPack | undefined): AmountVocab => {
  const table = (file: string) => pack?.table(file) ?? [];
  const modifiers = table("modifiers.tsv").filter((r) => r[0] && MODIFIERS.has(r[1] ?? ""));
  const base = {
    numbers: numberReader(pack),
    functionWords: functionWords(pack),
    scales: phraseMap(
      table("scale-words.tsv")
        .filter((r) => r[0] && Number.isFinite(Number(r[1])))
        .map((r) => [r[0] as string, { factor: Number(r[1]), moneyOnly: r[2] === "money" }] as const),
    ),
    currencies: phraseMap(table("currencies.tsv").map((r) => [r[0] ?? "", r[1] ?? ""] as const)),
    units: phraseMap(table("amount-units.tsv").map((r) => [r[0] ?? "", r[1] ?? ""] as const)),
    nouns: phraseMap(table("count-nouns.tsv").map((r) => [r[0] ?? "", r[1] ?? ""] as const)),
    before: phraseMap(
      modifiers.filter((r) => r[2] !== "after").map((r) => [r[0] as string, r[1] as Modifier] as const),
    ),
    after: phraseMap(
      modifiers.filter((r) => r[2] === "after").map((r) => [r[0] as string, r[1] as Modifier] as const),
    ),
  };
  return { ...base, re: amountPattern(base, pack?.list("ordinal-suffixes.txt") ?? []) };
});

export const lookup = <V>(map: ReadonlyMap<string, V>, phrase: string | undefined): V | undefined =>
  phrase === undefined ? undefined : map.get(phraseKey(phrase));
