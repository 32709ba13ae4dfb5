/**
 * One normalisation for KB names and document text, so that an alias found at build time is the
 * key looked up at run time: lower case, accents folded, letters and digits only.
 */
const FOLD_EXTRA: Readonly<Record<string, string>> = {
  ß: "ss",
  œ: "oe",
  æ: "ae",
  ø: "o",
  ł: "l",
  đ: "d",
  ı: "i",
};

const ASCII = /^[ -~]*$/;

export function fold(text: string): string {
  // Most words are plain ASCII: lower-casing is all they need, and it is much cheaper than NFD.
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[ßœæøłđı]/g, (c) => FOLD_EXTRA[c] ?? c);
}

/** Runs of letters and digits: the units names are matched on ("dell'Ucraina" → dell, Ucraina). */
export const WORD_RE = /[\p{L}\p{N}]+/gu;

/** The folded word sequence of a name, joined by single spaces: the alias index key. */
export function nameKey(name: string): string {
  return (fold(name).match(WORD_RE) ?? []).join(" ");
}

/** True when the word starts with an upper-case letter, or is written in a script without case. */
export function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase() || first === first.toUpperCase();
}

/** True when every cased letter of the word is upper case ("NATO", "UE"). */
export function isUpper(word: string): boolean {
  return word === word.toUpperCase() && word !== word.toLowerCase();
}
