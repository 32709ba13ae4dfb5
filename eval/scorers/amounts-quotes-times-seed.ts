import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Document } from "../../src/document/document.js";
import type { Row, Scorer } from "../scorer.js";

/**
 * The acceptance expectations of the mention stages on the seed article (issue 4), checked on
 * the full pipeline: each row says which expectation holds and what relata found instead.
 */

const SEED = "corpus/000_c7ca7f641c353b9e.txt";

type Check = [label: string, holds: (doc: Document) => string | true];

const slice = (doc: Document, a: { start: number; end: number }) => doc.text.slice(a.start, a.end);

function time(text: string, value: string): Check {
  return [
    `"${text}" → ${value}`,
    (doc) => {
      const hit = doc.layer("times").find((t) => slice(doc, t).includes(text));
      return hit?.value === value || `${hit ? hit.value : "not found"}`;
    },
  ];
}

function amount(text: string, value: number, unit: string, modifier?: string): Check {
  return [
    `"${text}" → ${value} ${unit}${modifier ? ` ${modifier}` : ""}`,
    (doc) => {
      const hit = doc.layer("amounts").find((a) => slice(doc, a) === text);
      const ok = hit && hit.value === value && hit.unit === unit && hit.modifier === modifier;
      return ok || (hit ? `${hit.value} ${hit.unit} ${hit.modifier ?? ""}` : "not found");
    },
  ];
}

function quote(words: string, speaker: RegExp, via: RegExp): Check {
  return [
    `quote "${words}…" → speaker ${speaker.source}, via ${via.source}`,
    (doc) => {
      const q = doc.layer("quotes").find((x) => slice(doc, x).startsWith(words));
      const ok = q && speaker.test(q.speaker?.name ?? "") && via.test(q.via?.name ?? "");
      return ok || (q ? `speaker ${q.speaker?.name ?? "-"}, via ${q.via?.name ?? "-"}` : "not found");
    },
  ];
}

const CHECKS: Check[] = [
  time("due mesi fa", "2024-06"),
  time("lo scorso anno", "2023"),
  time("2023", "2023"),
  time("2022", "2022"),
  time("tra gennaio e luglio di quest'anno", "2024-01/2024-07"),
  time("quattro giorni", "P4D"),
  amount("$240 miliardi", 240_000_000_000, "USD"),
  amount("più del 25%", 25, "%", ">"),
  amount("1,6%", 1.6, "%"),
  quote("crescita a pieno ritmo", /^Li( Qiang)?$/, /cinesi|China|Chinese/),
  quote("Date queste circostanze", /^Li( Qiang)?$/, /russi|Russia/),
];

export const seedMentionsScorer: Scorer = {
  task: "seed mentions",
  needs: [SEED],
  async run(shared: string): Promise<Row[]> {
    const { Analyzer } = await import("../../src/analysis.js");
    const source = readFileSync(join(shared, SEED), "utf8");
    const [, date = "", title = ""] = /^\s*date\s+(\S+)\s+(.*)$/m.exec(source) ?? [];
    const body = source.slice(source.indexOf("\n") + 1).trim();
    const doc = new Analyzer().analyze({
      lang: "it",
      title,
      date: { value: date, precision: date.length === 7 ? "month" : "day" },
      text: `${title}\n\n${body}`,
    });
    const results = CHECKS.map(([label, holds]) => [label, holds(doc)] as const);
    const passed = results.filter(([, r]) => r === true).length;
    return [
      {
        task: "seed mentions (issue 4)",
        set: SEED,
        measure: "acceptance",
        value: `${passed}/${CHECKS.length}`,
        note: results
          .filter(([, r]) => r !== true)
          .map(([label, r]) => `${label}: got ${r}`)
          .join("; "),
      },
    ];
  },
};
