import type { Chunk, SentenceChunks } from "./chunks.js";
import type { PatternElement, VerbForm, VerbPattern } from "./verbs.js";
import type { Word } from "./words.js";

/** A verb found in a sentence: word indices and the dictionary forms it may be. */
export interface VerbSpan {
  readonly from: number;
  readonly to: number;
  readonly forms: readonly VerbForm[];
}

/** What a verb's patterns gave: the code, the pattern's line and the chunks its `$`, `+`, `%` bound. */
export interface PatternMatch {
  readonly code: string;
  /** Line of the matched pattern, null when the verb's own code applied. */
  readonly line: number | null;
  readonly source?: Chunk;
  readonly target?: Chunk;
  readonly compound?: Chunk;
  /** First word the pattern covered before the verb (the verb's own first word when none). */
  readonly lo: number;
}

type Bindings = Partial<Pick<PatternMatch, "source" | "target" | "compound" | "lo">>;

export interface PatternContext {
  readonly words: readonly Word[];
  readonly synsets: ReadonlyMap<string, readonly (readonly string[])[]>;
  readonly chunks: SentenceChunks;
}

/**
 * Tries the patterns of every block the verb belongs to, most specific first, and returns the first
 * that matches; else the verb's own code. Words tied by `_` must be consecutive; a blank lets other
 * words come between; `$`, `+`, `%` bind a chunk; `^` skips a chunk or one word.
 */
export function matchVerbPatterns(verb: VerbSpan, ctx: PatternContext): PatternMatch {
  const patterns: VerbPattern[] = [...new Set(verb.forms.map((f) => f.block))].flatMap((b) => b.patterns);
  for (const p of patterns) {
    const up = matchUpper(ctx, p.upper, 0, verb.to, {});
    const low = up && matchLower(ctx, p.lower, 0, verb.from - 1, up);
    if (low) return { ...low, code: p.code, line: p.line, lo: low.lo ?? verb.from };
  }
  return { code: verb.forms.find((f) => f.code !== "---")?.code ?? "---", line: null, lo: verb.from };
}

/** `%` needs a compound: a chunk of at least two coordinated actors. */
const binds = (kind: "source" | "target" | "compound", chunk: Chunk) =>
  kind !== "compound" || new Set(chunk.actors.map((a) => a.part)).size > 1;

const phraseAt = (ctx: PatternContext, words: readonly string[], at: number) =>
  at >= 0 && words.every((w, k) => ctx.words[at + k]?.w === w);

/** Elements after the verb, nearest first, rightwards from word `pos`. */
function matchUpper(
  ctx: PatternContext,
  els: readonly PatternElement[],
  k: number,
  pos: number,
  b: Bindings,
): Bindings | undefined {
  const e = els[k];
  if (!e) return b;
  const last = e.adjacent ? pos : ctx.words.length - 1;
  for (let p = pos; p <= last && p < ctx.words.length; p++)
    for (const [len, bind] of elementAt(ctx, e, p)) {
      const r = matchUpper(ctx, els, k + 1, p + len, { ...b, ...bind });
      if (r) return r;
    }
  return undefined;
}

/** Elements before the verb, nearest first, leftwards from word `pos`. */
function matchLower(
  ctx: PatternContext,
  els: readonly PatternElement[],
  k: number,
  pos: number,
  b: Bindings,
): Bindings | undefined {
  const e = els[k];
  if (!e) return b;
  for (let end = pos; end >= (e.adjacent ? pos : 0); end--)
    for (const [len, bind] of elementEndingAt(ctx, e, end)) {
      const r = matchLower(ctx, els, k + 1, end - len, { ...b, ...bind, lo: end - len + 1 });
      if (r) return r;
    }
  return undefined;
}

/** Ways element `e` can match starting at word `p`: [words consumed, bindings]. */
function elementAt(ctx: PatternContext, e: PatternElement, p: number): [number, Bindings][] {
  const w = ctx.words[p]?.w;
  if (w === undefined) return [];
  if (e.kind === "word") return w === e.word ? [[1, {}]] : [];
  if (e.kind === "synset")
    return (ctx.synsets.get(e.name) ?? []).filter((ph) => phraseAt(ctx, ph, p)).map((ph) => [ph.length, {}]);
  const chunk = ctx.chunks.startingAt(p);
  if (e.kind === "skip") return [[chunk ? chunk.to - p : 1, {}]];
  return chunk && binds(e.kind, chunk) ? [[chunk.to - p, { [e.kind]: chunk }]] : [];
}

/** Ways element `e` can match ending at word `end`. */
function elementEndingAt(ctx: PatternContext, e: PatternElement, end: number): [number, Bindings][] {
  const w = ctx.words[end]?.w;
  if (w === undefined) return [];
  if (e.kind === "word") return w === e.word ? [[1, {}]] : [];
  if (e.kind === "synset")
    return (ctx.synsets.get(e.name) ?? [])
      .filter((ph) => phraseAt(ctx, ph, end - ph.length + 1))
      .map((ph) => [ph.length, {}]);
  const found = ctx.chunks.containing(end);
  const chunk = found && found.to - 1 === end ? found : undefined;
  if (e.kind === "skip") return [[chunk ? chunk.to - chunk.from : 1, {}]];
  return chunk && binds(e.kind, chunk) ? [[chunk.to - chunk.from, { [e.kind]: chunk }]] : [];
}
