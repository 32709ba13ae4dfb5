import type { Database } from "better-sqlite3";
import { type DocumentFilter, documentFacets, type Facets } from "../store/sqlite/document-facets.js";

/** Facet sets kept: the landing search and the few filters an analyst goes back and forth between. */
const ENTRIES = 64;

/**
 * Facet counts read the layers of every matching document (about a second over 10,000), so the
 * counts of a filter are kept until the stored documents change: any ingest or removal changes
 * their number or their last row.
 */
export class FacetCache {
  private readonly entries = new Map<string, Facets>();
  private version = "";

  constructor(private readonly db: Database) {}

  get(filter: DocumentFilter): Facets {
    const { n, last } = this.db.prepare("SELECT count(*) AS n, max(seq) AS last FROM documents").get() as {
      n: number;
      last: number | null;
    };
    const version = `${n}:${last}`;
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const key = JSON.stringify(filter);
    const known = this.entries.get(key);
    if (known) return known;
    const facets = documentFacets(this.db, filter);
    if (this.entries.size >= ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, facets);
    return facets;
  }
}
