import type Database from "better-sqlite3";

/**
 * Deletes a document's row, layers and full-text entry, inside the caller's transaction. The
 * version that replaced it, if any, is chained to the one it replaced, so that the versions of a
 * URL stay one chain. Rows of other tables that point to the document must be gone already.
 * Returns the id of the version it replaced, if any.
 */
export function deleteDocument(db: Database.Database, id: string): { previousId: string | undefined } {
  const row = db.prepare("SELECT seq, title, text, previous_id FROM documents WHERE id = ?").get(id) as
    | { seq: number; title: string | null; text: string; previous_id: string | null }
    | undefined;
  if (!row) throw new Error(`no document ${id} to delete`);
  db.prepare("DELETE FROM layers WHERE doc_id = ?").run(id);
  // External-content FTS5: a row is deleted by giving back the exact values it indexed.
  db.prepare("INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)").run(
    row.seq,
    row.title,
    row.text,
  );
  // previous_id is unique: free it before the successor takes it over.
  db.prepare("UPDATE documents SET previous_id = NULL WHERE id = ?").run(id);
  db.prepare("UPDATE documents SET previous_id = ? WHERE previous_id = ?").run(row.previous_id, id);
  try {
    db.prepare("DELETE FROM documents WHERE id = ?").run(id);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot delete document ${id}: other records still refer to it (${reason})`, {
      cause: error,
    });
  }
  return { previousId: row.previous_id ?? undefined };
}
