import { existsSync } from "node:fs";
import { join } from "node:path";
import { sharedRoot } from "../src/paths.js";
import type { Row, Scorer } from "./scorer.js";
import { amountsScorer } from "./scorers/amounts.js";
import { seedMentionsScorer } from "./scorers/amounts-quotes-times-seed.js";
import { eventsPetrarchScorer } from "./scorers/events-petrarch.js";
import { eventsPloverScorer } from "./scorers/events-plover.js";
import { fiveWScorer } from "./scorers/fivew.js";
import { geoScorer } from "./scorers/geo.js";
import { langIdScorer } from "./scorers/langid.js";
import { linkingScorer } from "./scorers/linking.js";
import { nerScorer } from "./scorers/ner.js";
import { quotesScorer } from "./scorers/quotes.js";
import { storiesScorer } from "./scorers/stories.js";
import { dedupScorer } from "./scorers/stories-dedup.js";
import { timexScorer } from "./scorers/timex.js";
import { toneScorer } from "./scorers/tone.js";
import { verifyScorer } from "./scorers/verify.js";
import { verifySeedScorer } from "./scorers/verify-seed.js";

/** Every scorer of `npm run eval`, in the order their rows are printed. */
const SCORERS: Scorer[] = [
  langIdScorer,
  nerScorer,
  linkingScorer,
  geoScorer,
  timexScorer,
  fiveWScorer,
  amountsScorer,
  quotesScorer,
  toneScorer,
  eventsPloverScorer,
  eventsPetrarchScorer,
  seedMentionsScorer,
  verifyScorer,
  verifySeedScorer,
  dedupScorer,
  storiesScorer,
];

function printTable(rows: Row[]): void {
  const head: Row = { task: "task", set: "set", measure: "measure", value: "value", note: "note" };
  const cols = ["task", "set", "measure", "value"] as const;
  const width = Object.fromEntries(
    cols.map((c) => [c, Math.max(...[head, ...rows].map((r) => r[c].length))]),
  );
  for (const r of [head, ...rows]) {
    const line = `${cols.map((c) => r[c].padEnd(width[c] ?? 0)).join("  ")}  ${r.note ?? ""}`;
    process.stdout.write(`${line.trimEnd()}\n`);
  }
}

async function main(): Promise<void> {
  const shared = sharedRoot();
  if (!existsSync(shared)) {
    process.stdout.write(
      `eval: skipped, no shared folder at ${shared} (set RELATA_SHARED to point at one)\n`,
    );
    return;
  }
  const rows: Row[] = [];
  // `--only verification,stories` runs the scorers of those tasks.
  const only = process.argv[process.argv.indexOf("--only") + 1]?.split(",");
  for (const scorer of SCORERS) {
    if (process.argv.includes("--only") && !only?.includes(scorer.task)) continue;
    const missing = scorer.needs.filter((p) => !existsSync(join(shared, p)));
    if (missing.length) {
      process.stdout.write(`eval: ${scorer.task} skipped, missing ${missing.join(", ")}\n`);
      continue;
    }
    rows.push(...(await scorer.run(shared)));
  }
  printTable(rows);
  if (process.argv.includes("--json")) process.stdout.write(`${JSON.stringify(rows)}\n`);
}

await main();
