import { WARCRecord, WARCSerializer } from "warcio";

export interface ArchivedPage {
  readonly url: string;
  readonly html: string | Uint8Array;
  /** The capture time, ISO 8601 in UTC. */
  readonly date: string;
  readonly contentType?: string | undefined;
}

/**
 * One WARC 1.1 response record for an HTML page, gzip'd as its own member when asked (the layout of
 * Common Crawl's files); concatenated records make a WARC file. Used to build test and bench archives.
 */
export async function warcResponse(page: ArchivedPage, gzip: boolean): Promise<Uint8Array> {
  const body = typeof page.html === "string" ? new TextEncoder().encode(page.html) : page.html;
  const record = WARCRecord.create(
    {
      url: page.url,
      date: page.date,
      type: "response",
      warcVersion: "WARC/1.1",
      httpHeaders: { "Content-Type": page.contentType ?? "text/html; charset=utf-8" },
    },
    [body],
  );
  return WARCSerializer.serialize(record, { gzip });
}
