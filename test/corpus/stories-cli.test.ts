import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, relata } from "../cli/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "relata-stories-cli-"));
const db = join(dir, "t.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let stories: { id: number; size: number; languages: string[] }[] = [];
beforeAll(() => {
  expect(relata(["ingest", fixture("corpus", "two-events.jsonl"), "--db", db]).status).toBe(0);
  const json = relata(["stories", "--db", db, "--format", "json"]);
  expect(json.status).toBe(0);
  stories = JSON.parse(json.stdout);
  // Two CLI processes, each loading the KB.
}, 60_000);

describe("relata stories and story", () => {
  it("lists the stories, biggest first, as JSON and as text", () => {
    expect(stories.map((s) => s.size)).toEqual([4, 4, 1]);
    const text = relata(["stories", "--db", db]).stdout.split("\n").filter(Boolean);
    expect(text).toHaveLength(3);
    expect(text[2]).toMatch(/^\d+ {2}1 doc {2}2021-07-23 {2}\[en\] {2}.*Tokyo/);
  });

  it("shows one story with its documents, and names a missing or malformed id", () => {
    const quake = stories.find((s) => s.languages.includes("pt"));
    const r = relata(["story", String(quake?.id), "--db", db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Morocco \(/);
    expect(r.stdout.match(/^ {2}\S+ {2}(en|fr|it|pt) /gm)).toHaveLength(4);

    const missing = relata(["story", "999", "--db", db]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no story 999/);
    expect(relata(["story", "abc", "--db", db]).status).toBe(2);
  });
});
