import type { Database } from "better-sqlite3";

/** Which of the newest stored documents to browse; every field narrows the set. */
export interface DocumentFilter {
  /** An FTS5 query, as ftsQuery builds it from what the user typed. */
  readonly match?: string | undefined;
  readonly lang?: string | undefined;
  readonly outlet?: string | undefined;
  /** First and last day (YYYY-MM-DD) the published date must overlap. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** KB id of an entity the document mentions. */
  readonly entity?: string | undefined;
  readonly story?: number | undefined;
  /** PLOVER type of an event the document reports. */
  readonly event?: string | undefined;
}

export interface ListedDocument {
  readonly id: string;
  readonly url: string | null;
  readonly source: string | null;
  readonly lang: string;
  readonly date: string | null;
  readonly title: string | null;
  readonly snippet: string;
}

export interface FacetCount {
  readonly key: string;
  readonly name: string;
  readonly n: number;
}

export interface Facets {
  readonly total: number;
  readonly lang: readonly FacetCount[];
  readonly outlet: readonly FacetCount[];
  /** Published month (YYYY-MM). */
  readonly month: readonly FacetCount[];
  /** Linked entities, by the number of documents naming them. */
  readonly entity: readonly FacetCount[];
  /** PLOVER event types, by the number of documents reporting one. */
  readonly eventType: readonly FacetCount[];
}

export const NO_FACETS: Facets = { total: 0, lang: [], outlet: [], month: [], entity: [], eventType: [] };

/** Entities and event types listed in the facets: the most frequent only. */
const TOP = 15;

/** The documents the filter keeps, as a CTE named `matching` over latest_documents. */
function matching(filter: DocumentFilter): { sql: string; params: Record<string, string | number> } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  const add = (key: keyof DocumentFilter, clause: string) => {
    const value = filter[key];
    if (value === undefined) return;
    params[key] = value;
    where.push(clause);
  };
  add("match", "d.seq IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH @match)");
  add("lang", "d.lang = @lang");
  add("outlet", "d.source = @outlet");
  add("from", "d.date_last >= @from");
  add("to", "d.date_first <= @to");
  // A stored layer holding an annotation whose `field` is the filter's value. The substring test
  // skips layers that cannot hold it before any JSON is parsed.
  const layerHolds = (key: "entity" | "event", layer: string, field: string) => {
    add(
      key,
      `EXISTS (SELECT 1 FROM layers l, json_each(l.data) e WHERE l.doc_id = d.id AND l.layer = '${layer}'
         AND instr(l.data, @${key}Needle) > 0 AND json_extract(e.value, '$.${field}') = @${key})`,
    );
    if (filter[key] !== undefined) params[`${key}Needle`] = `"${field}":${JSON.stringify(filter[key])}`;
  };
  layerHolds("entity", "entities", "kbId");
  add("story", "d.id IN (SELECT doc_id FROM story_members WHERE story_id = @story)");
  layerHolds("event", "events", "plover");
  return {
    sql: `WITH matching AS (SELECT d.* FROM latest_documents d ${where.length ? `WHERE ${where.join(" AND ")}` : ""})`,
    params,
  };
}

/**
 * The documents the filter keeps: best match first when there is a text query (with a snippet
 * around the matched words in [brackets]), else newest first (with the opening words).
 */
export function listDocuments(db: Database, filter: DocumentFilter, limit: number): ListedDocument[] {
  const { sql, params } = matching(filter);
  const ranked = filter.match !== undefined;
  return db
    .prepare(
      ranked
        ? `${sql} SELECT m.id, m.url, m.source, m.lang, m.date_value AS date, m.title,
             snippet(documents_fts, -1, '[', ']', '…', 16) AS snippet
           FROM documents_fts JOIN matching m ON m.seq = documents_fts.rowid
           WHERE documents_fts MATCH @match ORDER BY bm25(documents_fts) LIMIT @limit`
        : `${sql} SELECT id, url, source, lang, date_value AS date, title, substr(text, 1, 160) AS snippet
           FROM matching ORDER BY date_first DESC, seq DESC LIMIT @limit`,
    )
    .all({ ...params, limit }) as ListedDocument[];
}

/** Counts of the documents the filter keeps, by language, outlet, month, entity and event type. */
export function documentFacets(db: Database, filter: DocumentFilter): Facets {
  const filtered = matching(filter);
  // A filter is evaluated once (it may read layers), then every count reads the kept documents by id.
  const ids = (
    db.prepare(`${filtered.sql} SELECT id FROM matching`).all(filtered.params) as { id: string }[]
  ).map((r) => r.id);
  const unfiltered = Object.values(filter).every((v) => v === undefined);
  const { sql, params } = unfiltered
    ? filtered
    : {
        sql: "WITH matching AS (SELECT d.* FROM documents d WHERE d.id IN (SELECT value FROM json_each(@ids)))",
        params: { ids: JSON.stringify(ids) },
      };
  const counts = (select: string) => db.prepare(`${sql} ${select}`).all(params) as FacetCount[];
  const inLayer = (layer: string, field: string, name: string) =>
    counts(
      // json_each has a column named key: the value is grouped as v, then named key.
      `SELECT v AS key, name, n FROM (
         SELECT json_extract(e.value, '$.${field}') AS v, max(json_extract(e.value, '$.${name}')) AS name,
           count(DISTINCT m.id) AS n
         FROM matching m JOIN layers l ON l.doc_id = m.id AND l.layer = '${layer}', json_each(l.data) e
         WHERE coalesce(v, '') <> '' GROUP BY v)
       ORDER BY n DESC, key LIMIT ${TOP}`,
    );
  return {
    total: ids.length,
    lang: counts(
      "SELECT lang AS key, lang AS name, count(*) AS n FROM matching GROUP BY lang ORDER BY n DESC, key",
    ),
    outlet: counts(
      `SELECT source AS key, source AS name, count(*) AS n FROM matching WHERE source IS NOT NULL
       GROUP BY source ORDER BY n DESC, key`,
    ),
    month: counts(
      `SELECT substr(date_first, 1, 7) AS key, substr(date_first, 1, 7) AS name, count(*) AS n FROM matching
       WHERE date_first IS NOT NULL GROUP BY key ORDER BY key`,
    ),
    entity: inLayer("entities", "kbId", "name"),
    eventType: inLayer("events", "plover", "plover"),
  };
}
