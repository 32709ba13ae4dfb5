import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parsePetrarchActors } from "./importers/petrarch.js";
import { parseWikidataResults } from "./importers/wikidata.js";
import { importsDir, KnowledgeBase, loadKbRecords } from "./kb.js";
import { formatKbRecords, parseKbText } from "./records.js";
import type { KbRecords } from "./schema.js";

export type ImportFormat = "wikidata" | "petrarch";

export interface ImportResult {
  readonly file: string;
  readonly entities: number;
  readonly names: number;
  readonly holds: number;
  readonly cameo: number;
}

/**
 * Reads a user file into the KB folder as `imports/<name>.<format>.kb.tsv`. The whole file is
 * parsed and checked first (a malformed one throws a KbFormatError naming file:line and nothing is
 * written); the result is written to a temporary file and renamed, so a reader of the KB sees the
 * old import or the new one, never half of one.
 */
export function importIntoKb(format: ImportFormat, file: string, kbDir: string): ImportResult {
  const text = readFileSync(file, "utf8");
  const records: KbRecords =
    format === "wikidata"
      ? parseWikidataResults(text, file, new KnowledgeBase(loadKbRecords(kbDir)))
      : parsePetrarchActors(text, file);
  const out = formatKbRecords(
    records,
    `Imported by \`relata kb import --${format}\` from ${basename(file)}.`,
  );
  parseKbText(out, file);
  const dir = importsDir(kbDir);
  mkdirSync(dir, { recursive: true });
  const target = join(
    dir,
    `${basename(file)
      .replace(/\.[^.]*$/, "")
      .replace(/[^\w.-]+/g, "_")}.${format}.kb.tsv`,
  );
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, out);
    renameSync(tmp, target);
  } finally {
    rmSync(tmp, { force: true });
  }
  return {
    file: target,
    entities: records.entities.length,
    names: records.names.length,
    holds: records.holds.length,
    cameo: records.cameo.length,
  };
}
