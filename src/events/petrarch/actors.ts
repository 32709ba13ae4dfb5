import { petrarchDate } from "../../kb/importers/petrarch.js";
import { KbFormatError } from "../../kb/records.js";
import { dictionaryLines, phraseTokens } from "./lines.js";
import type { PhraseIndex } from "./phrase-index.js";
import { plural } from "./verbs.js";

/** A code with the dates (ISO, inclusive, "" when open) between which it applies. */
export interface DatedCode {
  readonly codes: readonly string[];
  readonly from: string;
  readonly to: string;
}

/** One actor entry: its phrases share its codes (PETRARCH's `ELR/GAL` gives two codes). */
export interface ActorEntry {
  readonly name: string;
  readonly dated: readonly DatedCode[];
  /** The codes when no date restriction applies (the entry line's code or an undated `[CODE]` line). */
  readonly fallback: readonly string[];
}

export interface AgentEntry {
  readonly name: string;
  readonly code: string;
  /** `~GOV` follows the actor's code (ARN → ARNGOV); `NGO~` goes before it (NGOARN). */
  readonly position: "after" | "before";
}

const CODE_RE = /^(?:[A-Z0-9]+|-{3}|\+{3}|#{3})$/;

function codeList(raw: string, file: string, n: number): string[] {
  const codes = raw
    .trim()
    .toUpperCase()
    .split("/")
    .map((c) => c.trim());
  for (const c of codes) if (!CODE_RE.test(c)) throw new KbFormatError(file, n, `bad actor code "${c}"`);
  return codes;
}

function restriction(inner: string, file: string, n: number): DatedCode {
  const m = /^(\S+)\s*(?:([<>])\s*(\d{6,8})|(\d{6,8})\s*-\s*(\d{6,8}))?$/.exec(inner.trim());
  if (!m) throw new KbFormatError(file, n, `bad code block "[${inner}]"`);
  const date = (s: string | undefined) => {
    if (!s) return "";
    const d = petrarchDate(s);
    if (!d) throw new KbFormatError(file, n, `bad date "${s}" (expected YYMMDD or YYYYMMDD)`);
    return d;
  };
  const from = m[2] === ">" ? date(m[3]) : date(m[4]);
  const to = m[2] === "<" ? date(m[3]) : date(m[5]);
  if (from && to && to < from) throw new KbFormatError(file, n, `end ${to} before start ${from}`);
  return { codes: codeList(m[1] ?? "", file, n), from, to };
}

/** The codes of an entry on a date (YYYY-MM-DD, or null when unknown): the first restriction that holds. */
export function actorCodes(entry: ActorEntry, date: string | null): readonly string[] {
  if (date) {
    for (const d of entry.dated) {
      if (!d.from && !d.to) continue;
      if ((!d.from || date >= d.from) && (!d.to || date <= d.to)) return d.codes;
    }
  }
  return entry.fallback;
}

/**
 * Reads a PETRARCH/TABARI actor dictionary into `index`: `PHRASE [CODE]` entries (the code may carry
 * a date restriction, as in the UniversalPetrarch files), `+SYNONYM` lines and indented
 * `[CODE <date]`, `[CODE >date]`, `[CODE date-date]` or `[CODE]` lines. Phrase words are matched whole
 * and consecutively. Throws a KbFormatError when the file's structure is broken (a synonym or code
 * line before any entry); returns what it left out, as PETRARCH would, as `file:line: reason`: code
 * blocks with a bad date or code, and entry lines it cannot read (with their synonyms and codes).
 */
export function readActors(text: string, file: string, index: PhraseIndex<ActorEntry>): string[] {
  const skipped: string[] = [];
  type Phrase = ReturnType<typeof phraseTokens>;
  let current: { entry: ActorEntry; phrases: Phrase[]; dated: DatedCode[]; fallback: string[] } | undefined;
  const done: { entry: ActorEntry; phrases: Phrase[] }[] = [];
  // After an entry line that cannot be read, its synonym and code lines are left out with it.
  let skipping = false;
  for (const line of dictionaryLines(text)) {
    const t = line.text.trim();
    if (skipping && (t.startsWith("[") || t.startsWith("+"))) continue;
    if (t.startsWith("[")) {
      if (!current) throw new KbFormatError(file, line.n, "code line before any actor entry");
      for (const block of t.matchAll(/\[([^\]]*)\]/g)) {
        const r = lenient(() => restriction(block[1] ?? "", file, line.n), skipped);
        if (!r) continue;
        if (!r.from && !r.to) current.fallback.splice(0, current.fallback.length, ...r.codes);
        else current.dated.push(r);
      }
      continue;
    }
    if (t.startsWith("+")) {
      if (!current) throw new KbFormatError(file, line.n, "synonym before any actor entry");
      const phrase = phraseTokens(t.slice(1).replace(/\[.*$/, ""));
      if (phrase.words.length) current.phrases.push(phrase);
      else skipped.push(`${file}:${line.n}: empty synonym`);
      continue;
    }
    // Text after the code blocks is ignored, as PETRARCH reads only up to them (Phoenix lines carry notes there).
    const m = /^([^[\]]+?)\s*((?:\[[^\]]*\]\s*)*)(?:(?<=\])[^[\]]*)?$/.exec(t);
    skipping = !m;
    if (!m) {
      skipped.push(`${file}:${line.n}: cannot read "${t}" as an actor entry`);
      continue;
    }
    const phrase = phraseTokens(m[1] ?? "");
    if (phrase.words.length === 0) throw new KbFormatError(file, line.n, "actor entry without a name");
    const dated: DatedCode[] = [];
    const fallback: string[] = [];
    for (const block of (m[2] ?? "").matchAll(/\[([^\]]*)\]/g)) {
      const r = lenient(() => restriction(block[1] ?? "", file, line.n), skipped);
      if (r && !r.from && !r.to) fallback.splice(0, fallback.length, ...r.codes);
      else if (r) dated.push(r);
    }
    current = {
      entry: { name: phrase.words.join(" "), dated, fallback },
      phrases: [phrase],
      dated,
      fallback,
    };
    done.push(current);
  }
  for (const { entry, phrases } of done) for (const p of phrases) index.add(p.words, entry, p.gaps);
  return skipped;
}

