import { parsePublishedDate } from "../document/date.js";
import type { DocumentInit } from "../document/document.js";
import { bomOf, firstLine, isBinary, normalizeText, SNIFF_BYTES } from "./decode.js";
import { maxDocumentBytes, tooLarge } from "./limits.js";
import { errorItem, InputError, type Reader, type ReadOptions } from "./reader.js";

const OBJECT_START = /^\s*\{\s*("|\}|$)/;
const EXTENSION = /\.(jsonl|ndjson)$/i;
const FIELDS = new Set(["id", "url", "lang", "date", "title", "text"]);

/**
 * JSON Lines: one article per line, read as a stream. A bad line is an error item with its
 * line number, and the lines after it are still read.
 */
export const jsonlReader: Reader = {
  format: "jsonl",
  // The extension decides only when the content shows no JSON; seed content is sniffed first.
  sniff: (head, name) => OBJECT_START.test(firstLine(head) ?? "") || EXTENSION.test(name),
  async *read(source, options) {
    const head = await source.head(SNIFF_BYTES);
    const bom = bomOf(head);
    if (isBinary(head) || (bom && bom.charset !== "utf-8")) {
      const reason = bom ? `JSON Lines must be UTF-8, not ${bom.charset}` : "binary content (not text)";
      yield errorItem(new InputError(source.name, reason));
      return;
    }
    const max = maxDocumentBytes(options);
    let n = 0;
    let empty = true;
    for await (const line of splitLines(source.stream(), max)) {
      const location = `line ${++n}`;
      if (!line.bytes) {
        empty = false;
        yield errorItem(tooLarge(source.name, line.size, max, location));
        continue;
      }
      const raw = line.bytes.subarray(n === 1 && bom ? bom.length : 0).toString("utf8");
      if (raw.trim() === "") continue;
      empty = false;
      let init: DocumentInit;
      try {
        init = recordToInit(raw, options);
      } catch (error) {
        yield errorItem(new InputError(source.name, (error as Error).message, location));
        continue;
      }
      yield { kind: "document", init, where: `${source.name}:${location}` };
    }
    if (empty) yield errorItem(new InputError(source.name, "empty input"));
  },
};

/** Throws an Error whose message is the reason the line is not a usable record. */
function recordToInit(line: string, options: ReadOptions): DocumentInit {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new Error(`invalid JSON (${(error as Error).message})`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error("not a JSON object");
  }
  const record = value as Record<string, unknown>;
  if (record.text === undefined || record.text === null) throw new Error('missing "text"');
  if (typeof record.text !== "string") throw new Error('"text" is not a string');
  if (record.text.trim() === "") throw new Error('empty "text"');

  const dateText = stringField(record, "date");
  const date = dateText === undefined ? undefined : parsePublishedDate(dateText);
  if (dateText !== undefined && !date) throw new Error(`invalid date "${dateText}"`);
  const title = stringField(record, "title")?.trim();
  const body = normalizeText(record.text);
  const metadata: Record<string, unknown> = Object.fromEntries(
    Object.entries(record).filter(([key]) => !FIELDS.has(key)),
  );
  if (record.id !== undefined && record.id !== null) metadata.externalId = record.id;
  return {
    url: stringField(record, "url"),
    lang: stringField(record, "lang") ?? options.lang,
    date,
    title,
    // Feeds differ on whether the text repeats the headline; it heads the text exactly once.
    text: title && !body.trimStart().startsWith(title) ? `${title}\n\n${body}` : body,
    metadata,
  };
}

/** A field that must be a string when present; null and blank count as absent. */
function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new Error(`"${key}" is not a string`);
  return value.trim() === "" ? undefined : normalizeText(value);
}

/**
 * Splits a byte stream at LF. A line over `max` bytes is not kept, only measured, so that one
 * huge line cannot fill memory; CR before LF is dropped.
 */
async function* splitLines(
  stream: NodeJS.ReadableStream,
  max: number,
): AsyncGenerator<{ bytes: Buffer | undefined; size: number }> {
  let parts: Buffer[] = [];
  let size = 0;
  const add = (piece: Buffer) => {
    size += piece.length;
    if (size <= max) parts.push(piece);
    else parts = [];
  };
  const take = () => {
    const joined = size <= max ? Buffer.concat(parts) : undefined;
    const line = { bytes: joined?.at(-1) === 0x0d ? joined.subarray(0, -1) : joined, size };
    parts = [];
    size = 0;
    return line;
  };
  for await (const chunk of stream) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (let end = buffer.indexOf(0x0a); end !== -1; end = buffer.indexOf(0x0a, start)) {
      add(buffer.subarray(start, end));
      yield take();
      start = end + 1;
    }
    add(buffer.subarray(start));
  }
  if (size > 0) yield take();
}
