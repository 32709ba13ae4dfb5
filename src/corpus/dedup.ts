import { fnv1a, words } from "./hash.js";

/** MinHash over word shingles, with LSH banding to find candidate near-duplicates without a full scan. */
export const SHINGLE = 3;
export const BANDS = 20;
export const ROWS = 4;
/**
 * Estimated Jaccard similarity of shingle sets above which two texts of one language are the same
 * story text (a wire copy with a changed line, a boilerplate footer or reordered paragraphs).
 * With 20 bands of 4 rows a pair at 0.5 is a candidate with probability 0.73, one at 0.7 with 0.99.
 */
export const NEAR_DUPLICATE = 0.5;

export type Signature = readonly number[];

/** The word shingles of a text; a text shorter than a shingle is one shingle of all its words. */
export function shingles(text: string, size = SHINGLE): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  if (w.length <= size) {
    if (w.length) out.add(w.join(" "));
    return out;
  }
  for (let i = 0; i + size <= w.length; i++) out.add(w.slice(i, i + size).join(" "));
  return out;
}

export function minhash(text: string): Signature {
  const sig = new Array<number>(BANDS * ROWS).fill(0xffffffff);
  for (const shingle of shingles(text)) {
    for (let i = 0; i < sig.length; i++) {
      const h = fnv1a(shingle, i + 1);
      if (h < (sig[i] as number)) sig[i] = h;
    }
  }
  return sig;
}

/** Band keys, prefixed with the language so that candidates are only sought within it. */
export function bandKeys(lang: string, sig: Signature): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    keys.push(`${lang}:${b}:${sig.slice(b * ROWS, (b + 1) * ROWS).join(".")}`);
  }
  return keys;
}

export function similarity(a: Signature, b: Signature): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

export interface DedupText {
  readonly id: string;
  readonly lang: string;
  readonly text: string;
}

/**
 * The near-duplicate pairs among texts held in memory, found the way the store finds them: LSH
 * candidates of the same language, kept when their signatures agree enough. Ids in input order.
 */
export function nearDuplicatePairs(texts: readonly DedupText[]): [string, string][] {
  const sigs = texts.map((t) => minhash(t.text));
  const buckets = new Map<string, number[]>();
  const candidates = new Set<string>();
  for (const [i, t] of texts.entries()) {
    for (const key of bandKeys(t.lang, sigs[i] as Signature)) {
      const bucket = buckets.get(key) ?? [];
      for (const j of bucket) candidates.add(`${j} ${i}`);
      bucket.push(i);
      buckets.set(key, bucket);
    }
  }
  const pairs: [string, string][] = [];
  for (const c of [...candidates].sort()) {
    const [j, i] = c.split(" ").map(Number) as [number, number];
    if (similarity(sigs[j] as Signature, sigs[i] as Signature) >= NEAR_DUPLICATE) {
      pairs.push([(texts[j] as DedupText).id, (texts[i] as DedupText).id]);
    }
  }
  return pairs;
}
