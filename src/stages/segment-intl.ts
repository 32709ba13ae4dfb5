/**
 * Intl.Segmenter, cached per language and fed bounded pieces: on Node 20 its cost grows with the
 * square of the input length (word segmentation takes 5 s for 132k characters, 112 s for 528k), so
 * long stretches are cut at safe points first.
 */

type Granularity = "sentence" | "word";

/** Longest piece handed to Intl.Segmenter; a cut is looked for in the last half of it. */
const MAX_PIECE = 1500;

const cache = new Map<string, Intl.Segmenter>();

/** A segmenter for the language, or for the root locale when ICU does not know the tag. */
export function segmenter(lang: string, granularity: Granularity): Intl.Segmenter {
  const key = `${granularity}:${lang}`;
  let seg = cache.get(key);
  if (!seg) {
    seg = new Intl.Segmenter(knownLocale(lang), { granularity });
    cache.set(key, seg);
  }
  return seg;
}

function knownLocale(lang: string): string {
  try {
    return Intl.Segmenter.supportedLocalesOf(lang).length > 0 ? lang : "und";
  } catch {
    return "und"; // not a well-formed tag
  }
}

/** A piece of text; `sentenceCut` says it starts where a sentence very likely starts. */
export interface Piece {
  readonly start: number;
  readonly end: number;
  readonly sentenceCut: boolean;
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
const isUpper = (c: string | undefined) => c !== undefined && /\p{Lu}/u.test(c);

/**
 * Cuts [start, end) into pieces of at most MAX_PIECE characters. With `sentences`, a cut goes
 * preferably after sentence-final punctuation and space, before a capital ("… done. The"); else it
 * goes at whitespace, and only as a last resort (no space at all) anywhere outside a surrogate pair.
 */
export function pieces(text: string, start: number, end: number, sentences: boolean): Piece[] {
  const out: Piece[] = [];
  let from = start;
  let sentenceCut = false;
  while (end - from > MAX_PIECE) {
    const cut = (sentences && findCut(text, from, sentenceStart)) || findCut(text, from, wordStart);
    const at = cut || hardCut(text, from + MAX_PIECE);
    out.push({ start: from, end: at, sentenceCut });
    sentenceCut = sentences && sentenceStart(text, at);
    from = at;
  }
  out.push({ start: from, end, sentenceCut });
  return out;
}

/** The last position in the second half of the piece starting at `from` that satisfies `ok`, or 0. */
function findCut(text: string, from: number, ok: (text: string, i: number) => boolean): number {
  for (let i = from + MAX_PIECE; i > from + MAX_PIECE / 2; i--) if (ok(text, i)) return i;
  return 0;
}

function wordStart(text: string, i: number): boolean {
  return isSpace(text[i - 1]) && !isSpace(text[i]);
}

function sentenceStart(text: string, i: number): boolean {
  if (!wordStart(text, i) || !isUpper(text[i])) return false;
  let j = i - 1;
  while (j > 0 && isSpace(text[j])) j--;
  return /[.!?…]/.test(text[j] ?? "");
}

function hardCut(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}
