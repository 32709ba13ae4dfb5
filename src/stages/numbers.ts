import type { LangPack } from "../lang/packs.js";
import { alternation, perPack, phraseKey, WORD_START } from "./phrases.js";

/**
 * Locale-aware numbers: digits with the language's decimal and group separators
 * (`number-format.json`) and number words (`number-words.tsv`: word, value; the value `+`
 * marks a joiner such as "and", "e", "und").
 */
export interface NumberFormat {
  readonly decimal: string;
  readonly group: readonly string[];
}

const DEFAULT_FORMAT: NumberFormat = { decimal: ".", group: [","] };
const SPACES = new Set([" ", "\u00a0", "\u202f", "\u2009"]);

export class NumberReader {
  readonly format: NumberFormat;
  private readonly words: Map<string, number>;
  private readonly joiners: Set<string>;
  private readonly wordParts: string[];
  private readonly compounds: string[];
  /** A regex source matching one number, in digits or in words, for rules that embed numbers. */
  readonly pattern: string;

  constructor(pack: LangPack | undefined) {
    this.format = pack?.json<NumberFormat>("number-format.json", DEFAULT_FORMAT) ?? DEFAULT_FORMAT;
    this.words = new Map();
    this.joiners = new Set();
    for (const [word, value] of pack?.table("number-words.tsv") ?? []) {
      if (!word || value === undefined) continue;
      if (value === "+") this.joiners.add(phraseKey(word));
      else if (Number.isFinite(Number(value))) this.words.set(phraseKey(word), Number(value));
    }
    // Longest first, so that decomposing "ventitré" tries "venti" before "ve…".
    this.wordParts = [...this.words.keys()].sort((a, b) => b.length - a.length);
    this.compounds = this.wordParts.filter((w) => /[\s-]/u.test(w));
    const groups = this.format.group.filter((g) => !SPACES.has(g));
    const spaceGroup = this.format.group.some((g) => SPACES.has(g));
    const sepClass = `[${[",", ".", ...groups].map((c) => c.replace(/[\\\]^-]/g, "\\$&")).join("")}${spaceGroup ? " \\u00a0\\u202f\\u2009" : ""}]`;
    const digits = `\\d{1,3}(?:${sepClass}\\d{3})+(?:[.,]\\d+)?(?!\\d)|\\d+(?:[.,]\\d+)?`;
    const sources = [`${WORD_START}(?:${digits})`];
    if (this.words.size > 0) {
      // A word is number words glued together, joiners allowed inside ("dreiundzwanzig") but not first.
      const first = alternation(this.words.keys(), false);
      const part = alternation([...this.words.keys(), ...this.joiners], false);
      const joiner = alternation(this.joiners);
      const word = `${first}${part}*`;
      sources.push(`${WORD_START}${word}(?:(?:[\\s-]+${joiner})?[\\s-]+${word})*(?![\\p{L}\\p{N}])`);
    }
    this.pattern = `(?:${sources.join("|")})`;
  }

  /**
   * Reads digits with separators: "240.000" is 240000 and "1,6" is 1.6 where the decimal mark is a
   * comma; "1,600" is 1600 where it is a point. A separator that the locale would not use that way
   * is still read (texts mix conventions) but marked uncertain.
   */
  parseDigits(raw: string): { value: number; uncertain: boolean } | undefined {
    const seps = [...raw.matchAll(/\D/g)].map((m) => ({ char: m[0], index: m.index ?? 0 }));
    const digitsOnly = raw.replace(/\D/g, "");
    if (digitsOnly.length === 0) return undefined;
    if (seps.length === 0) return { value: Number(raw), uncertain: false };
    const kinds = new Set(seps.map((s) => s.char));
    const last = seps[seps.length - 1] as { char: string; index: number };
    const tail = raw.slice(last.index + 1);
    let decimalAt = -1;
    let uncertain = false;
    if (kinds.size > 1) {
      // The last mark is the decimal one when it occurs once: "1.234,5" or "1,234.5".
      if (seps.filter((s) => s.char === last.char).length !== 1 || SPACES.has(last.char)) return undefined;
      decimalAt = last.index;
      uncertain = last.char !== this.format.decimal;
    } else if (seps.length === 1 && !SPACES.has(last.char)) {
      const isLocaleDecimal = last.char === this.format.decimal;
      if (isLocaleDecimal) decimalAt = last.index;
      else if (tail.length !== 3) {
        decimalAt = last.index;
        uncertain = true;
      }
    }
    const intPart = decimalAt >= 0 ? raw.slice(0, decimalAt) : raw;
    const fracPart = decimalAt >= 0 ? raw.slice(decimalAt + 1) : "";
    const groups = intPart.split(/\D/);
    if (groups.length > 1 && groups.slice(1).some((g) => g.length !== 3)) return undefined;
    if (groups[0] === "" || (groups[0]?.length ?? 0) > (groups.length > 1 ? 3 : Infinity)) return undefined;
    const value = Number(`${groups.join("")}${fracPart ? `.${fracPart}` : ""}`);
    return Number.isFinite(value) ? { value, uncertain } : undefined;
  }

