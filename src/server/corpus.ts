import type { Database } from "better-sqlite3";
import type { FastifyReply } from "fastify";
import type { CorpusStore } from "../corpus/corpus-store.js";
import type { CheckStore } from "../verify/check-store.js";
import type { FacetCache } from "./facet-cache.js";

/** What the browsing routes read beyond the Store: the stories, and the database for their queries. */
export interface Corpus {
  readonly stories: CorpusStore;
  /** A read-only connection (src/store/sqlite/read-only.ts). */
  readonly db: Database;
  readonly facets: FacetCache;
  /** Stored check reports, recomputed when new evidence has made them stale. */
  readonly checks: CheckStore;
}

/**
 * The corpus, or a 503 sent when the server runs on an in-memory store: the caller returns the
 * reply when this gives undefined.
 */
export function needCorpus(corpus: Corpus | undefined, reply: FastifyReply): Corpus | undefined {
  if (!corpus)
    void reply
      .code(503)
      .send({ error: "unavailable", message: "this route needs a database file (relata serve --db FILE)" });
  return corpus;
}
