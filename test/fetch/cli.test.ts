import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSite, type TestSite } from "./server.js";

const root = join(import.meta.dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "relata-fetch-"));
let site: TestSite;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The real CLI in a child process, run asynchronously so that this process's test server can answer it. */
async function relata(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const r = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", join(root, "src/cli/main.ts"), ...args],
      { cwd: root },
    );
    return { status: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { status: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("relata fetch", () => {
  it("fetches a feed and the article behind its summary-only item, and stores them", async () => {
    const db = join(dir, "t.db");
    const r = await relata([
      "fetch",
      `${site.origin}/feed.xml`,
      "--db",
      db,
      "--allow-private",
      "--rate",
      "0",
    ]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/2 added, 0 new versions, 0 unchanged, 0 errors/);
    const stats = JSON.parse((await relata(["stats", "--db", db, "--format", "json"])).stdout);
    expect(stats.documents).toBe(2);
  });

  it("refuses a loopback address without --allow-private", async () => {
    const r = await relata(["fetch", `${site.origin}/articles/2`, "--db", join(dir, "u.db")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/127\.0\.0\.1.*loopback.*--allow-private/);
  });
});
