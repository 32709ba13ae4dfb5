import { execFileSync, spawn } from "node:child_process";
import { join } from "node:path";
import { packageRoot } from "../src/paths.js";

/**
 * The README's first command ends here: it runs the real CLI on the project's example articles,
 * into the embedded default store, shows each command before what it printed, then serves the
 * web app on that store until interrupted, when run at a terminal (`--no-serve` or RELATA_DEMO_SERVE=0
 * stops before; RELATA_DEMO_SERVE=1 serves even without a terminal).
 */
const root = packageRoot();
const cli = join(root, "dist", "src", "cli", "main.js");
const db = process.env.RELATA_DB ?? join(root, "relata.db");

function run(args: string[]): void {
  process.stdout.write(`\n$ relata ${args.join(" ")}\n`);
  const out = execFileSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  process.stdout.write(out);
}

run(["ingest", "examples", "--db", db]);
run(["stats", "--db", db]);
run(["analyze", "examples/brics-kazan.it.txt", "--format", "text"]);
run(["check", "examples/altered/li-qiang-mosca.it.txt"]);
run(["search", "Kursk", "--db", db]);
run(["search", "Kazan", "--lang", "es", "--db", db]);
const port = process.env.RELATA_PORT ?? "8700";
const serve = ["serve", "--db", db, "--port", port];
// Serve only for a person at a terminal: a script or CI running the README's first command must see it end.
const interactive = process.stdout.isTTY === true && process.env.RELATA_DEMO_SERVE !== "0";
if (process.argv.includes("--no-serve") || !(interactive || process.env.RELATA_DEMO_SERVE === "1")) {
  process.stdout.write(`\nBrowse the database in the web app: node ${cli} ${serve.join(" ")}\n`);
} else {
  process.stdout.write(`\n$ relata ${serve.join(" ")}\n`);
  // The server prints its URL and the write token, and runs until Ctrl-C, which reaches it too.
  const server = spawn(process.execPath, [cli, ...serve], { cwd: root, stdio: "inherit" });
  server.on("exit", (code) => {
    process.exitCode = code ?? 0;
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
}
