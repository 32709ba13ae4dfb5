import type Database from "better-sqlite3";
import type { Corroboration, FactSupport } from "../../corpus/corpus-store.js";
import { type FactKind, statedFacts } from "../../corpus/facts.js";
import type { PlacedDocument } from "./event-tables.js";

/**
 * Facts and the annotations supporting them. A fact's counts are recounted from its supports
 * whenever a document adds or removes one, so they are always those of the corpus as it stands.
 */
export class FactTables {
  private readonly insertFact;
  private readonly insertSupport;
  private readonly recount;
  private readonly dropUnsupported;

  constructor(private readonly db: Database.Database) {
    this.insertFact = db.prepare(
      "INSERT OR IGNORE INTO facts (fact, kind, label, mentions, documents, outlets) VALUES (?, ?, ?, 0, 0, 0)",
    );
    this.insertSupport = db.prepare(
      `INSERT OR IGNORE INTO fact_supports (fact, doc_id, layer, idx, source, span_start, span_end)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.recount = db.prepare(
      `UPDATE facts SET (mentions, documents, outlets) =
         (SELECT count(*), count(DISTINCT doc_id), count(DISTINCT source) FROM fact_supports WHERE fact = @fact)
       WHERE fact = @fact`,
    );
    this.dropUnsupported = db.prepare("DELETE FROM facts WHERE fact = ? AND mentions = 0");
  }

  /** Records the facts the document states; returns how many supporting annotations it added. */
  add(doc: PlacedDocument): number {
    const facts = statedFacts(doc);
    for (const f of facts) {
      this.insertFact.run(f.key, f.kind, f.label);
      this.insertSupport.run(f.key, doc.id, f.layer, f.index, doc.outlet, f.start, f.end);
    }
    for (const key of new Set(facts.map((f) => f.key))) this.recount.run({ fact: key });
    return facts.length;
  }

  /** Withdraws the document's supports, recounting the facts it stated and dropping those left unsupported. */
  remove(docId: string): number {
    const keys = this.keysOf(docId);
    const { changes } = this.db.prepare("DELETE FROM fact_supports WHERE doc_id = ?").run(docId);
    for (const key of keys) {
      this.recount.run({ fact: key });
      this.dropUnsupported.run(key);
    }
    return changes;
  }

  corroboration(fact: string): Corroboration | undefined {
    const row = this.db
      .prepare("SELECT fact, kind, label, mentions, documents, outlets FROM facts WHERE fact = ?")
      .get(fact) as Omit<Corroboration, "supports"> & { kind: FactKind };
    if (!row) return undefined;
    const supports = this.db
      .prepare(
        `SELECT doc_id AS docId, source AS outlet, layer, idx AS "index", span_start AS start, span_end AS "end" FROM fact_supports
         WHERE fact = ? ORDER BY doc_id, layer, idx`,
      )
      .all(fact) as FactSupport[];
    return { ...row, supports };
  }

  factsOf(docId: string): Corroboration[] {
    return this.keysOf(docId)
      .map((key) => this.corroboration(key))
      .filter((c): c is Corroboration => c !== undefined);
  }

  private keysOf(docId: string): string[] {
    const rows = this.db
      .prepare("SELECT DISTINCT fact FROM fact_supports WHERE doc_id = ? ORDER BY fact")
      .all(docId) as { fact: string }[];
    return rows.map((r) => r.fact);
  }
}
