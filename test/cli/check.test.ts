import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, relata } from "./run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "relata-check-cli-"));
const examples = join(import.meta.dirname, "..", "..", "examples");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("relata check", () => {
  it("prints the report contract with role findings and their evidence", () => {
    const r = relata(["check", fixture("cli", "seed-it.txt"), "--format", "json", ...none()]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(["doc", "story", "derivedFrom", "findings"]);
    const premier = report.findings.find((f: { text: string }) => f.text === "premier");
    expect(premier).toMatchObject({ kind: "role", verdict: "corroborated" });
    expect(premier.message).toMatch(/Li Qiang/);
  });

  it("reads a readable report from standard input and fails when nothing can be checked", () => {
    const ok = relata(
      ["check", "-", "--lang", "en", "--date", "2024-08-21", ...none()],
      "Chinese Vice Premier Li Qiang met Putin.",
    );
    expect(ok.stdout).toMatch(/\[contradicted\] role "Vice Premier"/);
    expect(relata(["check", fixture("cli", "batch", "empty.txt"), ...none()]).status).toBe(1);
  });
});

describe("relata check with a corpus", () => {
  const db = ["--db", join(dir, "corpus.db")];
  const checkedCount = (stderr: string) => Number(/checked (\d+) documents/.exec(stderr)?.[1]);

  it("checks every document once with --all, then only those with new evidence", () => {
    expect(relata(["ingest", join(examples, "articles.jsonl"), ...db]).status).toBe(0);
    const first = relata(["check", "--all", ...db]);
    expect(first.status).toBe(0);
    expect(checkedCount(first.stderr)).toBe(8);
    expect(checkedCount(relata(["check", "--all", ...db]).stderr)).toBe(0);

    // A new article joins the corpus and its story, and is checked against it.
    const altered = relata([
      "check",
      join(examples, "altered", "li-qiang-mosca.it.txt"),
      "--format",
      "json",
      ...db,
    ]);
    expect(altered.status).toBe(0);
    const report = JSON.parse(altered.stdout);
    expect(typeof report.story).toBe("number");
    expect(report.findings).toContainEqual(
      expect.objectContaining({ verdict: "unsupported", text: expect.stringMatching(/^Molti osservatori/) }),
    );
    expect(JSON.parse(relata(["stats", "--format", "json", ...db]).stdout).documents).toBe(9);

    // The stored report is what a check by id returns, until the evidence changes.
    const byId = relata(["check", report.doc, "--format", "json", ...db]);
    expect(JSON.parse(byId.stdout)).toEqual(report);
    const again = relata(["check", "--all", ...db]);
    expect(checkedCount(again.stderr)).toBeGreaterThan(0);
    expect(again.stderr).toMatch(/stored findings: .*\d+ contradicted/);
    expect(checkedCount(relata(["check", "--all", ...db]).stderr)).toBe(0);
  });

  it("says what is wrong when --all has no corpus to check", () => {
    const r = relata(["check", "--all", ...none()]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/--all needs a corpus: no database at/);
  });
});

/** Without a corpus: a database that does not exist is not created. */
function none(): string[] {
  return ["--db", join(dir, "missing.db")];
}
