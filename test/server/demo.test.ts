import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../src/paths.js";
import { freePort } from "./free-port.js";

const demo = join(packageRoot(), "dist", "scripts", "demo.js");
const built = existsSync(demo);
if (!built) console.warn(`demo test skipped: ${demo} is missing (npm run build)`);
const dir = mkdtempSync(join(tmpdir(), "relata-demo-"));
let child: ChildProcess | undefined;

afterAll(() => {
  // SIGTERM, which the demo forwards to its server: no process outlives the test.
  child?.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!built)("npm run demo", () => {
  it("ingests the examples, then serves them at the URL it prints until stopped", async () => {
    const port = await freePort();
    const env = {
      ...process.env,
      RELATA_DB: join(dir, "demo.db"),
      RELATA_PORT: String(port),
      RELATA_TOKEN: "",
      // Not a terminal here: ask for the server explicitly.
      RELATA_DEMO_SERVE: "1",
    };
    child = spawn(process.execPath, [demo], { cwd: packageRoot(), env, stdio: ["ignore", "pipe", "pipe"] });
    const out = await new Promise<string>((resolve, reject) => {
      let text = "";
      child?.stdout?.on("data", (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes("write token")) resolve(text);
      });
      child?.on("exit", (code) => reject(new Error(`demo exited with ${code}: ${text}`)));
    });
    expect(out).toContain("$ relata ingest examples");
    const url = /relata serving .* at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
    expect(url).toBe(`http://127.0.0.1:${port}`);
    const { stories } = (await (await fetch(`${url}/api/stories`)).json()) as { stories: unknown[] };
    expect(stories.length).toBeGreaterThan(1);
    expect(await (await fetch(`${url}/`)).text()).toContain('<div id="app">');
    // Stopping the demo stops its server.
    const exited = new Promise<number | null>((resolve) => child?.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    await expect(fetch(`${url}/api/stats`)).rejects.toThrow();
  }, 120_000);
});
