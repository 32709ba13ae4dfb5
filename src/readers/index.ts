import { SNIFF_BYTES } from "./decode.js";
import { feedReader } from "./feed.js";
import { htmlReader } from "./html.js";
import { expandPaths, ioReason, openSource } from "./input.js";
import { jsonlReader } from "./jsonl.js";
import {
  errorItem,
  InputError,
  type InputSource,
  type Reader,
  type ReadItem,
  type ReadOptions,
} from "./reader.js";
import { seedReader } from "./seed.js";
import { textReader } from "./text.js";
import { warcReader } from "./warc.js";

/**
 * Readers in the order their sniffing is tried: a seed first line, a WARC header (gzip'd or not),
 * a feed root element, an HTML start and a JSON object are sure signs (extensions only hints), and
 * plain text takes everything else.
 */
export const READERS: readonly Reader[] = [
  seedReader,
  warcReader,
  feedReader,
  htmlReader,
  jsonlReader,
  textReader,
];
export const FORMATS: readonly string[] = READERS.map((reader) => reader.format);

/** The format of an input, chosen by its first bytes; the name is only a hint. */
export function detectFormat(head: Buffer, name: string): string {
  return (READERS.find((reader) => reader.sniff(head, name)) ?? textReader).format;
}

/** Throws for an unknown format: that is a usage error, not a problem with one input. */
export function readerFor(format: string): Reader {
  const reader = READERS.find((r) => r.format === format);
  if (!reader) throw new Error(`unknown format "${format}" (expected ${FORMATS.join(", ")})`);
  return reader;
}

/** One input, with the given reader or the one its content calls for; any failure is an error item. */
export async function* readSource(
  source: InputSource,
  options: ReadOptions,
  reader?: Reader,
): AsyncGenerator<ReadItem> {
  try {
    const chosen = reader ?? readerFor(detectFormat(await source.head(SNIFF_BYTES), source.name));
    yield* chosen.read(source, options);
  } catch (error) {
    yield errorItem(error instanceof InputError ? error : new InputError(source.name, ioReason(error)));
  }
}

/**
 * Every document of the given files and folders ("-" is standard input). A bad file or record is
 * an error item and reading goes on with the next.
 */
export async function* readAll(
  paths: readonly string[],
  options: ReadOptions = {},
  format?: string,
): AsyncGenerator<ReadItem> {
  const forced = format === undefined ? undefined : readerFor(format);
  for await (const entry of expandPaths(paths)) {
    if (entry.kind === "error") yield entry;
    else yield* readSource(openSource(entry.path), options, forced);
  }
}
