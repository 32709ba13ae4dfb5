import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, relata } from "../cli/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "relata-workers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("relata ingest --workers", () => {
  it("stores the same documents with one worker thread or two", () => {
    const counts = (workers: string) => {
      const db = join(dir, `w${workers}.db`);
      const r = relata([
        "ingest",
        fixture("cli", "batch"),
        fixture("cli", "seed-it.txt"),
        "--db",
        db,
        "--workers",
        workers,
      ]);
      expect(r.status).toBe(0);
      const stats = JSON.parse(relata(["stats", "--db", db, "--format", "json"]).stdout);
      return { line: /\d+ added.*errors/.exec(r.stdout)?.[0], annotations: stats.annotations };
    };
    const one = counts("1");
    expect(one.line).toBe("4 added, 0 new versions, 0 unchanged, 3 errors");
    expect(counts("2")).toEqual(one);
  }, 120_000);

  it("rejects a worker count that is not a positive whole number", () => {
    const r = relata(["ingest", fixture("cli", "seed-it.txt"), "--db", join(dir, "x.db"), "--workers", "0"]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/--workers.*positive whole number/);
  });
});
