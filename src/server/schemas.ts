import { Type } from "typebox";
import { type PublishedDate, parsePublishedDate } from "../document/date.js";
import { boundRange } from "../store/date-range.js";

/** Shared response shapes of the API (full layers are passed through as objects). */
export const ErrorBody = Type.Object({ error: Type.String(), message: Type.String() });

/** A date of year, month or day precision, as filters take it. */
export const DateBound = Type.String({ pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$" });
export const DocId = Type.String({ pattern: "^[0-9a-f]{16}$" });
/** A response passed through as built (its shape is described by the route's summary). */
export const AnyObject = Type.Object({}, { additionalProperties: true });
export const errorResponses = { 400: ErrorBody, 404: ErrorBody, 503: ErrorBody };

export const DocumentInput = Type.Object({
  text: Type.String({ minLength: 1 }),
  title: Type.Optional(Type.String()),
  url: Type.Optional(Type.String()),
  lang: Type.Optional(Type.String({ pattern: "^[a-z]{2,3}$" })),
  date: Type.Optional(DateBound),
});

export const Analysis = Type.Object(
  {},
  { additionalProperties: true, description: "relata.analysis/1, see schema/analysis.v1.json" },
);

export const SearchHit = Type.Object({
  id: Type.String(),
  url: Type.Optional(Type.String()),
  source: Type.Optional(Type.String()),
  lang: Type.String(),
  date: Type.Optional(Type.String()),
  title: Type.Optional(Type.String()),
  snippet: Type.String(),
  rank: Type.Optional(Type.Number({ description: "FTS5 bm25 of a text search: lower is better" })),
});

/** The published date of a posted document: absent, a real date, or an error message for a 400. */
export function inputDate(
  date: string | undefined,
  field = "date",
): { date?: PublishedDate; error?: string } {
  if (!date) return {};
  const parsed = parsePublishedDate(date);
  return parsed ? { date: parsed } : { error: `${field}: no such date ${date}` };
}

/** An error the error handler answers with a 400 and its message. */
export function badRequest(message: string): Error & { statusCode: number } {
  return Object.assign(new Error(message), { statusCode: 400 });
}

/**
 * Runs a store query on what a client sent: the RangeError the stores throw for an argument they
 * refuse (a date that does not exist, a range that ends before it starts) becomes a 400.
 */
export function withClientInput<T>(query: () => T): T {
  try {
    return query();
  } catch (error) {
    if (error instanceof RangeError) throw badRequest(error.message);
    throw error;
  }
}

/** Day bounds (YYYY-MM-DD) of optional from/to filters; a date that does not exist is a 400. */
export function dayBounds(from: string | undefined, to: string | undefined): { from?: string; to?: string } {
  return withClientInput(() => ({
    ...(from ? { from: boundRange(from).first } : {}),
    ...(to ? { to: boundRange(to).last } : {}),
  }));
}
