import type { Readable } from "node:stream";
import { createGunzip, gunzipSync, constants as zlib } from "node:zlib";
import { LimitReader, WARCParser, type WARCRecord } from "warcio";
import { htmlToInit } from "./html.js";
import { parseLooseDate } from "./html-meta.js";
import { maxDocumentBytes, tooLarge } from "./limits.js";
import { errorItem, InputError, type Reader, type ReadItem, type ReadOptions } from "./reader.js";

const WARC_START = /^WARC\/1\.[01]\r?\n/;
const HTML_TYPE = /^\s*(?:text\/html|application\/xhtml\+xml)\b/i;

const isGzip = (head: Uint8Array) => head[0] === 0x1f && head[1] === 0x8b;

export function sniffWarc(head: Buffer, name: string): boolean {
  let start = head;
  if (isGzip(head)) {
    try {
      // A partial gzip member is enough for the first line; sync flush accepts the cut-off end.
      start = gunzipSync(head, { finishFlush: zlib.Z_SYNC_FLUSH });
    } catch {
      return /\.warc\.gz$/i.test(name);
    }
  }
  return WARC_START.test(start.subarray(0, 16).toString("latin1")) || /\.warc(\.gz)?$/i.test(name);
}

/**
 * WARC files (1.0 and 1.1, plain or gzip'd per record or whole), read record by record from a
 * stream so that a file of any size runs in flat memory. Response records whose payload is an HTML
 * page become documents through the HTML reader, with WARC-Target-URI as URL and WARC-Date (at
 * precision "time") when the page gives no date; other records are skipped. A truncated or corrupt
 * file yields the records read before the damage, then an error naming the record and its offset.
 */
export const warcReader: Reader = {
  format: "warc",
  sniff: sniffWarc,
  async *read(source, options) {
    const gzip = isGzip(await source.head(2));
    // Node's gunzip reads concatenated members and, unlike warcio's, reports a cut-off member.
    const raw = source.stream() as Readable;
    const parser = new WARCParser(gzip ? raw.pipe(createGunzip()) : raw);
    const where = (n: number) => `record ${n} (byte ${parser.offset}${gzip ? " uncompressed" : ""})`;
    let n = 0;
    while (true) {
      let record: WARCRecord | null;
      try {
        record = await parser.parse();
      } catch (error) {
        yield errorItem(
          new InputError(source.name, `unreadable WARC (${(error as Error).message})`, where(n + 1)),
        );
        return;
      }
      if (!record) break;
      const location = where(++n);
      const { item, stop } = await readRecord(record, source.name, location, options);
      if (item) yield item;
      if (stop) return;
    }
    if (n === 0) yield errorItem(new InputError(source.name, "no WARC records"));
  },
};

/**
 * The document or error one record gives (none for a record that is not an HTML response), and
 * whether reading must stop because the file is damaged from there on.
 */
async function readRecord(
  record: WARCRecord,
  input: string,
  location: string,
  options: ReadOptions,
): Promise<{ item?: ReadItem; stop?: boolean }> {
  const fail = (reason: string, stop = false) => ({
    item: errorItem(new InputError(input, reason, location)),
    stop,
  });
  const contentType = record.httpHeaders?.headers.get("content-type") ?? "";
  const max = maxDocumentBytes(options);
  let payload: Uint8Array | undefined;
  try {
    if (!WARC_START.test(`${record.warcHeaders.statusline}\n`)) return fail("not a WARC record", true);
    if (record.warcHeader("Content-Length") == null)
      return fail("truncated record (its WARC header is incomplete)", true);
    if (record.warcType !== "response" || !HTML_TYPE.test(contentType)) await record.skipFully();
    else if (record.warcContentLength > max) {
      await record.skipFully();
      return { item: errorItem(tooLarge(input, record.warcContentLength, max, location)) };
    } else payload = await record.readFully(true);
  } catch (error) {
    return fail(`truncated or corrupt record (${(error as Error).message})`, true);
  }
  // warcio ends a record quietly when the stream stops early: its reader's limit tells.
  if (record._reader instanceof LimitReader && record._reader.limit > 0) {
    return fail("truncated record (the file ends inside it)", true);
  }
  if (!payload) return {};
  const warcDate = record.warcDate ? parseLooseDate(record.warcDate) : undefined;
  try {
    const init = htmlToInit(
      payload,
      `${input}:${location}`,
      { url: record.warcTargetURI ?? undefined, contentType, fallbackDate: warcDate },
      options,
    );
    const metadata = { ...init.metadata, format: "warc", warcRecordId: record.warcHeader("WARC-Record-ID") };
    return { item: { kind: "document", init: { ...init, metadata }, where: `${input}:${location}` } };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return fail(error.reason);
  }
}