  /**
   * Reads number words, including compounds written as one word ("ventitré", "dreiundzwanzig")
   * or with hyphens and joiners ("twenty-three", "treinta y dos", "vingt et un"). Returns the value
   * and how many characters of the input it used, or nothing when no number word starts it.
   */
  parseWords(raw: string): { value: number; length: number } | undefined {
    let total = 0;
    let current = 0;
    let used = 0;
    let any = false;
    let lastPart = Infinity;
    for (const m of this.tokens(raw)) {
      const token = m.token;
      if (this.joiners.has(token)) continue;
      const parts = this.decompose(token);
      if (!parts) break;
      let ok = true;
      for (const part of parts) {
        if (part >= 1000) {
          total += Math.max(current, 1) * part;
          current = 0;
        } else if (part === 100) {
          current = Math.max(current, 1) * 100;
        } else {
          // Units then tens ("drei-und-zwanzig") or tens then units ("twenty-three"); never "two three".
          const unitsThenTens = lastPart < 10 && part >= 20 && part % 10 === 0 && current % 100 < 10;
          if (any && part >= lastPart && !unitsThenTens && current % 100 !== 0) {
            ok = false;
            break;
          }
          current += part;
        }
        lastPart = part;
        any = true;
      }
      if (!ok) break;
      used = m.end;
    }
    if (!any || used === 0) return undefined;
    return { value: total + current, length: used };
  }

  /** Words of a number phrase; entries written with a hyphen or space ("quatre-vingt") stay whole. */
  private *tokens(raw: string): Generator<{ token: string; end: number }> {
    const lower = raw.toLowerCase();
    let i = 0;
    while (i < raw.length) {
      while (i < raw.length && /[\s-]/u.test(raw[i] as string)) i++;
      if (i >= raw.length) return;
      const whole = this.compounds.find(
        (c) => lower.startsWith(c, i) && !/[\p{L}\p{N}]/u.test(raw[i + c.length] ?? ""),
      );
      const end = whole ? i + whole.length : i + (/^[^\s-]+/u.exec(raw.slice(i))?.[0].length ?? 1);
      yield { token: whole ?? phraseKey(raw.slice(i, end)), end };
      i = end;
    }
  }

  /** Splits one written word into known number words ("duecentotrenta" → 2, 100, 30). */
  private decompose(word: string): number[] | undefined {
    if (word.length === 0) return [];
    const whole = this.words.get(word);
    if (whole !== undefined) return [whole];
    for (const part of this.wordParts) {
      if (part.length < word.length && word.startsWith(part)) {
        const rest = word.slice(part.length);
        const joined = [...this.joiners].find(
          (j) => rest.startsWith(j) && this.decompose(rest.slice(j.length)),
        );
        const tail = this.decompose(joined ? rest.slice(joined.length) : rest);
        if (tail) return [this.words.get(part) as number, ...tail];
      }
    }
    return undefined;
  }
}

/** The reader of a language pack, built once per pack. */
export const numberReader = perPack((pack: LangPack | undefined) => new NumberReader(pack));
