/** One dictionary line with its comments removed and its 1-based line number. */
export interface DictLine {
  readonly n: number;
  /** The line without comments, right-trimmed; leading whitespace kept (actor date lines are indented). */
  readonly text: string;
}

/**
 * The non-blank lines of a PETRARCH/TABARI dictionary without their comments: `<!-- … -->` (also
 * over several lines, and TABARI's stray `<! --`), `#` and the legacy KEDS `;` to the end of the line.
 */
export function dictionaryLines(text: string): DictLine[] {
  const out: DictLine[] = [];
  let inComment = false;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] ?? "";
    let kept = "";
    while (line) {
      if (inComment) {
        const close = line.indexOf("-->");
        if (close < 0) {
          line = "";
          break;
        }
        inComment = false;
        line = line.slice(close + 3);
        continue;
      }
      const open = line.search(/<!\s*--/);
      if (open < 0) {
        kept += line;
        break;
      }
      kept += line.slice(0, open);
      inComment = true;
      line = line.slice(open).replace(/^<!\s*--/, "");
    }
    const clean = withoutLineComment(kept).trimEnd();
    if (clean.trim()) out.push({ n: i + 1, text: clean });
  }
  return out;
}

/** The line up to a `#` or `;` comment; one inside `[…]` is a code (`[###]`), not a comment. */
function withoutLineComment(line: string): string {
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "[") depth++;
    else if (c === "]") depth = Math.max(0, depth - 1);
    else if ((c === "#" || c === ";") && depth === 0) return line.slice(0, i);
  }
  return line;
}

/**
 * A dictionary phrase's words and, for each, whether other words may come before it: in actor and
 * agent phrases a blank lets words come between, an underscore does not (`ITHILEN TELEVISION` matches
 * "Ithilen state-run television"; `NEW_ZEALAND` only "New Zealand").
 */
export function phraseTokens(phrase: string): { words: string[]; gaps: boolean[] } {
  const words: string[] = [];
  const gaps: boolean[] = [];
  for (const m of phrase.toUpperCase().matchAll(/([\s_]*)([^\s_]+)/g)) {
    gaps.push(words.length > 0 && /\s/.test(m[1] ?? ""));
    words.push(m[2] ?? "");
  }
  return { words, gaps };
}

/** `A_B C` → ["A", "B", "C"]: dictionary phrases separate words by blanks or underscores. */
export function phraseWords(phrase: string): string[] {
  return phrase
    .toUpperCase()
    .split(/[\s_]+/)
    .filter(Boolean);
}
