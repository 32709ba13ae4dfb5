/** A term is worth searching only if the unicode61 tokenizer will find a word in it. */
const WORD = /[\p{L}\p{N}]/u;

/**
 * Turns what a user typed into an FTS5 query that can never be a syntax error: every
 * whitespace-separated term becomes a quoted string (quotes inside doubled), so `"`, `-`, `:`,
 * `*`, `(` and words like OR or NEAR are plain text, and the terms are ANDed. A term that holds
 * several words ("l'Università", "Moscú-Kiev") matches them as a phrase. Returns undefined when
 * nothing searchable is left.
 */
export function ftsQuery(text: string): string | undefined {
  // Control characters split terms too: FTS5 reads a NUL as the end of the query string.
  const terms = text
    .split(/[\s\p{Cc}]+/u)
    .filter((term) => WORD.test(term))
    .map((term) => `"${term.replaceAll('"', '""')}"`);
  return terms.length > 0 ? terms.join(" AND ") : undefined;
}
