import { KbFormatError } from "../../kb/records.js";
import { type DictLine, dictionaryLines, phraseWords } from "./lines.js";

/**
 * One element of a verb pattern. `adjacent` is true when an underscore ties it to its neighbour
 * toward the verb (no words may come between); a blank lets other words come between.
 */
export type PatternElement = { readonly adjacent: boolean } & (
  | { readonly kind: "word"; readonly word: string }
  | { readonly kind: "synset"; readonly name: string }
  /** `$` source, `+` target, `%` compound actor (the actors act on each other), `^` one skipped word. */
  | { readonly kind: "source" | "target" | "compound" | "skip" }
);

export interface VerbPattern {
  /** Elements before the verb, nearest the verb last; elements after it, nearest first. */
  readonly lower: readonly PatternElement[];
  readonly upper: readonly PatternElement[];
  readonly code: string;
  readonly line: number;
}

/** A `--- NAME [code] ---` block: synonymous verbs sharing one list of patterns. */
export interface VerbBlock {
  readonly name: string;
  readonly code: string;
  readonly patterns: VerbPattern[];
}

/** One form of a (possibly multi-word) verb, indexed by its inflected word. */
export interface VerbForm {
  /** Words that must come right before and right after the inflected word ("WIRE" + TAP; BREAK + "DOWN"). */
  readonly before: readonly string[];
  readonly after: readonly string[];
  /** The verb's own code, else its block's. */
  readonly code: string;
  readonly block: VerbBlock;
}

export interface VerbDictionary {
  /** Inflected word → the verb forms it heads, longest first. */
  readonly forms: ReadonlyMap<string, readonly VerbForm[]>;
  /** Synset name (with its `&`) → its phrases as word lists. */
  readonly synsets: ReadonlyMap<string, readonly (readonly string[])[]>;
  readonly blocks: readonly VerbBlock[];
  /** Patterns PETRARCH would skip too (undefined synset, disjunctive set), as `file:line: reason`. */
  readonly skipped: readonly string[];
}

/** Regular English plural of a dictionary word, as PETRARCH forms it (Y → IES, SS → SSES, else +S). */
export function plural(word: string): string {
  if (/[^AEIOU]Y$/.test(word)) return `${word.slice(0, -1)}IES`;
  if (/(SS|SH|CH|X)$/.test(word)) return `${word}ES`;
  return `${word}S`;
}

/** The regular third-person, past and -ing forms of an English verb root. */
function regularForms(root: string): string[] {
  const s = /(S|SH|CH|X|Z|O)$/.test(root)
    ? `${root}ES`
    : /[^AEIOU]Y$/.test(root)
      ? `${root.slice(0, -1)}IES`
      : `${root}S`;
  const ed = root.endsWith("E")
    ? `${root}D`
    : /[^AEIOU]Y$/.test(root)
      ? `${root.slice(0, -1)}IED`
      : `${root}ED`;
  const ing = /[^E]E$/.test(root) ? `${root.slice(0, -1)}ING` : `${root}ING`;
  return [s, ed, ing];
}

const CODE_AT_END = /\[([^\]]*)\]\s*$/;

/** `WIRE_+TAP` → before ["WIRE"], head "TAP", after []; without a `+` the first word is the head. */
function splitVerbPhrase(phrase: string): { before: string[]; head: string; after: string[] } {
  const words = phrase.split(/[\s_]+/).filter(Boolean);
  let at = words.findIndex((w) => w.startsWith("+"));
  if (at < 0) at = 0;
  const clean = words.map((w) => w.replace(/^\+/, "").toUpperCase());
  return { before: clean.slice(0, at), head: clean[at] ?? "", after: clean.slice(at + 1) };
}

/** The elements of a pattern, or undefined for a TABARI disjunctive set (`|`), which PETRARCH skips. */
function patternElements(text: string): PatternElement[] | undefined {
  const out: PatternElement[] = [];
  // PETRARCH 2 groups noun phrases in {…} and prepositional phrases in (…): their words are consecutive.
  let group = false;
  let adjacentNext = false;
  for (const m of text.matchAll(/([{}()])|([\s_]+)|(\*+|[^\s_{}()*]+)/g)) {
    if (m[1]) {
      group = m[1] === "{" || m[1] === "(";
      continue;
    }
    if (m[2]) {
      adjacentNext = !/\s/.test(m[2]) || group;
      continue;
    }
    const token = m[3] ?? "";
    const adjacent = out.length > 0 && adjacentNext;
    // Glued to the next token ("*SCEPTICAL") unless a separator follows.
    adjacentNext = true;
    if (token === "$") out.push({ kind: "source", adjacent });
    else if (token === "+") out.push({ kind: "target", adjacent });
    else if (token === "%") out.push({ kind: "compound", adjacent });
    else if (token === "^") out.push({ kind: "skip", adjacent });
    else if (token.startsWith("&")) out.push({ kind: "synset", name: token.toUpperCase(), adjacent });
    else if (/^\*+$/.test(token)) out.push({ kind: "word", word: "*", adjacent });
    else if (token.includes("|")) return undefined;
    else out.push({ kind: "word", word: token.toUpperCase(), adjacent });
  }
  return out;
}

