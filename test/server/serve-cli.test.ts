import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../src/paths.js";
import { freePort } from "./free-port.js";

const dir = mkdtempSync(join(tmpdir(), "relata-serve-"));
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `relata serve` and resolves with everything it printed once it printed its token. */
function serve(args: string[]): Promise<string> {
  const root = packageRoot();
  const env = { ...process.env, RELATA_TOKEN: "" };
  child = spawn(process.execPath, ["--import", "tsx", join(root, "src/cli/main.ts"), "serve", ...args], {
    cwd: root,
    env,
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child?.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("write token")) resolve(out);
    });
    child?.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}

describe("relata serve", () => {
  it("serves the API on a new database, prints its URL and a write token that works", async () => {
    const port = await freePort();
    const out = await serve(["--db", join(dir, "new.db"), "--port", String(port)]);
    const url = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
    expect(url).toBe(`http://127.0.0.1:${port}`);
    const token = /write token for this run: (\S+)/.exec(out)?.[1];
    expect((await fetch(`${url}/api/stories`)).status).toBe(200);
    const ingest = (authorization: string) =>
      fetch(`${url}/api/ingest`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization },
        body: JSON.stringify({ documents: [{ text: "Vladimir Putin spoke in Moscow.", lang: "en" }] }),
      });
    expect((await ingest("Bearer wrong")).status).toBe(401);
    expect((await ingest(`Bearer ${token}`)).status).toBe(200);
    const { stories } = (await (await fetch(`${url}/api/stories`)).json()) as { stories: unknown[] };
    expect(stories).toHaveLength(1);
  }, 60_000);
});
