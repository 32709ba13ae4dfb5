import Database from "better-sqlite3";
import type { CheckReport } from "../../verify/check.js";
import type { CheckStore, StoredCheck, VerdictCounts } from "../../verify/check-store.js";
import { migrate } from "./migrations.js";

/**
 * Opens the stored checks of the database at `path`; `kb` names the knowledge base the checks are
 * made with, so that a check made with another one counts as stale.
 */
export function openSqliteCheckStore(path: string, kb: string): SqliteCheckStore {
  const db = new Database(path);
  try {
    db.pragma("busy_timeout = 5000");
    db.pragma("foreign_keys = ON");
    migrate(db);
    return new SqliteCheckStore(db, kb);
  } catch (error) {
    db.close();
    throw error;
  }
}

/** What a stored check was computed against. */
interface CheckBasis {
  story_id: number | null;
  story_size: number;
  corpus_seq: number;
  kb: string;
}

interface CheckRow extends CheckBasis {
  report: string;
  checked_at: string;
}

/** Each story's size and newest document by storage order. */
const STORY_STATES = `
  SELECT o.story_id AS story, COUNT(*) AS size, MAX(d.seq) AS seq
  FROM story_members o JOIN documents d ON d.id = o.doc_id`;
/** The same for the story of one document. */
const STORY_STATE = `${STORY_STATES}
  WHERE o.story_id = (SELECT story_id FROM story_members WHERE doc_id = ?) GROUP BY o.story_id`;

interface StoryState {
  story: number;
  size: number;
  seq: number;
}

export class SqliteCheckStore implements CheckStore {
  private readonly write: (report: CheckReport) => void;

  constructor(
    private readonly db: Database.Database,
    private readonly kb: string,
  ) {
    this.write = db.transaction((report: CheckReport) => {
      const state = this.storyState(report.doc);
      // Both tables, so that rows a tool deleted without foreign keys cannot get in the way.
      db.prepare("DELETE FROM findings WHERE doc_id = ?").run(report.doc);
      db.prepare("DELETE FROM checks WHERE doc_id = ?").run(report.doc);
      db.prepare(
        `INSERT INTO checks (doc_id, story_id, story_size, corpus_seq, kb, checked_at, report)
         VALUES (?, ?, ?, (SELECT COALESCE(MAX(seq), 0) FROM documents), ?, ?, ?)`,
      ).run(
        report.doc,
        state?.story ?? null,
        state?.size ?? 0,
        kb,
        new Date().toISOString(),
        JSON.stringify(report),
      );
      const insert = db.prepare(
        `INSERT INTO findings (doc_id, idx, span_start, span_end, kind, verdict, confidence)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      report.findings.forEach((f, i) => {
        insert.run(report.doc, i, f.start, f.end, f.kind, f.verdict, f.confidence);
      });
    });
  }

  get(docId: string): StoredCheck | undefined {
    const row = this.db
      .prepare("SELECT report, checked_at, story_id, story_size, corpus_seq, kb FROM checks WHERE doc_id = ?")
      .get(docId) as CheckRow | undefined;
    if (!row) return undefined;
    return {
      report: JSON.parse(row.report),
      checkedAt: row.checked_at,
      stale: this.isStale(row, this.storyState(docId)),
    };
  }

  save(report: CheckReport): void {
    this.write(report);
  }

  due(): string[] {
    // Each story's state once, not once per member; the reports themselves are not read.
    const states = new Map(
      (this.db.prepare(`${STORY_STATES} GROUP BY o.story_id`).all() as StoryState[]).map((s) => [s.story, s]),
    );
    const rows = this.db
      .prepare(
        `SELECT d.id, m.story_id AS member_of, c.doc_id IS NOT NULL AS checked,
           c.story_id, c.story_size, c.corpus_seq, c.kb
         FROM latest_documents d LEFT JOIN checks c ON c.doc_id = d.id
           LEFT JOIN story_members m ON m.doc_id = d.id
         ORDER BY d.seq`,
      )
      .all() as (CheckBasis & { id: string; member_of: number | null; checked: 0 | 1 })[];
    return rows
      .filter(
        (r) => !r.checked || this.isStale(r, r.member_of === null ? undefined : states.get(r.member_of)),
      )
      .map((r) => r.id);
  }

  verdicts(): VerdictCounts {
    const rows = this.db
      .prepare("SELECT verdict, COUNT(*) AS n FROM findings GROUP BY verdict ORDER BY verdict")
      .all() as { verdict: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.verdict, r.n]));
  }

  close(): void {
    this.db.close();
  }

  private storyState(docId: string): StoryState | undefined {
    return this.db.prepare(STORY_STATE).get(docId) as StoryState | undefined;
  }

  private isStale(row: CheckBasis, state: StoryState | undefined): boolean {
    if (row.kb !== this.kb) return true;
    if ((state?.story ?? null) !== row.story_id || (state?.size ?? 0) !== row.story_size) return true;
    return state !== undefined && state.seq > row.corpus_seq;
  }
}
