import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, relata } from "./run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "relata-cli-"));
const db = join(dir, "t.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("relata ingest, search, stats", () => {
  it("ingests the good documents of a batch, names each bad input, and exits 0", () => {
    const r = relata(["ingest", fixture("cli", "batch"), fixture("cli", "seed-it.txt"), "--db", db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/4 added, 0 new versions, 0 unchanged, 3 errors/);
    expect(r.stderr).toMatch(/empty\.txt/);
    expect(r.stderr).toMatch(/image\.txt.*binary/);
    expect(r.stderr).toMatch(/truncated\.jsonl:1/);
  });

  it("adds nothing when the same inputs are ingested again", () => {
    const r = relata([
      "ingest",
      fixture("cli", "batch", "good.jsonl"),
      fixture("cli", "seed-it.txt"),
      "--db",
      db,
    ]);
    expect(r.stdout).toMatch(/0 added, 0 new versions, 4 unchanged, 0 errors/);
    const stats = JSON.parse(relata(["stats", "--db", db, "--format", "json"]).stdout);
    expect(stats.documents).toBe(4);
    expect(stats.byLang).toEqual({ en: 1, es: 2, it: 1 });
    expect(stats.annotations.sentences).toBeGreaterThan(10);
  });

  it("searches with accents folded and filters by language and date", () => {
    const search = (...args: string[]) =>
      (JSON.parse(relata(["search", ...args, "--db", db, "--format", "json"]).stdout) as { lang: string }[])
        .map((h) => h.lang)
        .sort();
    // As typed, accents folded: only the Spanish "Moscú".
    expect(search("Moscu", "--exact")).toEqual(["es"]);
    // With the KB's names of the city in other languages: "Moscow" and "Mosca" too.
    expect(search("Moscu")).toEqual(["en", "es", "it"]);
    const kursk = JSON.parse(
      relata(["search", "Kursk", "--lang", "es", "--db", db, "--format", "json"]).stdout,
    );
    expect(kursk).toHaveLength(1);
    const dated = JSON.parse(
      relata(["search", "Kursk", "--to", "2024-08-08", "--db", db, "--format", "json"]).stdout,
    );
    expect(dated.map((h: { lang: string }) => h.lang)).toEqual(["en"]);
    expect(relata(["search", 'Kursk" OR (', "--db", db]).status).toBe(0);
  });

  it("exits 1 when nothing at all could be ingested", () => {
    const r = relata(["ingest", fixture("cli", "batch", "empty.txt"), join(dir, "missing.txt"), "--db", db]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/missing\.txt/);
  });
});
