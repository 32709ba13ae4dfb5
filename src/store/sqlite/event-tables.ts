import type Database from "better-sqlite3";
import type { EventFilter, StoredActor, StoredEvent } from "../../corpus/corpus-store.js";
import {
  actorKeys,
  bucketOf,
  bucketStart,
  bucketStarts,
  cameoCountry,
  type DyadBucket,
  type DyadPoint,
  type DyadQuery,
  emptyPoint,
  eventDay,
  keysOf,
  occurred,
  type QuadCounts,
} from "../../corpus/dyads.js";
import type { Layers } from "../../document/document.js";
import type { EventActor } from "../../document/layers.js";
import { boundRange } from "../date-range.js";

/** A placed document as the event and fact tables read it. */
export interface PlacedDocument {
  readonly id: string;
  /** The outlet, "" when unknown. */
  readonly outlet: string;
  /** The published date's value. */
  readonly published: string | undefined;
  readonly layers: Layers;
}

interface EventRow {
  doc_id: string;
  idx: number;
  source: string;
  day: string | null;
  date: string | null;
  source_cameo: string | null;
  source_country: string | null;
  source_kb: string | null;
  target_cameo: string | null;
  target_country: string | null;
  target_kb: string | null;
  code: string;
  root: string;
  quad: 1 | 2 | 3 | 4;
  goldstein: number;
  plover: string;
  mode: StoredEvent["mode"];
  sentence: number;
  span_start: number;
  span_end: number;
  place_kb: string | null;
}

interface Accumulator {
  events: number;
  quad: Record<keyof QuadCounts, number>;
  plover: Record<string, number>;
  tenths: number;
}

const DEFAULT_LIMIT = 1000;
const BUCKETS: readonly DyadBucket[] = ["day", "week", "month"];
/** SQL for the first day of the bucket holding `day` (dyads.bucketStart, in SQLite). */
const BUCKET_SQL: Readonly<Record<DyadBucket, string>> = {
  day: "day",
  week: "date(day, '-6 days', 'weekday 1')",
  month: "substr(day, 1, 7) || '-01'",
};

const actorRow = (actor: EventActor | null) => ({
  cameo: actor?.cameo ?? null,
  country: actor ? (cameoCountry(actor.cameo) ?? "") : null,
  kb: actor?.kbId ?? null,
});

const storedActor = (
  cameo: string | null,
  country: string | null,
  kbId: string | null,
): StoredActor | undefined =>
  cameo === null ? undefined : { cameo, country: country ?? "", kbId: kbId ?? "" };

type SourcePair = [string, string, 0 | 1];

/** The rows of dyad_sources an event between `a` and `b` counts in: the directed pair and the unordered one. */
const sourcePairs = (a: string, b: string): SourcePair[] => [[a, b, 1], a <= b ? [a, b, 0] : [b, a, 0]];

/** The pairs of actor keys an event is counted under: every key of its source with every key of its target. */
function keyPairs(source: readonly string[], target: readonly string[]): [string, string][] {
  return source.flatMap((a) => target.map((b): [string, string] => [a, b]));
}

/**
 * The events of placed documents and the per-day dyad aggregates built from them. Adding or
 * removing a document changes only the rows of its own events' days and actor pairs.
 */
