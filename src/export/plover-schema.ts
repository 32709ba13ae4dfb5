/**
 * JSON Schema (draft-07) of one `relata export --format plover` line: PLOVER's required fields
 * (id, date, actor, event) and optional ones (recipient, mode, context, event_text, cite_info), plus
 * relata's additions. docs/EXPORTS.md lists the same fields.
 */
const entity = {
  type: "object",
  required: ["code", "text", "kbId"],
  properties: { code: { type: "string" }, text: { type: "string" }, kbId: { type: "string" } },
  additionalProperties: false,
} as const;

export const PLOVER_RECORD_SCHEMA = {
  $id: "https://relata.invalid/schema/plover-record.json",
  type: "object",
  required: ["id", "date", "actor", "event"],
  properties: {
    id: { type: "string", minLength: 1 },
    date: { type: "string", pattern: "^(\\d{4}(-\\d{2}(-\\d{2})?)?)?$" },
    actor: { type: "array", items: entity },
    recipient: { type: "array", items: entity },
    event: { type: "string" },
    mode: { type: "array", items: { type: "string" } },
    context: { type: "array", items: { type: "string" } },
    event_text: { type: "string" },
    cite_info: {
      type: "object",
      required: ["document", "url", "source", "sentence", "start", "end"],
      properties: {
        document: { type: "string" },
        url: { type: ["string", "null"] },
        source: { type: ["string", "null"] },
        sentence: { type: "integer", minimum: 0 },
        start: { type: "integer", minimum: 0 },
        end: { type: "integer", minimum: 0 },
      },
      additionalProperties: false,
    },
    cameo: { type: "string", pattern: "^\\d{2,4}$" },
    goldstein: { type: "number", minimum: -10, maximum: 10 },
    relata_mode: { enum: ["asserted", "negated", "planned", "reported"] },
    confidence: { type: "number", minimum: 0, maximum: 1 },
  },
  additionalProperties: false,
} as const;