/**
 * A code block with a bad date or code is left out and reported, not fatal: the published Phoenix
 * dictionaries hold a few ("9008223"), and one typo should not make them unusable.
 */
function lenient(read: () => DatedCode, skipped: string[]): DatedCode | undefined {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof KbFormatError)) throw error;
    skipped.push(error.message);
    return undefined;
  }
}

/**
 * Reads a PETRARCH agent dictionary into `index`: `!MARK! = A, B` substitution sets, then
 * `PHRASE {PLURALS} [~CODE]` or `[CODE~]` lines. A regular plural is added unless `{…}` gives the
 * plurals (an empty `{}` means none); substituted forms get no plural, as in PETRARCH. An undefined
 * marker throws; a line it cannot read is left out and returned (the Phoenix file has typos such as
 * `[~ENV}`).
 */
export function readAgents(text: string, file: string, index: PhraseIndex<AgentEntry>): string[] {
  const skipped: string[] = [];
  const marks = new Map<string, string[]>();
  const pending: [ReturnType<typeof phraseTokens>, AgentEntry][] = [];
  for (const line of dictionaryLines(text)) {
    const t = line.text.trim();
    const mark = /^(![A-Z]+!)\s*=\s*(.+)$/i.exec(t);
    if (mark) {
      marks.set(
        (mark[1] ?? "").toUpperCase(),
        (mark[2] ?? "").split(",").map((s) => s.trim().toUpperCase()),
      );
      continue;
    }
    const m = /^([^{[]+?)\s*(?:\{([^}]*)\})?\s*\[\s*([^\]]*?)\s*\]$/.exec(t);
    if (!m) {
      skipped.push(`${file}:${line.n}: cannot read "${t}" as an agent line (PHRASE {PLURALS} [~CODE])`);
      continue;
    }
    const raw = (m[3] ?? "").toUpperCase();
    const code = /^~([A-Z0-9]+)$/.exec(raw)?.[1] ?? /^([A-Z0-9]+)~$/.exec(raw)?.[1];
    if (!code) {
      skipped.push(`${file}:${line.n}: bad agent code "[${m[3]}]" (expected ~CODE or CODE~)`);
      continue;
    }
    const entry: AgentEntry = {
      name: (m[1] ?? "").trim(),
      code,
      position: raw.startsWith("~") ? "after" : "before",
    };
    const phrase = (m[1] ?? "").toUpperCase();
    const markUse = /![A-Z]+!/.exec(phrase);
    if (markUse) {
      const subs = marks.get(markUse[0]);
      if (!subs) throw new KbFormatError(file, line.n, `undefined substitution marker ${markUse[0]}`);
      for (const s of subs) pending.push([phraseTokens(phrase.replace(markUse[0], s)), entry]);
      continue;
    }
    const tokens = phraseTokens(phrase);
    const { words, gaps } = tokens;
    pending.push([tokens, entry]);
    if (m[2] === undefined)
      pending.push([{ words: [...words.slice(0, -1), plural(words[words.length - 1] ?? "")], gaps }, entry]);
    else for (const p of m[2].split(/\s+/).filter(Boolean)) pending.push([phraseTokens(p), entry]);
  }
  for (const [p, entry] of pending) index.add(p.words, entry, p.gaps);
  return skipped;
}
