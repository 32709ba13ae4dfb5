import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadPetrarchDictionaries, type PetrarchDictionaries } from "../../src/events/petrarch/load.js";
import {
  type CategoryScore,
  parseValidationRecords,
  scoreValidation,
  validationFiles,
} from "../../src/events/petrarch/validation.js";
import { pct, type Row, type Scorer } from "../scorer.js";

const UNIT_TESTS = "eval/events/petrarch-unit/PETR.UnitTest.records.xml";

/**
 * PETRARCH's unit-test records coded from their `<Text>` alone (the `<Parse>` trees are ignored) with
 * the dictionaries their `<Environment>` names: the share of expected events produced with source,
 * target and code all right, and the share of produced events no record expected, overall and per
 * category. `--failures` prints every record that missed or added an event.
 */
export const eventsPetrarchScorer: Scorer = {
  task: "events-petrarch",
  needs: [UNIT_TESTS],
  run(shared) {
    const path = join(shared, UNIT_TESTS);
    const xml = readFileSync(path, "utf8");
    let dicts: PetrarchDictionaries;
    try {
      dicts = loadPetrarchDictionaries(validationFiles(xml, path));
    } catch (error) {
      // A missing or broken dictionary is reported as this scorer's row; the other scorers still run.
      const value = `not run: ${error instanceof Error ? error.message : String(error)}`;
      return [
        { task: "events-petrarch", set: "PETR unit tests", measure: "expected events produced", value },
      ];
    }
    const scores = scoreValidation(parseValidationRecords(xml), dicts);
    const total: CategoryScore = { expected: 0, produced: 0, found: 0, unexpected: 0, failures: [] };
    for (const s of scores.values()) {
      total.expected += s.expected;
      total.produced += s.produced;
      total.found += s.found;
      total.unexpected += s.unexpected;
      total.failures.push(...s.failures);
    }
    const rows = (set: string, s: CategoryScore, anchors: boolean): Row[] => [
      {
        task: "events-petrarch",
        set,
        measure: "expected events produced",
        value: `${pct(s.found, s.expected)} (${s.found}/${s.expected})`,
        note: anchors ? "UniversalPetrarch 68%; goal >= 85%" : undefined,
      },
      {
        task: "events-petrarch",
        set,
        measure: "produced events not expected",
        value: `${pct(s.unexpected, s.produced)} (${s.unexpected}/${s.produced})`,
        note: anchors ? "UniversalPetrarch 23%; goal <= 10%" : undefined,
      },
    ];
    if (process.argv.includes("--failures")) for (const f of total.failures) process.stdout.write(`${f}\n`);
    return [
      ...rows("PETR unit tests", total, true),
      ...[...scores]
        .sort(([a], [b]) => a.localeCompare(b))
        .flatMap(([category, s]) => rows(`  ${category}`, s, false)),
    ];
  },
};
