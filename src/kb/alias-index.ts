import { isUpper, nameKey } from "./normalize.js";
import type { NameKind, NameRecord } from "./schema.js";

/** How the case of the text must look for an alias to match. */
export type CaseRule = "any" | "capitalised" | "upper";

export interface AliasEntry {
  readonly id: string;
  readonly lang: string;
  readonly kind: NameKind;
  readonly caseRule: CaseRule;
  /** Number of words of the key. */
  readonly words: number;
}

/**
 * Normalised word sequences → entities. Lookups are one Map access per candidate length;
 * `maxWords` bounds the lengths worth trying from a given first word.
 */
export class AliasIndex {
  private readonly byKey = new Map<string, AliasEntry[]>();
  private readonly longest = new Map<string, number>();
  size = 0;

  add(record: NameRecord): void {
    const key = nameKey(record.name);
    if (!key) return;
    const words = key.split(" ");
    const first = record.name.charAt(0);
    // Lower-case names ("oblast di Kursk") match in any case; acronyms only in upper case.
    const caseRule: CaseRule =
      record.kind === "acronym" || (words.length === 1 && isUpper(record.name) && record.name.length <= 6)
        ? "upper"
        : first !== first.toUpperCase()
          ? "any"
          : "capitalised";
    const list = this.byKey.get(key);
    const entry: AliasEntry = {
      id: record.id,
      lang: record.lang,
      kind: record.kind,
      caseRule,
      words: words.length,
    };
    if (list) {
      if (list.some((e) => e.id === entry.id && e.lang === entry.lang && e.kind === entry.kind)) return;
      list.push(entry);
    } else this.byKey.set(key, [entry]);
    const head = words[0] as string;
    if ((this.longest.get(head) ?? 0) < words.length) this.longest.set(head, words.length);
    this.size++;
  }

  /** Entries whose normalised name is exactly this key (words folded and joined by one space). */
  lookup(key: string): readonly AliasEntry[] {
    return this.byKey.get(key) ?? [];
  }

  maxWords(firstWord: string): number {
    return this.longest.get(firstWord) ?? 0;
  }

  get keys(): number {
    return this.byKey.size;
  }
}
