import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Analyzer } from "../../src/analysis.js";
import type { Document } from "../../src/document/document.js";
import { ingestPaths } from "../../src/ingest.js";
import { readSource } from "../../src/readers/index.js";
import { openSource } from "../../src/readers/input.js";
import { openSqliteCorpusStore } from "../../src/store/sqlite/corpus-store.js";
import { openSqliteStore } from "../../src/store/sqlite/index.js";
import { checkDocument } from "../../src/verify/check.js";
import type { Finding } from "../../src/verify/finding.js";
import type { Row, Scorer } from "../scorer.js";

const SEED = "corpus/000_c7ca7f641c353b9e.txt";
const CORPUS = "corpus/real-dev.jsonl";

/** The seed's known alterations that real-dev holds evidence for (issue 7), as gold for this scorer only. */
function expectations(doc: Document, findings: readonly Finding[]): [string, boolean][] {
  const at = (kind: string, text: string) => findings.find((f) => f.kind === kind && f.text === text);
  const paragraphs = doc.layer("paragraphs");
  const appended = paragraphs
    .slice(-2)
    .map((p, i): [string, boolean] => [
      `appended paragraph ${i + 1} unsupported`,
      findings.some((f) => f.verdict === "unsupported" && f.start < p.end && p.start < f.end),
    ]);
  const time = at("time", "due mesi fa");
  return [
    [
      '"vicepremier" contradicted by the KB',
      at("role", "vicepremier")?.verdict === "contradicted" &&
        (at("role", "vicepremier")?.evidence.some((e) => "kb" in e) ?? false),
    ],
    [
      '"due mesi fa" contradicted by reports of 6 August',
      time?.verdict === "contradicted" && (time?.evidence.some((e) => "doc" in e) ?? false),
    ],
    ...appended,
  ];
}

/**
 * `relata check` on the seed with real-dev ingested, as a user runs it: the corpus is ingested and
 * placed in stories, then the seed is stored, placed and checked against it.
 */
export const verifySeedScorer: Scorer = {
  task: "seed check",
  needs: [SEED, CORPUS],
  async run(shared: string): Promise<Row[]> {
    const analyzer = new Analyzer();
    const dir = mkdtempSync(join(tmpdir(), "relata-eval-seed-"));
    const path = join(dir, "corpus.db");
    const store = openSqliteStore(path);
    const corpus = openSqliteCorpusStore(path);
    try {
      await ingestPaths(store, analyzer, [join(shared, CORPUS)], { corpus });
      let seed: Document | undefined;
      for await (const item of readSource(openSource(join(shared, SEED)), {}))
        if (item.kind === "document") seed = analyzer.analyze(item.init);
      if (!seed) throw new Error(`${SEED}: no document read`);
      store.put(seed);
      corpus.update();
      const report = checkDocument(seed, analyzer.kb, store, corpus);
      const results = expectations(seed, report.findings);
      const expectedSpans = ["vicepremier", "due mesi fa"];
      const others = report.findings.filter(
        (f) => f.verdict === "contradicted" && !expectedSpans.includes(f.text),
      );
      return [
        {
          task: "verification (issue 7)",
          set: `${SEED} against real-dev`,
          measure: "acceptance",
          value: `${results.filter(([, ok]) => ok).length}/${results.length}`,
          note: results
            .filter(([, ok]) => !ok)
            .map(([label]) => `missed: ${label}`)
            .join("; "),
        },
        {
          task: "verification (issue 7)",
          set: `${SEED} against real-dev`,
          measure: "other contradictions",
          value: String(others.length),
          note: others.map((f) => `"${f.text}"`).join(", ") || "goal 0",
        },
      ];
    } finally {
      corpus.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
