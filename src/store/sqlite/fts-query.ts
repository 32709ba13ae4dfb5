/** A term is worth searching only if the unicode61 tokenizer will find a word in it. */
const WORD = /[\p{L}\p{N}]/u;

const quote = (term: string) => `"${term.replaceAll('"', '""')}"`;

/**
 * Turns what a user typed into an FTS5 query that can never be a syntax error: every
 * whitespace-separated term becomes a quoted string (quotes inside doubled), so `"`, `-`, `:`,
 * `*`, `(` and words like OR or NEAR are plain text, and the terms are ANDed. A term that holds
 * several words ("l'Università", "Moscú-Kiev") matches them as a phrase. Returns undefined when
 * nothing searchable is left. A term with variants matches any of them.
 */
export function ftsQuery(
  text: string,
  variants: Readonly<Record<string, readonly string[]>> = {},
): string | undefined {
  // Control characters split terms too: FTS5 reads a NUL as the end of the query string.
  const terms = text
    .split(/[\s\p{Cc}]+/u)
    .filter((term) => WORD.test(term))
    .map((term) => {
      const others = (Object.hasOwn(variants, term) ? (variants[term] ?? []) : []).filter(
        (v) => WORD.test(v) && !/\p{Cc}/u.test(v),
      );
      return others.length ? `(${[term, ...others].map(quote).join(" OR ")})` : quote(term);
    });
  return terms.length > 0 ? terms.join(" AND ") : undefined;
}
