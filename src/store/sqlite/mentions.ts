import type { Database } from "better-sqlite3";

export interface WeeklyMentions {
  /** The Monday the week starts on (YYYY-MM-DD). */
  readonly week: string;
  readonly mentions: number;
  readonly documents: number;
}

export interface MentioningDocument {
  readonly id: string;
  readonly lang: string;
  readonly source: string | null;
  readonly date: string | null;
  readonly title: string | null;
  readonly mentions: number;
}

/** An entity's mentions: per week of publication, and the documents naming it. */
export interface EntityMentions {
  /** Oldest first; undated documents are left out. */
  readonly weeks: readonly WeeklyMentions[];
  /** Newest first, at most `limit`. */
  readonly documents: readonly MentioningDocument[];
  /** Every newest document naming it, dated or not. */
  readonly total: number;
}

/** The Monday of a day's ISO week. */
function weekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/**
 * How often the newest documents name a KB entity in their `entities` layer, in one pass over
 * the layers: a plain substring test skips the layers that cannot hold the id before any JSON is
 * parsed (the stored JSON has no spaces, see SqliteStore).
 */
export function entityMentions(db: Database, kbId: string, limit: number): EntityMentions {
  const rows = db
    .prepare(
      `SELECT d.id, d.lang, d.source, d.date_value AS date, d.date_first AS day, d.title, count(*) AS mentions
       FROM latest_documents d
       JOIN layers l ON l.doc_id = d.id AND l.layer = 'entities' AND instr(l.data, @needle) > 0,
         json_each(l.data) e
       WHERE json_extract(e.value, '$.kbId') = @kbId
       GROUP BY d.id ORDER BY d.date_first DESC, d.id`,
    )
    .all({ kbId, needle: `"kbId":${JSON.stringify(kbId)}` }) as (MentioningDocument & {
    day: string | null;
  })[];
  const weeks = new Map<string, { mentions: number; documents: number }>();
  for (const r of rows) {
    if (!r.day) continue;
    const week = weekOf(r.day);
    const w = weeks.get(week) ?? { mentions: 0, documents: 0 };
    weeks.set(week, { mentions: w.mentions + r.mentions, documents: w.documents + 1 });
  }
  return {
    weeks: [...weeks].map(([week, w]) => ({ week, ...w })).sort((a, b) => a.week.localeCompare(b.week)),
    documents: rows.slice(0, limit).map(({ day: _day, ...d }) => d),
    total: rows.length,
  };
}

/** Which documents' place names to count: a story, or a published period (day bounds). */
export interface PlaceFilter {
  readonly story?: number | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** The linked places, regions and countries the newest documents name, by the number of documents. */
export function namedPlaces(db: Database, filter: PlaceFilter): { kbId: string; documents: number }[] {
  return db
    .prepare(
      `SELECT json_extract(e.value, '$.kbId') AS kbId, count(DISTINCT d.id) AS documents
       FROM latest_documents d JOIN layers l ON l.doc_id = d.id AND l.layer = 'entities', json_each(l.data) e
       WHERE json_extract(e.value, '$.type') IN ('place', 'region', 'country') AND kbId <> ''
         AND (@story IS NULL OR d.id IN (SELECT doc_id FROM story_members WHERE story_id = @story))
         AND (@from IS NULL OR d.date_last >= @from) AND (@to IS NULL OR d.date_first <= @to)
       GROUP BY kbId ORDER BY documents DESC`,
    )
    .all({ story: filter.story ?? null, from: filter.from ?? null, to: filter.to ?? null }) as {
    kbId: string;
    documents: number;
  }[];
}
