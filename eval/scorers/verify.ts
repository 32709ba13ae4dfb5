import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Analyzer } from "../../src/analysis.js";
import { parsePublishedDate } from "../../src/document/date.js";
import type { Document } from "../../src/document/document.js";
import { openSqliteCorpusStore } from "../../src/store/sqlite/corpus-store.js";
import { openSqliteStore } from "../../src/store/sqlite/index.js";
import { checkDocument } from "../../src/verify/check.js";
import { pct, type Row, type Scorer } from "../scorer.js";
import { alter, type Edit } from "./verify-edits.js";

interface Record {
  id: string;
  cluster: string;
  url: string;
  lang: string;
  date: string;
  title: string | null;
  text: string;
}

const overlaps = (a: { start: number; end: number }, b: Edit) => a.start < b.end && b.start < a.end;

/**
 * Altered copies of the real reports, made at run time: for each report of a story, a copy with a
 * number, a date and a title changed where it has them and a paragraph of the other story appended.
 * Each copy is checked against the corpus of all the real reports (its true source among them)
 * without seeing its edits; then the findings are scored against the edits.
 */
export const verifyScorer: Scorer = {
  task: "verification",
  needs: ["corpus/real-dev.jsonl"],
  run(shared: string): Row[] {
    const analyzer = new Analyzer();
    const records = readFileSync(join(shared, "corpus/real-dev.jsonl"), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record);
    const dir = mkdtempSync(join(tmpdir(), "relata-eval-verify-"));
    const store = openSqliteStore(join(dir, "corpus.db"));
    const docs = new Map<string, Document>();
    for (const r of records) {
      const doc = analyzer.analyze({
        ...r,
        title: r.title ?? undefined,
        date: parsePublishedDate(r.date),
        metadata: { cluster: r.cluster },
      });
      docs.set(r.id, doc);
      store.put(doc);
    }
    // The real reports are placed in their stories, as an ingest does; the altered copies are not stored.
    const corpus = openSqliteCorpusStore(join(dir, "corpus.db"));
    corpus.update();
    const byKind = new Map<string, { made: number; found: number }>();
    let sourceFirst = 0;
    let copies = 0;
    let falseContradictions = 0;
    let untouched = 0;
    let paragraphs = 0;
    let falseUnsupported = 0;
    let copyContradictions = 0;
    const started = performance.now();
    for (const r of records) {
      if (r.cluster === "N") continue;
      const doc = docs.get(r.id) as Document;
      // A paragraph of a report of the other story in the same language, when there is one.
      const other = records.find((o) => o.lang === r.lang && o.cluster !== r.cluster && o.cluster !== "N");
      const unrelated = other?.text.split(/\n+/).find((p) => p.length > 80);
      const altered = alter(doc, analyzer, unrelated);
      const copy = analyzer.analyze({
        text: altered.text,
        title: doc.title,
        lang: doc.lang,
        date: doc.date,
        url: `${r.url}#altered`,
      });
      const report = checkDocument(copy, analyzer.kb, store, corpus);
      copies++;
      if (report.derivedFrom[0]?.doc === doc.id) sourceFirst++;
      const flagged = report.findings.filter(
        (f) => f.verdict === "contradicted" || f.verdict === "unsupported",
      );
      // Unsupported paragraphs the copy kept from its source: false alarms of the passage check.
      paragraphs += copy.layer("paragraphs").filter((p) => !p.headline).length;
      falseUnsupported += flagged.filter(
        (f) => f.verdict === "unsupported" && !altered.edits.some((e) => overlaps(f, e)),
      ).length;
      copyContradictions += flagged.filter(
        (f) => f.verdict === "contradicted" && !altered.edits.some((e) => overlaps(f, e)),
      ).length;
      for (const edit of altered.edits) {
        const tally = byKind.get(edit.kind) ?? { made: 0, found: 0 };
        tally.made++;
        if (flagged.some((f) => overlaps(f, edit))) tally.found++;
        byKind.set(edit.kind, tally);
      }
      untouched++;
      falseContradictions += checkDocument(doc, analyzer.kb, store, corpus).findings.filter(
        (f) => f.verdict === "contradicted",
      ).length;
    }
    const perCheck = (performance.now() - started) / (2 * copies);
    corpus.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
    const made = [...byKind.values()].reduce((n, t) => n + t.made, 0);
    const found = [...byKind.values()].reduce((n, t) => n + t.found, 0);
    const set = `real-dev C2+C3, ${copies} altered copies`;
    return [
      {
        task: this.task,
        set,
        measure: "edits found",
        value: `${found}/${made} (${pct(found, made)})`,
        note: `goal ≥ 90%; ${[...byKind].map(([k, t]) => `${k} ${t.found}/${t.made}`).join(", ")}`,
      },
      {
        task: this.task,
        set,
        measure: "true source ranked first",
        value: `${sourceFirst}/${copies} (${pct(sourceFirst, copies)})`,
        note: "goal ≥ 90%",
      },
      {
        task: this.task,
        set,
        measure: "contradictions outside the edits per 10 copies",
        value: ((10 * copyContradictions) / Math.max(copies, 1)).toFixed(2),
        note: "lower is better",
      },
      {
        task: this.task,
        set,
        measure: "kept paragraphs called unsupported",
        value: `${falseUnsupported}/${paragraphs} (${pct(falseUnsupported, paragraphs)})`,
        note: "lower is better",
      },
      {
        task: this.task,
        set: `real-dev C2+C3, ${untouched} untouched reports`,
        measure: "false contradictions per 10 reports",
        value: ((10 * falseContradictions) / Math.max(untouched, 1)).toFixed(2),
        note: `goal ≤ 1; ${perCheck.toFixed(0)} ms per check`,
      },
    ];
  },
};