function parsePattern(line: DictLine, file: string): VerbPattern | undefined {
  const body = line.text.trim().slice(1);
  const code = CODE_AT_END.exec(body);
  if (!code) throw new KbFormatError(file, line.n, `pattern without a [code]: "${line.text.trim()}"`);
  const elements = patternElements(body.slice(0, code.index));
  if (!elements) return undefined;
  const star = elements.findIndex((e) => e.kind === "word" && e.word === "*");
  if (star < 0)
    throw new KbFormatError(file, line.n, `pattern without the verb marker *: "${line.text.trim()}"`);
  if (elements.some((e, i) => i !== star && e.kind === "word" && e.word === "*"))
    throw new KbFormatError(file, line.n, "pattern with more than one *");
  // Lower elements are stored nearest-first too, with `adjacent` meaning "tied to the next one toward *".
  const lowerRaw = elements.slice(0, star);
  const lower = lowerRaw
    .map((e, i) => ({
      ...e,
      adjacent: (i + 1 < lowerRaw.length ? lowerRaw[i + 1] : elements[star])?.adjacent ?? false,
    }))
    .reverse();
  return { lower, upper: elements.slice(star + 1), code: (code[1] ?? "").trim(), line: line.n };
}

/**
 * Reads a PETRARCH verb dictionary (PETRARCH 1 and 2 formats: synsets `&NAME` with `+phrase` lines,
 * `--- NAME [code] ---` blocks, verb lines `VERB {IRREGULAR FORMS} [code]`, patterns `- … * … [code]`).
 * Throws a KbFormatError naming the file and line of the first problem. Patterns PETRARCH ignores (an
 * undefined synset, a TABARI disjunctive set) are left out and listed in `skipped`.
 */
export function parseVerbDictionary(text: string, file: string): VerbDictionary {
  const synsetLines = new Map<string, { phrases: string[]; noPlural: boolean; n: number }>();
  const blocks: VerbBlock[] = [];
  const forms = new Map<string, VerbForm[]>();
  const skipped: string[] = [];
  let block: VerbBlock | undefined;
  let synset: string | undefined;
  const addForm = (word: string, form: VerbForm) => {
    const list = forms.get(word) ?? [];
    list.push(form);
    forms.set(word, list);
  };
  for (const line of dictionaryLines(text)) {
    const t = line.text.trim();
    const header = /^-{3}\s*(.*?)\s*(?:-{3})?$/.exec(t);
    if (header) {
      synset = undefined;
      const code = /\[([^\]]*)\]/.exec(header[1] ?? "");
      block = {
        name: (header[1] ?? "").replace(/\[.*$/, "").trim(),
        code: code?.[1]?.trim() || "---",
        patterns: [],
      };
      blocks.push(block);
      continue;
    }
    if (t.startsWith("&")) {
      const name = t.split(/\s+/)[0] ?? "";
      synset = name.replace(/_$/, "").toUpperCase();
      if (synsetLines.has(synset)) throw new KbFormatError(file, line.n, `synset ${synset} defined twice`);
      synsetLines.set(synset, { phrases: [], noPlural: name.endsWith("_"), n: line.n });
      continue;
    }
    if (synset && t.startsWith("+")) {
      synsetLines.get(synset)?.phrases.push(t.slice(1).trim());
      continue;
    }
    synset = undefined;
    if (!block) throw new KbFormatError(file, line.n, `"${t}" before any --- VERB [code] --- block`);
    if (t.startsWith("-")) {
      const pattern = parsePattern(line, file);
      if (pattern) block.patterns.push(pattern);
      else skipped.push(`${file}:${line.n}: disjunctive set`);
      continue;
    }
    const m = /^([^{[]+?)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?$/.exec(t);
    if (!m) throw new KbFormatError(file, line.n, `cannot read "${t}" as a verb line`);
    const root = splitVerbPhrase(m[1] ?? "");
    if (!root.head) throw new KbFormatError(file, line.n, "verb line without a verb");
    const code = m[3]?.trim() || block.code;
    const phrases =
      m[2] !== undefined
        ? m[2]
            .split(/[\s,]+/)
            .filter(Boolean)
            .map(splitVerbPhrase)
        : [];
    const heads = new Set([root.head, ...(m[2] === undefined ? regularForms(root.head) : [])]);
    for (const head of heads) addForm(head, { before: root.before, after: root.after, code, block });
    for (const p of phrases) addForm(p.head, { before: p.before, after: p.after, code, block });
  }
  const synsets = new Map<string, string[][]>();
  const expand = (name: string, seen: Set<string>): string[][] => {
    const def = synsetLines.get(name);
    if (!def || seen.has(name)) return [];
    const out: string[][] = [];
    for (const phrase of def.phrases) {
      if (phrase.startsWith("&")) {
        out.push(...expand(phrase.replace(/_$/, "").toUpperCase(), new Set([...seen, name])));
        continue;
      }
      const words = phraseWords(phrase);
      if (words.length === 0) continue;
      out.push(words);
      const last = words[words.length - 1] ?? "";
      if (!def.noPlural && !phrase.endsWith("_")) out.push([...words.slice(0, -1), plural(last)]);
    }
    return out;
  };
  for (const name of synsetLines.keys()) synsets.set(name, expand(name, new Set()));
  for (const b of blocks) {
    const known = b.patterns.filter((p) => {
      const missing = [...p.lower, ...p.upper].find((e) => e.kind === "synset" && !synsets.has(e.name));
      if (missing?.kind === "synset") skipped.push(`${file}:${p.line}: undefined synset ${missing.name}`);
      return !missing;
    });
    b.patterns.splice(0, b.patterns.length, ...known);
  }
  for (const list of forms.values())
    list.sort((a, b) => b.before.length + b.after.length - a.before.length - a.after.length);
  for (const b of blocks) b.patterns.sort((x, y) => literalCount(y) - literalCount(x));
  return { forms, synsets, blocks, skipped };
}

/** Patterns are tried most specific first: the more words and actors they require, the earlier. */
function literalCount(p: VerbPattern): number {
  return [...p.lower, ...p.upper].filter((e) => e.kind !== "skip").length;
}
