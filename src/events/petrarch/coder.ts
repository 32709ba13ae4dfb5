import type { TokenValue } from "../../document/layers.js";
import type { Annotation, Span } from "../../document/span.js";
import { type Chunk, type DictionaryActor, SentenceChunks } from "./chunks.js";
import type { PetrarchDictionaries } from "./load.js";
import { findMentions, type Mention } from "./mentions.js";
import { matchVerbPatterns, type VerbSpan } from "./patterns.js";
import {
  ADJECTIVE,
  AUXILIARIES,
  BE,
  CLAUSE_BREAKS,
  DEGREE,
  DETERMINERS,
  FUTURE,
  LINKS,
  MODALS,
  NEGATIONS,
  PREPOSITIONS,
} from "./word-classes.js";
import { sentenceWords, type Word } from "./words.js";

export type { DictionaryActor } from "./chunks.js";

/** An event coded with PETRARCH dictionaries; `start`/`end` span the verb. */
export interface DictionaryEvent extends Span {
  readonly sentence: number;
  readonly code: string;
  readonly source: DictionaryActor;
  readonly target: DictionaryActor;
  readonly mode: "asserted" | "negated" | "planned";
  /** Line of the verb pattern that matched, null when the verb's own code applied. */
  readonly patternLine: number | null;
}

export interface DictionaryCoderInput {
  readonly text: string;
  readonly sentences: readonly Span[];
  readonly tokens: readonly Annotation<TokenValue>[];
  /** Document date (YYYY-MM-DD) for the actors' date restrictions; null applies their default codes. */
  readonly date: string | null;
}

/** A verb form used as a noun or adjective: after a determiner or preposition, maybe past adjectives. */
function isNounUse(ws: readonly string[], at: number, mentionAt: readonly (Mention | undefined)[]): boolean {
  if (DEGREE.has(ws[at - 1] ?? "")) return true;
  for (let i = at - 1; i >= Math.max(0, at - 3); i--) {
    const w = ws[i] ?? "";
    if (DETERMINERS.has(w) || LINKS.has(w) || (PREPOSITIONS.has(w) && w !== "TO")) return true;
    if (!ADJECTIVE.test(w) || mentionAt[i] || AUXILIARIES.has(w)) return false;
  }
  return false;
}

/** Words that are a listed form of a dictionary verb (a multi-word verb needs its other words around it). */
function findVerbs(
  ws: readonly string[],
  dicts: PetrarchDictionaries,
  mentionAt: readonly (Mention | undefined)[],
): VerbSpan[] {
  const verbs: VerbSpan[] = [];
  for (let i = 0; i < ws.length; i++) {
    if (mentionAt[i] || MODALS.has(ws[i] ?? "")) continue;
    const matching = (dicts.verbs.forms.get(ws[i] ?? "") ?? []).filter(
      (f) =>
        f.before.every((w, k) => ws[i - f.before.length + k] === w) &&
        f.after.every((w, k) => ws[i + 1 + k] === w),
    );
    const form = matching[0];
    if (!form || isNounUse(ws, i - form.before.length, mentionAt)) continue;
    // The same words may head verbs of several blocks (two SHOT blocks): all their patterns apply.
    const forms = matching.filter(
      (f) => f.before.length === form.before.length && f.after.length === form.after.length,
    );
    verbs.push({ from: i - form.before.length, to: i + 1 + form.after.length, forms });
    i += form.after.length;
  }
  // Of two verb forms side by side, one is a noun, and an -S form is the likelier noun:
  // "forces attacked" (subject), "hold talks" (object).
  const adjacent = (v: VerbSpan) => verbs.some((o) => o !== v && (o.to === v.from || o.from === v.to));
  return verbs.filter((v) => !(v.to - v.from === 1 && ws[v.from]?.endsWith("S") && adjacent(v)));
}

class SentenceCoder {
  private readonly verbs: VerbSpan[];
  private readonly chunks: SentenceChunks;

  constructor(
    text: string,
    private readonly words: readonly Word[],
    private readonly dicts: PetrarchDictionaries,
    date: string | null,
  ) {
    const ws = words.map((w) => w.w);
    const mentionAt = findMentions(words, dicts, date);
    this.verbs = findVerbs(ws, dicts, mentionAt);
    const verbAt = new Set(
      this.verbs.flatMap((v) => Array.from({ length: v.to - v.from }, (_, k) => v.from + k)),
    );
    this.chunks = new SentenceChunks(text, words, mentionAt, (i) => verbAt.has(i));
  }

  private w(i: number): string {
    return this.words[i]?.w ?? "";
  }

  /** The nearest chunk with actors before word `before`, within the clause. */
  private subject(before: number, skip?: Chunk): Chunk | undefined {
    for (let i = before - 1; i >= 0; i--) {
      if (CLAUSE_BREAKS.has(this.w(i)) || this.w(i) === "THAT") break;
      const chunk = this.chunks.containing(i);
      if (chunk && chunk !== skip) return chunk;
    }
    return undefined;
  }

  /** The first chunk with actors from word `after`, before a clause break or a comma opening a clause. */
  private object(after: number, skip?: Chunk): Chunk | undefined {
    for (let i = after; i < this.words.length; i++) {
      if (
        CLAUSE_BREAKS.has(this.w(i)) ||
        (this.w(i) === "," && this.chunks.roles[i] === "bound" && this.opensClause(i))
      )
        break;
      const chunk = this.chunks.startingAt(i);
      if (chunk && chunk !== skip) return chunk;
    }
    return undefined;
  }

