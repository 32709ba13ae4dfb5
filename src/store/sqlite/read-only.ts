import { existsSync } from "node:fs";
import Database from "better-sqlite3";

/**
 * A read-only connection to a store's database file, for the server's browsing queries (facets,
 * mentions, events): they read what the Store and CorpusStore wrote, and never lock out a writer.
 */
export function openReadOnly(path: string): Database.Database {
  if (!existsSync(path)) throw new Error(`database not found: ${path}`);
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  return db;
}
