import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { packageRoot } from "../src/paths.js";

/**
 * The README's first command ends here: it runs the real CLI on the project's example articles,
 * into the embedded default store, and shows each command before what it printed.
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
process.stdout.write(
  `\nThe database is ${db}. Browse it in the web app: node ${cli} serve --db ${db}, then open http://127.0.0.1:8700\n`,
);
