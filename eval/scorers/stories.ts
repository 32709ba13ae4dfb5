import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Analyzer } from "../../src/analysis.js";
import { clusterScores } from "../../src/corpus/cluster-measures.js";
import { parsePublishedDate } from "../../src/document/date.js";
import { openSqliteCorpusStore } from "../../src/store/sqlite/corpus-store.js";
import { openSqliteStore } from "../../src/store/sqlite/index.js";
import type { Row, Scorer } from "../scorer.js";

interface Record {
  id: string;
  cluster: string;
  url?: string;
  lang: string;
  date?: string | null;
  title?: string | null;
  text: string;
}

const fmt = (x: number) => x.toFixed(3);

/**
 * Story clustering on the real multilingual excerpts, ingested in file order into a fresh
 * database: pairwise and B-cubed against the `cluster` field, noise (N) counted as singletons.
 */
export const storiesScorer: Scorer = {
  task: "stories",
  needs: ["corpus/real-dev.jsonl"],
  run(shared: string): Row[] {
    const records = readFileSync(join(shared, "corpus/real-dev.jsonl"), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record);
    const dir = mkdtempSync(join(tmpdir(), "relata-stories-"));
    try {
      const path = join(dir, "corpus.db");
      const analyzer = new Analyzer();
      const store = openSqliteStore(path);
      const goldOfDoc = new Map<string, Record>();
      store.putMany(
        records.map((r) => {
          const doc = analyzer.analyze({
            url: r.url,
            lang: r.lang,
            date: r.date ? parsePublishedDate(r.date) : undefined,
            title: r.title ?? undefined,
            text: r.text,
          });
          goldOfDoc.set(doc.id, r);
          return doc;
        }),
      );
      store.close();
      const corpus = openSqliteCorpusStore(path);
      corpus.update();
      // Read the stories at the end: a later document may have merged two earlier ones.
      const gold = new Map<string, string>();
      const predicted = new Map<string, string>();
      for (const summary of corpus.stories()) {
        for (const member of corpus.story(summary.id)?.documents ?? []) {
          const rec = goldOfDoc.get(member.id) as Record;
          gold.set(rec.id, rec.cluster);
          predicted.set(rec.id, String(summary.id));
        }
      }
      corpus.close();
      const scores = clusterScores(gold, predicted, (label) => label === "N");
      const storiesOf = (cluster: string) =>
        new Set(records.filter((r) => r.cluster === cluster).map((r) => predicted.get(r.id)));
      const leaks = records
        .filter((r) => r.cluster === "N")
        .filter((r) => [...storiesOf("C2"), ...storiesOf("C3")].includes(predicted.get(r.id)))
        .map((r) => r.id);
      const row = (measure: string, value: string, note?: string): Row => ({
        task: this.task,
        set: "real-dev.jsonl",
        measure,
        value,
        ...(note ? { note } : {}),
      });
      return [
        row(
          "pairwise P/R/F1",
          [scores.pairwise.precision, scores.pairwise.recall, scores.pairwise.f1].map(fmt).join("/"),
          "goal F1 ≥ 0.9",
        ),
        row(
          "B-cubed P/R/F1",
          [scores.bcubed.precision, scores.bcubed.recall, scores.bcubed.f1].map(fmt).join("/"),
        ),
        row(
          "stories C2/C3",
          `${storiesOf("C2").size}/${storiesOf("C3").size}`,
          leaks.length ? `noise inside: ${leaks.join(", ")}` : "goal 1/1, no noise inside",
        ),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