  /** Whether the comma at `i` opens a clause of its own, an actor chunk then a verb (", a senior official said"). */
  private opensClause(i: number): boolean {
    let chunk = false;
    for (let j = i + 1; j < this.words.length; j++) {
      if (CLAUSE_BREAKS.has(this.w(j)) || (this.w(j) === "," && this.chunks.roles[j] === "bound"))
        return false;
      if (this.verbs.some((v) => v.from === j)) return chunk;
      if (this.chunks.list.some((c) => c.from === j)) chunk = true;
    }
    return false;
  }

  private mode(from: number): DictionaryEvent["mode"] {
    const before = this.words.slice(Math.max(0, from - 4), from).map((w) => w.w);
    if (before.some((w) => NEGATIONS.has(w))) return "negated";
    if (before.some((w) => FUTURE.has(w))) return "planned";
    return "asserted";
  }

  /** "X was criticized by Y": the participle after a form of BE, followed by BY and a chunk. */
  private passive(verb: VerbSpan): Chunk | undefined {
    let i = verb.from - 1;
    while (i >= 0 && /LY$/.test(this.w(i))) i--;
    if (!BE.has(this.w(i))) return undefined;
    for (let j = verb.to; j < Math.min(this.words.length, verb.to + 4); j++)
      if (this.w(j) === "BY") return this.chunks.startingAt(j + 1);
    return undefined;
  }

  code(sentence: number): DictionaryEvent[] {
    const out: DictionaryEvent[] = [];
    let previous: { to: number; source?: Chunk; coded: boolean } | undefined;
    for (const verb of this.verbs) {
      // "abandoned efforts to stop …": a verb in the infinitive complement of a coded verb is part of its event.
      const between = this.words.slice(previous?.to ?? 0, verb.from).map((w) => w.w);
      if (
        previous?.coded &&
        this.w(verb.from - 1) === "TO" &&
        !between.some((w) => CLAUSE_BREAKS.has(w) || w === "THAT")
      )
        continue;
      const found = matchVerbPatterns(verb, {
        words: this.words,
        synsets: this.dicts.verbs.synsets,
        chunks: this.chunks,
      });
      let source = found.source;
      let target = found.target;
      if (found.compound) {
        // "X agrees with % …": the subject acts on the compound; "% agree …": its members act on each other.
        const subject = found.compound.from > verb.from ? this.subject(verb.from, found.compound) : undefined;
        source ??= subject ?? found.compound;
        target ??= subject ? found.compound : undefined;
      }
      const by = !found.source && !found.target && !found.compound ? this.passive(verb) : undefined;
      if (by) {
        source = by;
        target = this.subject(verb.from);
      }
      // "condemned … and promised …": a coordinated verb without its own subject shares the previous one's.
      const coordinated = ["AND", "BUT", "THEN"].includes(this.w(verb.from - 1));
      source ??=
        coordinated && previous?.source
          ? previous.source
          : // Pattern words before the verb may include the subject ("NEITHER * …"); a target bound
            // before the verb ("NOTED + * …") puts the subject further left.
            this.subject(found.target && found.target.from < verb.from ? found.lo : verb.from, target);
      if (!(found.compound && !found.target && source === found.compound))
        target ??= this.object(verb.to, source);
      const before = out.length;
      if (source && found.code !== "---" && /^[0-9A-Za-z]+(:[0-9A-Za-z]+)?$/.test(found.code)) {
        const [forward = "", backward] = found.code.split(":");
        const pairs: [DictionaryActor, DictionaryActor, string][] = [];
        // Without a target, the members of a compound subject act on each other (PETRARCH).
        if (!target) {
          for (const a of source.actors)
            for (const b of source.actors) if (a.part !== b.part) pairs.push([a, b, forward]);
        } else {
          for (const a of source.actors)
            for (const b of target.actors) {
              pairs.push([a, b, forward]);
              if (backward) pairs.push([b, a, backward]);
            }
        }
        for (const [a, b, code] of pairs) {
          if (a.code === b.code || (a.code.startsWith("---") && b.code.startsWith("---"))) continue;
          if (out.some((e) => e.source.code === a.code && e.target.code === b.code && e.code === code))
            continue;
          out.push({
            sentence,
            start: this.words[verb.from]?.start ?? 0,
            end: this.words[verb.to - 1]?.end ?? 0,
            code,
            source: a,
            target: b,
            mode: this.mode(verb.from),
            patternLine: found.line,
          });
        }
      }
      previous = { to: verb.to, source, coded: out.length > before };
    }
    return out;
  }
}

/** Whether a discard phrase occurs in the words (consecutively). */
function discarded(words: readonly Word[], phrases: readonly (readonly string[])[]): boolean {
  return phrases.some((p) => words.some((_, i) => p.every((w, k) => words[i + k]?.w === w)));
}

/**
 * Codes each sentence with PETRARCH dictionaries, from raw text: actors and agents by longest match
 * (actor codes chosen by the document date), verbs by their listed forms, then the verb's patterns
 * (most specific first) against the words around it, with shallow syntax for what the patterns leave
 * open: the subject is the nearest actor chunk before the verb in its clause, the object the first
 * after it, "X was … by Y" is passive, a compound subject without an object acts on itself.
 */
export function codeWithDictionaries(
  input: DictionaryCoderInput,
  dicts: PetrarchDictionaries,
): DictionaryEvent[] {
  const sentences = input.sentences.map((s) => sentenceWords(input.text, s, input.tokens));
  if (sentences.some((words) => discarded(words, dicts.discards.story))) return [];
  return sentences.flatMap((words, i) =>
    discarded(words, dicts.discards.sentence)
      ? []
      : new SentenceCoder(input.text, words, dicts, input.date).code(i),
  );
}
