import type { Document } from "../document/document.js";
import { defaultPacks } from "../lang/packs.js";
import { alternation } from "../stages/phrases.js";

/** A closing line is one short paragraph: an update note or a credit, not a sentence of the story. */
const CLOSING_MAX_CHARS = 160;

const compiled = new Map<string, RegExp>();

/** The pack's closing lines as one pattern; "*" in an entry stands for one word. */
function closingPattern(lang: string): RegExp {
  let pattern = compiled.get(lang);
  if (!pattern) {
    const entries = defaultPacks().get(lang)?.list("closing-lines.txt") ?? [];
    pattern = new RegExp(alternation(entries).replaceAll("\\*", "\\S+"), "iu");
    compiled.set(lang, pattern);
  }
  return pattern;
}

/**
 * The paragraphs that follow the article's closing line — "This story has been updated", a credit
 * line, a copyright — when one stands in the second half of the text, other closing lines left out.
 * They were not part of the article that line closes: a rewrite that appends paragraphs puts them
 * after the original's last line.
 */
export function afterClosingLine(doc: Document): { closing: number; after: number[] } | undefined {
  const pattern = closingPattern(doc.lang);
  const paragraphs = doc.layer("paragraphs");
  const isClosing = (i: number) => {
    const p = paragraphs[i];
    return (
      !!p &&
      !p.headline &&
      p.end - p.start <= CLOSING_MAX_CHARS &&
      pattern.test(doc.text.slice(p.start, p.end))
    );
  };
  for (let i = Math.floor(paragraphs.length / 2); i < paragraphs.length - 1; i++) {
    if (!isClosing(i)) continue;
    const after = [];
    for (let j = i + 1; j < paragraphs.length; j++) if (!isClosing(j)) after.push(j);
    return after.length > 0 ? { closing: i, after } : undefined;
  }
  return undefined;
}
