import { randomBytes } from "node:crypto";
import type { Command } from "commander";
import { Analyzer } from "../analysis.js";
import { buildServer } from "../server/app.js";
import { openSqliteStore } from "../store/sqlite/index.js";
import { DEFAULT_DB, parsePositiveInt } from "./common.js";

interface ServeFlags {
  db: string;
  port: number;
  host: string;
}

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("serve the HTTP API on a database (OpenAPI at /api/openapi.json)")
    .option("--db <file>", "SQLite database", DEFAULT_DB)
    .option("--port <n>", "port to listen on", parsePositiveInt, 8700)
    .option("--host <address>", "address to bind; other than loopback exposes the API", "127.0.0.1")
    .action(async (flags: ServeFlags) => {
      // Write routes need a bearer token: the user's, or one made for this run and printed once.
      const token = process.env.RELATA_TOKEN || randomBytes(18).toString("base64url");
      const store = openSqliteStore(flags.db);
      const app = await buildServer({ store, analyzer: new Analyzer(), token, dbPath: flags.db });
      const address = await app.listen({ port: flags.port, host: flags.host });
      process.stdout.write(
        `relata serving ${flags.db} at ${address} (API under /api, OpenAPI at /api/openapi.json)\n`,
      );
      if (!process.env.RELATA_TOKEN)
        process.stdout.write(`write token for this run: ${token} (set RELATA_TOKEN to choose one)\n`);
      const stop = async () => {
        await app.close();
        store.close();
        process.exit(0);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
