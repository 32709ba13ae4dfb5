import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv } from "ajv";
import { asyncBufferFromFile, parquetReadObjects } from "hyparquet";
import { beforeAll, describe, expect, it } from "vitest";
import { Analyzer } from "../../src/analysis.js";
import type { Document } from "../../src/document/document.js";
import {
  GDELT_EVENT_COLUMNS,
  GDELT_MENTION_COLUMNS,
  gdeltRowProblems,
  gdeltRows,
} from "../../src/export/gdelt.js";
import { relataRecords } from "../../src/export/jsonl.js";
import { ENTITY_TABLE, EVENT_TABLE, MENTION_TABLE, ParquetExport } from "../../src/export/parquet.js";
import { ploverRecords } from "../../src/export/plover.js";
import { PLOVER_RECORD_SCHEMA } from "../../src/export/plover-schema.js";
import { sharedRoot } from "../../src/paths.js";
import { readSource } from "../../src/readers/index.js";
import { openSource } from "../../src/readers/input.js";
import { openSqliteStore } from "../../src/store/sqlite/index.js";
import { relata } from "../cli/run-cli.js";

const fixture = (name: string) => join(import.meta.dirname, "fixtures", name);
const docs: Document[] = [];

beforeAll(async () => {
  const analyzer = new Analyzer();
  for (const name of ["summit.txt", "border.txt"])
    for await (const item of readSource(openSource(fixture(name)), {}))
      if (item.kind === "document") docs.push(analyzer.analyze(item.init));
}, 60_000);

describe("exports of seed-like events", () => {
  it("has events to export, some without a target", () => {
    const events = docs.flatMap((d) => d.layer("events"));
    expect(events.length).toBeGreaterThanOrEqual(6);
    expect(events.some((e) => e.target === null)).toBe(true);
  });

  it("round-trips relata JSON lines", () => {
    for (const doc of docs) {
      const records = relataRecords(doc);
      const lines = records.map((r) => JSON.stringify(r)).join("\n");
      expect(lines.split("\n").map((l) => JSON.parse(l))).toEqual(records);
    }
  });

  it("writes PLOVER lines that validate against the documented schema and read back equal", () => {
    const validate = new Ajv({ allErrors: true }).compile(PLOVER_RECORD_SCHEMA);
    for (const doc of docs) {
      const records = ploverRecords(doc);
      for (const line of records.map((r) => JSON.stringify(r))) {
        const back = JSON.parse(line);
        expect(validate(back), JSON.stringify(validate.errors)).toBe(true);
      }
      expect(records.map((r) => JSON.parse(JSON.stringify(r)))).toEqual(records);
    }
    expect(validate({ id: "x", date: "2024", actor: [], event: "CONSULT", extra: 1 })).toBe(false);
  });

  it("writes GDELT 2.0 event and mention rows with the documented columns and types", () => {
    let id = 1;
    for (const doc of docs) {
      const rows = gdeltRows(doc, id);
      const events = doc.layer("events");
      expect(rows.events.length).toBe(events.length);
      // Round trip through the TSV text.
      const tsv = rows.events.map((r) => r.join("\t")).join("\n");
      expect(tsv.split("\n").map((l) => l.split("\t"))).toEqual(rows.events);
      rows.events.forEach((row, i) => {
        expect(gdeltRowProblems(row, GDELT_EVENT_COLUMNS)).toEqual([]);
        const field = (name: string) => row[GDELT_EVENT_COLUMNS.findIndex(([n]) => n === name)];
        const e = events[i];
        expect(field("GLOBALEVENTID")).toBe(String(id + i));
        expect(field("EventCode")).toBe(e?.code);
        expect(field("EventRootCode")).toBe(e?.root);
        expect(field("QuadClass")).toBe(String(e?.quad));
        expect(field("Actor1Code")).toBe(e?.source?.cameo ?? "");
        expect(field("Actor2Code")).toBe(e?.target?.cameo ?? "");
        expect(field("SQLDATE")).toBe((e?.date ?? "").replace(/-/g, ""));
        expect(field("SOURCEURL")).toBe(doc.url ?? "");
        const paragraph = doc.layer("sentences")[e?.sentence ?? -1]?.paragraph ?? -1;
        expect(field("IsRootEvent")).toBe(paragraph <= 1 ? "1" : "0");
      });
      for (const row of rows.mentions) expect(gdeltRowProblems(row, GDELT_MENTION_COLUMNS)).toEqual([]);
      id += rows.events.length;
    }
    const attack = docs.flatMap((d) => gdeltRows(d, 1).events).find((r) => r[26] === "190");
    expect(attack?.slice(5, 8)).toEqual(["UKRMIL", expect.stringContaining("UKRAIN"), "UKR"]);
    expect(attack?.[GDELT_EVENT_COLUMNS.findIndex(([n]) => n === "ActionGeo_FullName")]).toBe("Kursk");
  });

  it("lists the same GDELT columns as the GDELT field list", () => {
    for (const [file, columns] of [
      ["events2.csv", GDELT_EVENT_COLUMNS],
      ["mentions.csv", GDELT_MENTION_COLUMNS],
    ] as const) {
      const path = join(sharedRoot(), "data", "gdelt", file);
      if (!existsSync(path)) continue;
      const names = readFileSync(path, "utf8")
        .split("\n")
        .filter((l) => /^[A-Za-z0-9_]+,(INTEGER|FLOAT|STRING),/.test(l))
        .map((l) => l.split(",").slice(0, 2));
      expect(names).toEqual(columns.map(([n, t]) => [n, t]));
    }
  });

  it("writes Parquet tables partitioned by month that read back equal to the stored events", async () => {
    const dir = mkdtempSync(join(tmpdir(), "relata-parquet-"));
    const out = new ParquetExport();
    for (const doc of docs) out.add(doc);
    const files = out.write(dir);
    expect(files.map((f) => f.slice(dir.length + 1)).sort()).toEqual([
      "entities/month=2024-08/part-0.parquet",
      "entities/month=2024-09/part-0.parquet",
      "events/month=2024-08/part-0.parquet",
      "events/month=2024-09/part-0.parquet",
      "mentions/month=2024-08/part-0.parquet",
      "mentions/month=2024-09/part-0.parquet",
    ]);
    const read = async (table: string, month: string) =>
      parquetReadObjects({
        file: await asyncBufferFromFile(join(dir, table, `month=${month}`, "part-0.parquet")),
      });
    const [august, september] = docs;
    if (!august || !september) throw new Error("fixtures missing");
    const expected = relataRecords(august).map((r, i) =>
      Object.fromEntries(
        EVENT_TABLE.columns.map(([name, , get]) => [name, get({ ...r, id: `${august.id}-${i}` })]),
      ),
    );
    expect(await read("events", "2024-08")).toEqual(expected);
    const mentions = await read("mentions", "2024-09");
    expect(mentions.length).toBe(september.layer("entities").length);
    expect(Object.keys(mentions[0] ?? {})).toEqual(MENTION_TABLE.columns.map(([n]) => n));
    const entities = await read("entities", "2024-09");
    expect(Object.keys(entities[0] ?? {})).toEqual(ENTITY_TABLE.columns.map(([n]) => n));
    expect(entities.find((e) => e.kb_id && e.cameo === "RUS")).toMatchObject({ documents: 1 });
  });
});