export class EventTables {
  private readonly insert;
  private readonly addDay;
  private readonly addSource;
  private readonly subDay;
  private readonly subSource;
  private readonly dropEmptyDay;
  private readonly dropEmptySource;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO events (doc_id, idx, source, day, date, source_cameo, source_country, source_kb,
         target_cameo, target_country, target_kb, code, root, quad, goldstein, plover, mode, sentence,
         span_start, span_end, place_kb)
       VALUES (@doc_id, @idx, @source, @day, @date, @source_cameo, @source_country, @source_kb,
         @target_cameo, @target_country, @target_kb, @code, @root, @quad, @goldstein, @plover, @mode,
         @sentence, @span_start, @span_end, @place_kb)`,
    );
    this.addDay = db.prepare(
      `INSERT INTO dyad_days (a, b, day, quad, plover, events, goldstein_tenths) VALUES (?, ?, ?, ?, ?, 1, ?)
       ON CONFLICT (a, b, day, quad, plover) DO UPDATE SET events = events + 1,
         goldstein_tenths = goldstein_tenths + excluded.goldstein_tenths`,
    );
    this.addSource = db.prepare(
      `INSERT INTO dyad_sources (a, b, directed, bucket, start, source, events) VALUES (?, ?, ?, ?, ?, ?, 1)
       ON CONFLICT (a, b, directed, bucket, start, source) DO UPDATE SET events = events + 1`,
    );
    this.subDay = db.prepare(
      `UPDATE dyad_days SET events = events - 1, goldstein_tenths = goldstein_tenths - ?
       WHERE a = ? AND b = ? AND day = ? AND quad = ? AND plover = ?`,
    );
    this.subSource = db.prepare(
      `UPDATE dyad_sources SET events = events - 1
       WHERE a = ? AND b = ? AND directed = ? AND bucket = ? AND start = ? AND source = ?`,
    );
    this.dropEmptyDay = db.prepare("DELETE FROM dyad_days WHERE a = ? AND b = ? AND day = ? AND events <= 0");
    this.dropEmptySource = db.prepare(
      "DELETE FROM dyad_sources WHERE a = ? AND b = ? AND directed = ? AND bucket = ? AND start = ? AND events <= 0",
    );
  }

  /** Stores the document's events and counts those that occurred on a known day into the dyads. */
  add(doc: PlacedDocument): number {
    const events = doc.layers.events ?? [];
    for (const [idx, e] of events.entries()) {
      const source = actorRow(e.source);
      const target = actorRow(e.target);
      const day = eventDay(e, doc.published);
      this.insert.run({
        doc_id: doc.id,
        idx,
        source: doc.outlet,
        day: day ?? null,
        date: e.date,
        source_cameo: source.cameo,
        source_country: source.country,
        source_kb: source.kb,
        target_cameo: target.cameo,
        target_country: target.country,
        target_kb: target.kb,
        code: e.code,
        root: e.root,
        quad: e.quad,
        goldstein: e.goldstein,
        plover: e.plover,
        mode: e.mode,
        sentence: e.sentence,
        span_start: e.start,
        span_end: e.end,
        place_kb: e.place?.kbId || null,
      });
      if (!day || !occurred(e)) continue;
      for (const [a, b] of keyPairs(actorKeys(e.source), actorKeys(e.target))) {
        this.addDay.run(a, b, day, e.quad, e.plover, tenths(e.goldstein));
        for (const [x, y, directed] of sourcePairs(a, b)) {
          for (const by of BUCKETS) this.addSource.run(x, y, directed, by, bucketStart(day, by), doc.outlet);
        }
      }
    }
    return events.length;
  }

  /** Takes the document's events out of the dyads, then deletes them; returns how many there were. */
  remove(docId: string): number {
    const rows = this.db.prepare("SELECT * FROM events WHERE doc_id = ?").all(docId) as EventRow[];
    for (const r of rows) {
      if (r.day === null || !occurred(r)) continue;
      // The keys stored with the event, so that removal undoes exactly what adding counted.
      const source = keysOf(r.source_country ?? "", r.source_kb ?? "");
      const target = keysOf(r.target_country ?? "", r.target_kb ?? "");
      for (const [a, b] of keyPairs(source, target)) {
        this.subDay.run(tenths(r.goldstein), a, b, r.day, r.quad, r.plover);
        this.dropEmptyDay.run(a, b, r.day);
        for (const [x, y, directed] of sourcePairs(a, b)) {
          for (const by of BUCKETS) {
            const start = bucketStart(r.day, by);
            this.subSource.run(x, y, directed, by, start, r.source);
            this.dropEmptySource.run(x, y, directed, by, start);
          }
        }
      }
    }
    this.db.prepare("DELETE FROM events WHERE doc_id = ?").run(docId);
    return rows.length;
  }

  dyad(query: DyadQuery): DyadPoint[] {
    const by = query.by ?? "day";
    if (!BUCKETS.includes(by))
      throw new RangeError(`invalid dyad bucket ${JSON.stringify(by)}: expected day, week or month`);
    for (const actor of [query.a, query.b]) {
      if (typeof actor !== "string" || actor.trim() === "") {
        throw new RangeError("a dyad needs two actors: CAMEO country codes (RUS) or KB ids");
      }
    }
    // Bounds widen to whole buckets, so that a bucket's outlets and events cover the same days.
    const from = query.from ? bucketStart(boundRange(query.from).first, by) : undefined;
    const to = query.to ? bucketOf(bucketStart(boundRange(query.to).last, by), by).last : undefined;
    if (from && to && from > to)
      throw new RangeError(`dyad range ends (${query.to}) before it starts (${query.from})`);
    const pairs =
      query.directed || query.a === query.b
        ? [[query.a, query.b]]
        : [
            [query.a, query.b],
            [query.b, query.a],
          ];
    const union = (select: string) => pairs.map(() => select).join(" UNION ALL ");
    const params = pairs.flatMap(([a, b]) => [a, b, from ?? "0000-01-01", to ?? "9999-12-31"]);
    const counts = this.db
      .prepare(
        `SELECT start, quad, plover, sum(events) AS events, sum(goldstein_tenths) AS goldstein
         FROM (${union(`SELECT ${BUCKET_SQL[by]} AS start, quad, plover, events, goldstein_tenths FROM dyad_days
                        WHERE a = ? AND b = ? AND day BETWEEN ? AND ?`)})
         GROUP BY start, quad, plover`,
      )
      .all(...params) as {
      start: string;
      quad: 1 | 2 | 3 | 4;
      plover: string;
      events: number;
      goldstein: number;
    }[];
    // Distinct outlets of the whole bucket: one row each, for the pair as asked.
    const [x, y, directed] = sourcePairs(query.a, query.b)[query.directed ? 0 : 1] as SourcePair;
    const sources = this.db
      .prepare(
        `SELECT start, count(*) AS n FROM dyad_sources
         WHERE a = ? AND b = ? AND directed = ? AND bucket = ? AND start BETWEEN ? AND ? GROUP BY start`,
      )
      .all(x, y, directed, by, from ?? "0000-01-01", to ?? "9999-12-31") as { start: string; n: number }[];
    const starts = counts.map((c) => c.start).sort();
    const first = from ?? starts[0];
    const last = to ?? starts.at(-1);
    if (!first || !last) return [];
    const outlets = new Map(sources.map((s) => [s.start, s.n]));
    const points = new Map<string, Accumulator>();
    for (const start of bucketStarts(first, last, by)) {
      points.set(start, { events: 0, quad: { "1": 0, "2": 0, "3": 0, "4": 0 }, plover: {}, tenths: 0 });
    }
    for (const c of counts) {
      const p = points.get(c.start);
      if (!p) continue;
      p.events += c.events;
      p.quad[String(c.quad) as keyof QuadCounts] += c.events;
      p.plover[c.plover] = (p.plover[c.plover] ?? 0) + c.events;
      p.tenths += c.goldstein;
    }
    return [...points].map(([start, p]) => ({
      ...emptyPoint(start, by),
      events: p.events,
      quad: p.quad,
      plover: p.plover,
      goldstein: p.tenths / 10,
      sources: outlets.get(start) ?? 0,
    }));
  }

  events(filter: EventFilter = {}): StoredEvent[] {
    const limit = filter.limit ?? DEFAULT_LIMIT;
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`event limit must be a positive integer, got ${limit}`);
    const where: string[] = [];
    const params: Record<string, string | number> = { limit };
    if (filter.docId !== undefined) {
      where.push("doc_id = @doc");
      params.doc = filter.docId;
    }
    if (filter.actor !== undefined) {
      where.push("@actor IN (source_country, source_kb, target_country, target_kb)");
      params.actor = filter.actor;
    }
    if (filter.root !== undefined) {
      where.push("root = @root");
      params.root = filter.root;
    }
    if (filter.plover !== undefined) {
      where.push("plover = @plover");
      params.plover = filter.plover;
    }
    if (filter.place !== undefined) {
      where.push("place_kb = @place");
      params.place = filter.place;
    }
    if (filter.from !== undefined) {
      where.push("day >= @from");
      params.from = boundRange(filter.from).first;
    }
    if (filter.to !== undefined) {
      where.push("day <= @to");
      params.to = boundRange(filter.to).last;
    }
    const rows = this.db
      .prepare(
        `SELECT * FROM events ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
         ORDER BY day, doc_id, idx LIMIT @limit`,
      )
      .all(params) as EventRow[];
    return rows.map((r) => ({
      docId: r.doc_id,
      index: r.idx,
      outlet: r.source,
      day: r.day ?? undefined,
      date: r.date ?? undefined,
      source: storedActor(r.source_cameo, r.source_country, r.source_kb),
      target: storedActor(r.target_cameo, r.target_country, r.target_kb),
      code: r.code,
      root: r.root,
      quad: r.quad,
      goldstein: r.goldstein,
      plover: r.plover,
      mode: r.mode,
      sentence: r.sentence,
      start: r.span_start,
      end: r.span_end,
      place: r.place_kb ?? undefined,
    }));
  }
}

/** Goldstein scores have one decimal: summing tenths keeps sums exact through additions and removals. */
const tenths = (goldstein: number) => Math.round(goldstein * 10);
