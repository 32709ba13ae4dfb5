import { existsSync } from "node:fs";
import Database from "better-sqlite3";

/**
 * Ids of the newest version of every stored document, oldest ingest first, read over a separate
 * read-only connection so that exports need nothing beyond the Store interface's `get`.
 */
export function latestDocumentIds(path: string): string[] {
  if (!existsSync(path)) throw new Error(`database not found: ${path}`);
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (
      db.prepare("SELECT id FROM latest_documents ORDER BY ingested_at, id").all() as { id: string }[]
    ).map((r) => r.id);
  } finally {
    db.close();
  }
}
