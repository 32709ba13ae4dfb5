import { Type } from "typebox";
import { type PublishedDate, parsePublishedDate } from "../document/date.js";

/** Shared response shapes of the API (full layers are passed through as objects). */
export const ErrorBody = Type.Object({ error: Type.String(), message: Type.String() });

export const DocumentInput = Type.Object({
  text: Type.String({ minLength: 1 }),
  title: Type.Optional(Type.String()),
  url: Type.Optional(Type.String()),
  lang: Type.Optional(Type.String({ pattern: "^[a-z]{2,3}$" })),
  date: Type.Optional(Type.String({ pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$" })),
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
  rank: Type.Number(),
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
