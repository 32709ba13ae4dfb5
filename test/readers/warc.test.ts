import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectFormat } from "../../src/readers/index.js";
import type { ReadItem } from "../../src/readers/reader.js";
import { warcReader } from "../../src/readers/warc.js";
import { warcResponse } from "../../src/readers/warc-write.js";
import { collect, memorySource } from "./helpers.js";

const html = (name: string) => readFileSync(join(import.meta.dirname, "..", "fixtures", "html", name));
const CAPTURE = "2024-06-10T04:00:00Z";

/** Three pages (one dated in its metadata, one undated) and a non-HTML record between them. */
async function archive(gzip: boolean): Promise<Buffer[]> {
  return Promise.all([
    warcResponse({ url: "https://ledger.example/a", html: html("boilerplate.html"), date: CAPTURE }, gzip),
    warcResponse(
      { url: "https://ledger.example/logo.png", html: "PNG", date: CAPTURE, contentType: "image/png" },
      gzip,
    ),
    warcResponse({ url: "https://valle.example/b", html: html("brief-jsonld.html"), date: CAPTURE }, gzip),
    warcResponse(
      {
        url: "https://ledger.example/c",
        html: `<html><body><p>${"The tide tables for the summer season are now printed and free at the harbour office. ".repeat(3)}</p></body></html>`,
        date: CAPTURE,
      },
      gzip,
    ),
  ]).then((records) => records.map((r) => Buffer.from(r)));
}

const read = (name: string, bytes: Buffer) => collect(warcReader.read(memorySource(name, bytes, 100), {}));
const docs = (items: ReadItem[]) => items.flatMap((i) => (i.kind === "document" ? [i.init] : []));
const errors = (items: ReadItem[]) => items.flatMap((i) => (i.kind === "error" ? [i.error.message] : []));

describe.each([false, true])("warcReader (gzip %s)", (gzip) => {
  const name = gzip ? "crawl.warc.gz" : "crawl.warc";

  it("makes documents of the HTML response records, streamed in small chunks", async () => {
    const items = await read(name, Buffer.concat(await archive(gzip)));
    expect(errors(items)).toEqual([]);
    const [a, b, c] = docs(items);
    expect(docs(items)).toHaveLength(3);
    expect(a?.title).toBe("Harbour authority approves new ferry terminal");
    expect(a?.url).toBe("https://ledger.example/news/2024/ferry-terminal");
    expect(a?.date).toEqual({ value: "2024-03-14T09:30:00+01:00", precision: "time" });
    expect(b?.url).toBe("https://valle.example/b");
    expect(b?.date?.value).toBe("2024-05-02");
    // A page without a date takes the capture time.
    expect(c?.date).toEqual({ value: CAPTURE, precision: "time" });
    expect(c?.metadata).toMatchObject({ format: "warc", dateSource: "capture" });
    expect(items[2]?.kind === "document" && items[2].where).toMatch(
      new RegExp(`^${name.replace(".", "\\.")}:record 4 \\(byte \\d+`),
    );
  });

  it("yields the records before a cut, then an error naming the file and the record", async () => {
    const records = await archive(gzip);
    const whole = Buffer.concat(records);
    const items = await read(name, whole.subarray(0, whole.length - (records[3]?.length ?? 0) / 2));
    expect(docs(items).map((d) => d.url)).toEqual([
      "https://ledger.example/news/2024/ferry-terminal",
      "https://valle.example/b",
    ]);
    expect(errors(items)).toEqual([
      expect.stringMatching(
        new RegExp(`^${name.replace(".", "\\.")}:record 4 \\(byte \\d+.*\\): (truncated|unreadable)`),
      ),
    ]);
  });

  it("is detected by content", async () => {
    const [first] = await archive(gzip);
    expect(detectFormat(first as Buffer, "download.bin")).toBe("warc");
  });
});

describe("warcReader errors", () => {
  it("reports an input that is no WARC", async () => {
    const items = await read("notes.warc", Buffer.from("just some notes\n"));
    expect(errors(items)).toEqual(["notes.warc:record 1 (byte 0): not a WARC record"]);
  });
});
