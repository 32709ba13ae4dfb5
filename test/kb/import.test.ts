import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importIntoKb } from "../../src/kb/import.js";
import { importsDir, KnowledgeBase, loadKbRecords } from "../../src/kb/kb.js";
import { KbFormatError } from "../../src/kb/records.js";

const fixture = (f: string) => join(import.meta.dirname, "..", "fixtures", "kb", f);
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "relata-kb-"));
  copyFileSync(fixture("mini.kb.tsv"), join(dir, "mini.kb.tsv"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const reason = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(KbFormatError);
    return (error as Error).message;
  }
  throw new Error("expected a KbFormatError");
};

describe("relata kb import --wikidata", () => {
  it("adds people, their offices with dates and their labels", () => {
    const result = importIntoKb("wikidata", fixture("wikidata-ok.json"), dir);
    expect(result).toMatchObject({ entities: 3, holds: 2 });
    const kb = new KnowledgeBase(loadKbRecords(dir));
    // The position the KB knows by QID keeps its office; the new one is typed from its label.
    expect(kb.officesOn("Q111", "2020-06-01").map((o) => o.office.id)).toEqual(["r:TST.head_of_government"]);
    expect(kb.officesOn("Q111", "2023-01-10")).toEqual([]);
    expect(kb.officesOn("Q222", "2021-07")[0]?.office).toMatchObject({
      kind: "foreign_minister",
      country: "TST",
    });
    expect(kb.officesOn("Q222", "2021-07")[0]?.fact.precision).toBe("year");
    expect(kb.index.lookup("ada esempio").map((e) => e.id)).toEqual(["Q111"]);
  });

  it("refuses a row without a person, naming the line it starts on, and writes nothing", () => {
    expect(reason(() => importIntoKb("wikidata", fixture("wikidata-no-person.json"), dir))).toMatch(
      /wikidata-no-person\.json:\d+: row without a person/,
    );
    const line = Number(
      /json:(\d+)/.exec(reason(() => importIntoKb("wikidata", fixture("wikidata-no-person.json"), dir)))?.[1],
    );
    expect(readFileSync(fixture("wikidata-no-person.json"), "utf8").split("\n")[line - 1]?.trim()).toBe("{");
    expect(existsSync(importsDir(dir))).toBe(false);
  });

  it("refuses a file that is not JSON", () => {
    expect(reason(() => importIntoKb("wikidata", fixture("wikidata-truncated.json"), dir))).toMatch(
      /wikidata-truncated\.json:\d+: not JSON/,
    );
  });
});

describe("relata kb import --petrarch", () => {
  it("adds actors with their synonyms and dated CAMEO codes", () => {
    importIntoKb("petrarch", fixture("petrarch-ok.txt"), dir);
    const kb = new KnowledgeBase(loadKbRecords(dir));
    const ada = kb.index.lookup("ada b example")[0]?.id as string;
    expect(kb.entity(ada)?.name).toBe("Ada Example");
    expect(kb.cameoOn(ada, "2020-01-01")).toBe("TSTGOV");
    expect(kb.cameoOn(ada, "2024-01-01")).toBe("TSTELI");
    expect(kb.cameoOn(kb.index.lookup("carla test")[0]?.id as string, "1998")).toBe("TSTOPP");
    expect(kb.cameoOn(kb.index.lookup("bo sample")[0]?.id as string, "2010")).toBe("TSTGOVMIL");
  });

  it("refuses a malformed code line with file:line and keeps the previous import whole", () => {
    importIntoKb("petrarch", fixture("petrarch-ok.txt"), dir);
    const before = readdirSync(importsDir(dir)).map((f) => readFileSync(join(importsDir(dir), f), "utf8"));
    // Same file name as the good import: a failed re-import must not replace or truncate it.
    const bad = join(dir, "petrarch-ok.txt");
    writeFileSync(bad, readFileSync(fixture("petrarch-bad.txt")));
    expect(reason(() => importIntoKb("petrarch", bad, dir))).toMatch(/petrarch-ok\.txt:4: bad code block/);
    const after = readdirSync(importsDir(dir)).map((f) => readFileSync(join(importsDir(dir), f), "utf8"));
    expect(after).toEqual(before);
  });
});
