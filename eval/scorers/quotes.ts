import { join } from "node:path";
import type { Document } from "../../src/document/document.js";
import { packageRoot } from "../../src/paths.js";
import type { Row, Scorer } from "../scorer.js";
import { f1Of, GOLD_LANGS, goldLines } from "./gold-files.js";

/**
 * relata's own quotes gold (eval/gold/quotes/<lang>.tsv, about 40 items per language): a quote is
 * found when a system quote contains the gold's first words; kind, speaker and via are then
 * compared (a speaker or source is right when its name or its text contains the gold's, or the
 * reverse, so "Volodymyr Zelenskyy" answers "Zelensky").
 */

interface GoldQuote {
  kind: string;
  words: string;
  speaker: string;
  via: string;
}

export type Analyze = (lang: string, text: string) => Document;

const norm = (s: string) => s.toLowerCase().replace(/’/g, "'").replace(/\s+/g, " ").trim();

function parseExpected(cell: string): GoldQuote[] {
  if (cell.trim() === "-") return [];
  return cell.split(" ;; ").map((item) => {
    const [kind = "", words = "", speaker = "-", via = "-"] = item.split(" | ").map((x) => x.trim());
    return { kind, words, speaker, via };
  });
}

function sameParty(gold: string, name: string | undefined, text: string | undefined): boolean {
  if (gold === "-") return name === undefined;
  return [name, text].some(
    (s) => s !== undefined && (norm(s).includes(norm(gold)) || norm(gold).includes(norm(s))),
  );
}

export function scoreQuotes(lang: string, analyze: Analyze) {
  const c = { gold: 0, system: 0, found: 0, kind: 0, speaker: 0, via: 0 };
  for (const [text, expected] of goldLines(join(packageRoot(), "eval/gold/quotes", `${lang}.tsv`))) {
    const doc = analyze(lang, text);
    const system = doc.layer("quotes");
    const gold = parseExpected(expected);
    c.gold += gold.length;
    c.system += system.length;
    const used = new Set<number>();
    for (const g of gold) {
      const i = system.findIndex(
        (q, k) => !used.has(k) && norm(doc.text.slice(q.start, q.end)).includes(norm(g.words)),
      );
      if (i < 0) continue;
      used.add(i);
      const q = system[i];
      const slice = (s: { start: number; end: number } | null | undefined) =>
        s && doc.text.slice(s.start, s.end);
      c.found++;
      if (q?.kind === g.kind) c.kind++;
      if (sameParty(g.speaker, q?.speaker?.name, slice(q?.speaker) ?? undefined)) c.speaker++;
      if (sameParty(g.via, q?.via?.name, slice(q?.via) ?? undefined)) c.via++;
    }
  }
  return c;
}

export function quoteRows(lang: string, c: ReturnType<typeof scoreQuotes>, note?: string): Row[] {
  const base = { task: "quotes (relata gold)", set: `${lang} (${c.gold} quotes)` };
  const share = (n: number) => (c.found ? `${((100 * n) / c.found).toFixed(1)}` : "n/a");
  return [
    {
      ...base,
      measure: "detection F1",
      value: f1Of(c.found, c.gold, c.system),
      note: `${c.system} found${note ? `; ${note}` : ""}`,
    },
    { ...base, measure: "kind accuracy", value: share(c.kind) },
    { ...base, measure: "speaker accuracy", value: share(c.speaker) },
    { ...base, measure: "via accuracy", value: share(c.via) },
  ];
}

export const quotesScorer: Scorer = {
  task: "quotes",
  needs: [],
  async run(): Promise<Row[]> {
    // The full pipeline (segmentation, entities) is what the gold measures.
    const { Analyzer } = await import("../../src/analysis.js");
    const analyzer = new Analyzer();
    const analyze: Analyze = (lang, text) =>
      analyzer.analyze({ text, lang, date: { value: "2024-08", precision: "month" } });
    return GOLD_LANGS.flatMap((lang) => quoteRows(lang, scoreQuotes(lang, analyze)));
  },
};
