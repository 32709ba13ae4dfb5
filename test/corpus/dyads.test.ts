import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Analyzer } from "../../src/analysis.js";
import type { DyadPoint } from "../../src/corpus/dyads.js";
import { ingestPaths } from "../../src/ingest.js";
import { openSqliteCorpusStore } from "../../src/store/sqlite/corpus-store.js";
import { openSqliteStore } from "../../src/store/sqlite/index.js";
import { migrate } from "../../src/store/sqlite/migrations.js";
import type { StoredDocument } from "../../src/store/store.js";
import { fixture, relata } from "../cli/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "relata-dyads-"));
const db = join(dir, "t.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let documents: StoredDocument[] = [];
beforeAll(async () => {
  const store = openSqliteStore(db);
  const corpus = openSqliteCorpusStore(db);
  try {
    await ingestPaths(store, new Analyzer(), [fixture("dyads", "russia-china.jsonl")], { corpus });
    const ids = corpus.stories().flatMap((s) => corpus.story(s.id)?.documents.map((d) => d.id) ?? []);
    documents = ids.map((id) => store.get(id) as StoredDocument);
  } finally {
    corpus.close();
    store.close();
  }
}, 60_000);

const country = (cameo: string | undefined) => cameo?.slice(0, 3);

/**
 * The monthly RUS–CHN series computed straight from the stored `events` layers: events the text
 * says happened, dated to their own day or else the published day, between actors whose CAMEO
 * codes start with the two countries, in either direction unless `directed`.
 */
function expected(directed: boolean) {
  const months = new Map<
    string,
    { events: number; goldstein: number; outlets: Set<string>; plover: Record<string, number> }
  >();
  for (const doc of documents) {
    for (const e of doc.layers.events ?? []) {
      if (e.mode !== "asserted" && e.mode !== "reported") continue;
      const [a, b] = [country(e.source?.cameo), country(e.target?.cameo)];
      const forward = a === "RUS" && b === "CHN";
      const backward = a === "CHN" && b === "RUS";
      if (!forward && !(backward && !directed)) continue;
      const day = /^\d{4}-\d{2}-\d{2}/.test(e.date ?? "") ? (e.date as string) : doc.date?.value;
      const month = (day as string).slice(0, 7);
      const m = months.get(month) ?? { events: 0, goldstein: 0, outlets: new Set(), plover: {} };
      m.events++;
      m.goldstein += e.goldstein;
      m.outlets.add(doc.source ?? "");
      m.plover[e.plover] = (m.plover[e.plover] ?? 0) + 1;
      months.set(month, m);
    }
  }
  return months;
}

function dyad(args: string[]): DyadPoint[] {
  const r = relata(["dyad", ...args, "--db", db, "--format", "json"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

describe("stored events and dyad series", () => {
  it("stores every event annotation of every placed document", () => {
    const corpus = openSqliteCorpusStore(db);
    try {
      for (const doc of documents) {
        const stored = corpus.events({ docId: doc.id });
        expect(stored.map((e) => e.code)).toEqual((doc.layers.events ?? []).map((e) => e.code));
        expect(stored.every((e) => e.outlet === doc.source)).toBe(true);
      }
      const negated = corpus.events({ actor: "RUS", from: "2024-05" }).filter((e) => e.mode === "negated");
      expect(negated).toHaveLength(1);
    } finally {
      corpus.close();
    }
  });

  it("gives events stored before places were kept their places from the stored layers", () => {
    const old = join(dir, "before-places.db");
    copyFileSync(db, old);
    const raw = new Database(old);
    try {
      // The database as it stood at schema version 4, then brought up to date.
      raw.exec("DROP INDEX events_place; ALTER TABLE events DROP COLUMN place_kb; PRAGMA user_version = 4");
      migrate(raw);
      const rows = raw.prepare("SELECT doc_id, idx, place_kb FROM events").all() as {
        doc_id: string;
        idx: number;
        place_kb: string | null;
      }[];
      const byDoc = new Map(documents.map((d) => [d.id, d.layers.events ?? []]));
      expect(rows.some((r) => r.place_kb !== null)).toBe(true);
      for (const r of rows) expect(r.place_kb).toBe(byDoc.get(r.doc_id)?.[r.idx]?.place?.kbId ?? null);
    } finally {
      raw.close();
    }
  });

  it("finds events by PLOVER type and by place, as the layers have them", () => {
    const corpus = openSqliteCorpusStore(db);
    try {
      const layered = documents.flatMap((d) => d.layers.events ?? []);
      const types = [...new Set(layered.map((e) => e.plover).filter(Boolean))];
      expect(types.length).toBeGreaterThan(1);
      for (const plover of types)
        expect(corpus.events({ plover }).length).toBe(layered.filter((e) => e.plover === plover).length);
      const places = [...new Set(layered.map((e) => e.place?.kbId).filter((p): p is string => !!p))];
      expect(places.length).toBeGreaterThan(0);
      for (const place of places) {
        const found = corpus.events({ place });
        expect(found.length).toBe(layered.filter((e) => e.place?.kbId === place).length);
        expect(found.every((e) => e.place === place)).toBe(true);
      }
    } finally {
      corpus.close();
    }
  });

  it("prints a monthly series whose counts match the stored events, in either direction", () => {
    for (const directed of [false, true]) {
      const points = dyad([
        "RUS",
        "CHN",
        "--from",
        "2024-01",
        "--to",
        "2024-12",
        ...(directed ? ["--directed"] : []),
      ]);
      expect(points.map((p) => p.period)).toEqual(
        Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, "0")}`),
      );
      const want = expected(directed);
      expect(want.size).toBeGreaterThanOrEqual(2);
      for (const p of points) {
        const m = want.get(p.period);
        expect(p.events, p.period).toBe(m?.events ?? 0);
        expect(p.goldstein).toBeCloseTo(m?.goldstein ?? 0, 6);
        expect(p.sources).toBe(m?.outlets.size ?? 0);
        expect(p.plover).toEqual(m?.plover ?? {});
        expect(Object.values(p.quad).reduce((x, y) => x + y, 0)).toBe(p.events);
      }
    }
    // Both March reports (en and it, two outlets) count; the negated and the planned May events do not.
    const [march] = dyad(["RUS", "CHN", "--from", "2024-03", "--to", "2024-03"]);
    expect(march).toMatchObject({ period: "2024-03", first: "2024-03-01", last: "2024-03-31", sources: 2 });
    expect(march?.plover.AGREE).toBeGreaterThanOrEqual(2);
  });

  it("buckets by ISO week and day, and matches entities by KB id", () => {
    const weeks = dyad(["rus", "chn", "--from", "2024-03-04", "--to", "2024-03-17", "--by", "week"]);
    expect(weeks.map((w) => [w.period, w.first, w.last])).toEqual([
      ["2024-W10", "2024-03-04", "2024-03-10"],
      ["2024-W11", "2024-03-11", "2024-03-17"],
    ]);
    expect(weeks[0]?.events).toBe(expected(false).get("2024-03")?.events);
    const days = dyad(["RUS", "CHN", "--from", "2024-05-15", "--to", "2024-05-21", "--by", "day"]);
    expect(days).toHaveLength(7);
    expect(days.filter((d) => d.events > 0).map((d) => d.period)).toEqual(["2024-05-16", "2024-05-20"]);
    // Vladimir Putin (Q7747) praising Xi Jinping (Q15031).
    const leaders = dyad(["Q7747", "Q15031", "--from", "2024-03", "--to", "2024-03"]);
    expect(leaders[0]?.plover).toMatchObject({ SUPPORT: 1 });
  });

  it("writes CSV with a column per QuadClass and PLOVER type, and names bad input", () => {
    const r = relata([
      "dyad",
      "RUS",
      "CHN",
      "--from",
      "2024-03",
      "--to",
      "2024-05",
      "--format",
      "csv",
      "--db",
      db,
    ]);
    const [header, ...rows] = r.stdout.trim().split("\n");
    expect(header).toMatch(/^period,first,last,events,quad1,quad2,quad3,quad4,goldstein,sources,.*AGREE/);
    expect(rows).toHaveLength(3);
    expect(relata(["dyad", "RUS", "CHN", "--by", "year", "--db", db]).status).toBe(2);
    const backwards = relata(["dyad", "RUS", "CHN", "--from", "2024-05", "--to", "2024-01", "--db", db]);
    expect(backwards.stderr).toMatch(/ends \(2024-01\) before it starts \(2024-05\)/);
    const missing = relata(["dyad", "RUS", "CHN", "--db", join(dir, "none.db")]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no database at .*none\.db/);
  });
});
