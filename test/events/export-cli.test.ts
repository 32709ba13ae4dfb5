import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ploverProblems } from "../../src/export/plover.js";
import { fixture, relata } from "../cli/run-cli.js";

describe("relata export", () => {
  const db = join(mkdtempSync(join(tmpdir(), "relata-export-")), "corpus.db");

  it("writes the stored events as relata JSON lines and as valid PLOVER records", () => {
    expect(relata(["ingest", fixture("events", "export-en.txt"), "--db", db]).status).toBe(0);
    const own = relata(["export", "--db", db]);
    expect(own.status).toBe(0);
    const records = own.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(records).toContainEqual(
      expect.objectContaining({
        code: "163",
        text: "imposed sanctions",
        source: expect.objectContaining({ cameo: "CAN" }),
      }),
    );
    const body = records.find((r) => r.text === "imposed sanctions");
    expect(body.sentenceText).toBe("Canada imposed sanctions on Russia on Monday.");
    const plover = relata(["export", "--format", "plover", "--db", db]);
    const lines = plover.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.length).toBe(records.length);
    for (const line of lines) expect(ploverProblems(line)).toEqual([]);
  });

  it("names a missing database and rejects an unknown format", () => {
    const missing = relata(["export", "--db", join(tmpdir(), "no-such-relata.db")]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/database not found/);
    expect(relata(["export", "--format", "xml", "--db", db]).status).toBe(2);
  });
});
