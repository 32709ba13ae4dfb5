/**
 * Turning language-pack word lists into regular expressions. Pack entries are plain text:
 * an apostrophe matches both ' and ’, a space matches any run of spaces, and matching is
 * case-insensitive, so pack authors write phrases as they read them.
 */

const LETTER_OR_DIGIT = /[\p{L}\p{N}]$/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A regex source for one phrase, with a word boundary after it when it ends in a letter or digit. */
function phraseSource(phrase: string, boundary: boolean): string {
  const body = escapeRegExp(phrase.trim()).replace(/['’]/g, "['’]").replace(/\s+/g, "\\s+");
  return boundary && LETTER_OR_DIGIT.test(phrase) ? `${body}(?![\\p{L}\\p{N}])` : body;
}

/**
 * A non-capturing alternation of phrases, longest first so that "più di" wins over "più".
 * Returns a pattern that never matches when the list is empty, so callers need no special case.
 * Without `boundary`, a phrase may be followed by letters (for parts of compound words).
 */
export function alternation(phrases: Iterable<string>, boundary = true): string {
  const unique = [...new Set([...phrases].map((p) => p.trim()).filter((p) => p.length > 0))];
  if (unique.length === 0) return "(?!)";
  unique.sort((a, b) => b.length - a.length || a.localeCompare(b));
  return `(?:${unique.map((p) => phraseSource(p, boundary)).join("|")})`;
}

/** The key under which a matched phrase is looked up: lower case, one space, straight apostrophe. */
export function phraseKey(text: string): string {
  return text.toLowerCase().replace(/’/g, "'").replace(/\s+/g, " ").trim();
}

/** A lookup from phrase (by `phraseKey`) to a value, built from rows of a pack table. */
export function phraseMap<V>(rows: Iterable<readonly [string, V]>): Map<string, V> {
  const map = new Map<string, V>();
  for (const [phrase, value] of rows) {
    const key = phraseKey(phrase);
    if (key && !map.has(key)) map.set(key, value);
  }
  return map;
}

/** Not preceded by a letter or digit: the start of a word. */
export const WORD_START = "(?<![\\p{L}\\p{N}])";

/** Memoises a value derived from a pack (or from the absence of one) for the life of the pack. */
export function perPack<P extends object, V>(build: (pack: P | undefined) => V): (pack: P | undefined) => V {
  const cache = new WeakMap<P, V>();
  let none: V | undefined;
  return (pack) => {
    if (!pack) {
      none ??= build(undefined);
      return none;
    }
    let value = cache.get(pack);
    if (value === undefined) {
      value = build(pack);
      cache.set(pack, value);
    }
    return value;
  };
}