describe("relata export --format gdelt and parquet", () => {
  const db = join(mkdtempSync(join(tmpdir(), "relata-export-")), "corpus.db");

  it("writes events.tsv and mentions.tsv, and refuses Parquet without a folder", () => {
    const store = openSqliteStore(db);
    store.putMany(docs);
    store.close();
    const out = mkdtempSync(join(tmpdir(), "relata-gdelt-"));
    const r = relata(["export", "--db", db, "--format", "gdelt", "--out", out]);
    expect(r.status).toBe(0);
    const rows = (file: string) =>
      readFileSync(join(out, file), "utf8")
        .replace(/\n$/, "")
        .split("\n")
        .map((l) => l.split("\t"));
    const events = rows("events.tsv");
    expect(events.length).toBeGreaterThanOrEqual(6);
    for (const row of events) expect(gdeltRowProblems(row, GDELT_EVENT_COLUMNS)).toEqual([]);
    expect(rows("mentions.tsv").map((m) => m[0])).toEqual(events.map((e) => e[0]));
    const stdout = relata(["export", "--db", db, "--format", "gdelt"]);
    expect(stdout.stdout.replace(/\n$/, "").split("\n")).toEqual(events.map((e) => e.join("\t")));
    const plover = relata(["export", "--db", db, "--format", "plover", "--out", out]);
    expect(plover.status).toBe(0);
    expect(readFileSync(join(out, "events.plover.jsonl"), "utf8")).toBe(
      relata(["export", "--db", db, "--format", "plover"]).stdout,
    );
    const parquet = relata(["export", "--db", db, "--format", "parquet"]);
    expect(parquet.status).toBe(2);
    expect(parquet.stderr).toMatch(/--out DIR/);
  });
});
