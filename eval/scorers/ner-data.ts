import { readFileSync } from "node:fs";
import { pct } from "../scorer.js";

export type NerType = "PER" | "ORG" | "LOC";

export interface NerSentence {
  readonly doc: string;
  readonly tokens: string[];
  readonly tags: string[];
}

/** UNER `.iob2` (CoNLL-U-like: id, token, tag, …, `# newdoc id`) or KIND (token, tag; blank line between sentences). */
export function readNer(file: string, format: "uner" | "kind"): NerSentence[] {
  const out: NerSentence[] = [];
  let doc = "doc0";
  let cur: NerSentence = { doc, tokens: [], tags: [] };
  let sentences = 0;
  const flush = () => {
    if (cur.tokens.length) out.push(cur);
    sentences++;
    // KIND has no document marks: make documents of 20 sentences so discourse rules have some context.
    if (format === "kind" && sentences % 20 === 0) doc = `doc${sentences}`;
    cur = { doc, tokens: [], tags: [] };
  };
  for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
    if (line.startsWith("# newdoc id")) doc = line.split("=")[1]?.trim() ?? doc;
    if (line.startsWith("#")) continue;
    if (!line.trim()) {
      flush();
      continue;
    }
    const cells = line.split("\t");
    const [token, tag] = format === "uner" ? [cells[1], cells[2]] : [cells[0], cells[1]];
    if (format === "uner" && cells[0]?.includes("-")) continue;
    cur.tokens.push(token ?? "");
    cur.tags.push((tag ?? "O").replace(/-(OTH|MISC)$/, "") === "O" ? "O" : (tag ?? "O"));
  }
  flush();
  return out;
}

/** Entity spans of a BIO tag sequence: `type:first:last`. */
export function spans(tags: readonly string[]): string[] {
  const out: string[] = [];
  let open: { type: string; first: number } | undefined;
  const close = (i: number) => {
    if (open) out.push(`${open.type}:${open.first}:${i - 1}`);
    open = undefined;
  };
  tags.forEach((tag, i) => {
    const [bio, type] = tag.split("-");
    if (bio === "B" || (bio === "I" && open?.type !== type)) {
      close(i);
      if (type === "PER" || type === "ORG" || type === "LOC") open = { type, first: i };
    } else if (bio !== "I") close(i);
  });
  close(tags.length);
  return out;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export function score(
  gold: readonly string[][],
  predicted: readonly string[][],
  type?: string,
  typed = true,
): Counts {
  const c: Counts = { tp: 0, fp: 0, fn: 0 };
  const keep = (s: string) => !type || s.startsWith(`${type}:`);
  const strip = (s: string) => (typed ? s : s.slice(s.indexOf(":")));
  gold.forEach((g, i) => {
    const gs = new Set(g.filter(keep).map(strip));
    const ps = new Set((predicted[i] ?? []).filter(keep).map(strip));
    for (const p of ps) if (gs.has(p)) c.tp++;
    c.fp += [...ps].filter((p) => !gs.has(p)).length;
    c.fn += [...gs].filter((g) => !ps.has(g)).length;
  });
  return c;
}

export function prf(c: Counts): string {
  const p = c.tp / (c.tp + c.fp || 1);
  const r = c.tp / (c.tp + c.fn || 1);
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return `P ${pct(c.tp, c.tp + c.fp)} R ${pct(c.tp, c.tp + c.fn)} F1 ${(100 * f).toFixed(1)}`;
}
