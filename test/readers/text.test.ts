import { describe, expect, it } from "vitest";
import { fileSource } from "../../src/readers/input.js";
import { DEFAULT_MAX_DOCUMENT_BYTES } from "../../src/readers/limits.js";
import type { InputSource, ReadItem, ReadOptions } from "../../src/readers/reader.js";
import { textReader } from "../../src/readers/text.js";
import { fixture, memorySource, readOne } from "./helpers.js";

const read = (source: InputSource, options: ReadOptions = {}) => readOne(textReader, source, options);

const body = (item: ReadItem) => (item.kind === "document" ? item.init : item.error.message);

describe("text reader", () => {
  it("makes the whole file the text, with no title of its own", async () => {
    const item = await read(fileSource(fixture("text", "eclipse.en.txt")));
    expect(item.kind).toBe("document");
    expect(body(item)).toEqual({
      text: expect.stringMatching(
        /^A total solar eclipse crossed North America .* more than four minutes\.$/s,
      ),
      metadata: { charset: "utf-8" },
    });
  });

  it("takes date, lang, title and url from the options; the title heads the text", async () => {
    const item = await read(
      memorySource("k.txt", "\n\nDie Armee meldet Kämpfe.\n\nDer Kreml schweigt.  \n"),
      {
        date: "2024-08",
        lang: "de",
        title: " Kursk ",
        url: "https://example.org/kursk",
      },
    );
    expect(body(item)).toEqual({
      url: "https://example.org/kursk",
      lang: "de",
      date: { value: "2024-08", precision: "month" },
      title: "Kursk",
      text: "Kursk\n\nDie Armee meldet Kämpfe.\n\nDer Kreml schweigt.",
      metadata: { charset: "utf-8" },
    });
  });

  it("decodes legacy charsets and records the charset", async () => {
    const item = await read(fileSource(fixture("text", "croazia-euro.it.cp1252.txt")));
    expect(body(item)).toMatchObject({ metadata: { charset: "windows-1252" } });
    expect(item.kind === "document" && item.init.text).toContain("città in cui molti negozi");
  });

  it("refuses empty and whitespace-only input", async () => {
    expect(body(await read(fileSource(fixture("batch", "empty.txt"))))).toMatch(/empty\.txt: empty input$/);
    expect(body(await read(memorySource("w.txt", " \r\n\t\n\0")))).toBe("w.txt: empty input");
  });

  it("refuses an invalid --date", async () => {
    expect(body(await read(memorySource("d.txt", "Testo."), { date: "2024-02-30" }))).toBe(
      'd.txt: invalid date "2024-02-30" (--date)',
    );
  });

  it("refuses a file over the cap by its size, without reading it", async () => {
    expect(DEFAULT_MAX_DOCUMENT_BYTES).toBe(5 * 1024 * 1024);
    const unreadable = (): never => {
      throw new Error("must not be read");
    };
    const huge: InputSource = {
      name: "dump.txt",
      size: 50 * 1024 * 1024,
      head: unreadable,
      bytes: unreadable,
      stream: unreadable,
    };
    expect(body(await read(huge))).toBe(
      "dump.txt: too large for one document: 50.0 MiB > 5.0 MiB (raise --max-bytes)",
    );
  });

  it("honours maxDocumentBytes, also when the size is known only after reading", async () => {
    const source = { ...memorySource("-", "x".repeat(2048)), size: undefined };
    expect(body(await read(source, { maxDocumentBytes: 1000 }))).toBe(
      "-: too large for one document: 2.0 KiB > 1000 bytes (raise --max-bytes)",
    );
    expect((await read(source, { maxDocumentBytes: 2048 })).kind).toBe("document");
  });
});
