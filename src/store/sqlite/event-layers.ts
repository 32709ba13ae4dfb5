import type { Database } from "better-sqlite3";
import type { EventValue } from "../../document/layers.js";

/** Which coded events to read from the stored `events` layers: a story, a period, or both. */
export interface LayerEventScope {
  readonly story?: number | undefined;
  /** First and last day (YYYY-MM-DD) the event's date must overlap, at the date's own precision. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly limit: number;
}

/** An `events` annotation as stored, with its document: actor names and place included. */
export interface LayerEvent extends EventValue {
  readonly doc: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Events of the newest stored documents, oldest first, read from the JSON layers: unlike the
 * CorpusStore's event table they keep the actors' names and the place, which the actor graph and
 * the map show. This scans the events layers: fine for a story or a period, not for series.
 */
export function layerEvents(db: Database, filter: LayerEventScope): LayerEvent[] {
  const where = ["1"];
  const params: Record<string, string | number> = { limit: filter.limit };
  const add = (key: keyof LayerEventScope, clause: string) => {
    const value = filter[key];
    if (value === undefined) return;
    params[key] = value;
    where.push(clause);
  };
  add("story", "d.id IN (SELECT doc_id FROM story_members WHERE story_id = @story)");
  // An event's date may be a month ("2024-06"): compared at its own length, it overlaps the bound's month.
  const date = "json_extract(e.value, '$.date')";
  add("from", `${date} >= substr(@from, 1, length(${date}))`);
  add("to", `substr(${date}, 1, 10) <= @to`);
  const rows = db
    .prepare(
      `SELECT d.id AS doc, e.value AS value FROM latest_documents d
       JOIN layers l ON l.doc_id = d.id AND l.layer = 'events', json_each(l.data) e
       WHERE ${where.join(" AND ")}
       ORDER BY ${date}, d.id, e.key LIMIT @limit`,
    )
    .all(params) as { doc: string; value: string }[];
  return rows.map((r) => ({ doc: r.doc, ...(JSON.parse(r.value) as Omit<LayerEvent, "doc">) }));
}
