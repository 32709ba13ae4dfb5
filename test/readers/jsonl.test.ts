import { describe, expect, it } from "vitest";
import { fileSource } from "../../src/readers/input.js";
import { jsonlReader } from "../../src/readers/jsonl.js";
import type { InputSource, ReadItem, ReadOptions } from "../../src/readers/reader.js";
import { collect, fixture, memorySource } from "./helpers.js";

const read = (source: InputSource, options: ReadOptions = {}) => collect(jsonlReader.read(source, options));

/** Each item as a line of a report: documents by where they are, errors by their message. */
const summary = (items: ReadItem[]) =>
  items.map((item) => (item.kind === "document" ? `doc ${item.where}` : `error ${item.error.message}`));

describe("JSON Lines reader", () => {
  it("reads every good line and reports every bad one with its line number", async () => {
    const items = await read(fileSource(fixture("jsonl", "feed.jsonl")));
    const f = fixture("jsonl", "feed.jsonl");
    expect(summary(items)).toEqual([
      `doc ${f}:line 1`,
      `doc ${f}:line 3`,
      `doc ${f}:line 4`,
      `error ${f}:5: missing "text"`,
      `error ${f}:6: not a JSON object`,
      `error ${f}:7: invalid date "2024-02-30"`,
      `error ${f}:8: "text" is not a string`,
      `doc ${f}:line 10`,
    ]);
    const errors = items.flatMap((item) => (item.kind === "error" ? [item.error] : []));
    expect(errors.map((e) => [e.input, e.location])).toEqual([
      [f, "line 5"],
      [f, "line 6"],
      [f, "line 7"],
      [f, "line 8"],
    ]);
  });

  it("maps the fields, keeps the others as metadata and the id as externalId", async () => {
    const docs = (await read(fileSource(fixture("jsonl", "feed.jsonl")))).flatMap((item) =>
      item.kind === "document" ? [item.init] : [],
    );
    expect(docs[0]).toEqual({
      url: "https://example.org/science/eclipse",
      lang: "en",
      date: { value: "2024-04-08", precision: "day" },
      title: "Eclipse darkens a continent",
      // the title does not open the text, so it heads it
      text: "Eclipse darkens a continent\n\nMillions of people in Mexico, the United States and Canada watched the Moon cover the Sun on Monday.",
      metadata: { section: "science", externalId: 101 },
    });
    // the text already opens with the title: kept as it is
    expect(docs[1]?.text).toBe(
      "España gana la Eurocopa\n\nLa selección venció 2-1 a Inglaterra en Berlín con goles de Nico Williams y Mikel Oyarzabal.",
    );
    expect(docs[2]).toMatchObject({
      date: { value: "2024-12", precision: "month" },
      title: undefined,
      text: "Notre-Dame de Paris a rouvert ses portes au public en décembre 2024.\nLes travaux ont duré plus de cinq ans.",
      metadata: { author: "Rédaction", tags: ["patrimoine", "Paris"] },
    });
    // a CRLF line end is tolerated
    expect(docs[3]).toMatchObject({
      text: "Le delegazioni hanno sfilato in barca lungo la Senna.",
      lang: undefined,
    });
  });

  it("uses --lang for records that do not state their language", async () => {
    const source = memorySource("l.jsonl", '{"text":"Ciao"}\n{"text":"Hello","lang":"en"}\n');
    const langs = (await read(source, { lang: "it" })).map(
      (item) => item.kind === "document" && item.init.lang,
    );
    expect(langs).toEqual(["it", "en"]);
  });

  it("reports a truncated last line and keeps the lines before it", async () => {
    const f = fixture("batch", "truncated.jsonl");
    const items = await read(fileSource(f));
    expect(summary(items)).toEqual([
      `doc ${f}:line 1`,
      `doc ${f}:line 2`,
      expect.stringMatching(new RegExp(`^error ${f}:3: invalid JSON \\(.+\\)$`)),
    ]);
  });

  it("strips a BOM, splits lines across stream chunks and skips blank lines", async () => {
    const content = '\uFEFF{"id":1,"text":"Città"}\r\n\r\n  \n{"id":2,"text":"perché"}';
    const items = await read(memorySource("b.jsonl", content, 3));
    expect(items.map((item) => item.kind === "document" && item.init.text)).toEqual(["Città", "perché"]);
    expect(items.map((item) => item.kind === "document" && item.where)).toEqual([
      "b.jsonl:line 1",
      "b.jsonl:line 4",
    ]);
  });

  it("refuses a line over maxDocumentBytes and reads the next", async () => {
    const long = JSON.stringify({ text: "x".repeat(5000) });
    const items = await read(memorySource("big.jsonl", `${long}\n{"text":"short"}\n`, 1024), {
      maxDocumentBytes: 4096,
    });
    expect(summary(items)).toEqual([
      "error big.jsonl:1: too large for one document: 4.9 KiB > 4.0 KiB (raise --max-bytes)",
      "doc big.jsonl:line 2",
    ]);
  });

  it("refuses empty text, non-string fields, empty files, binary content and UTF-16", async () => {
    const errors = async (name: string, content: string | Buffer) =>
      summary(await read(memorySource(name, content)));
    expect(await errors("e.jsonl", '{"text":"  "}\n{"text":"ok","title":7}')).toEqual([
      'error e.jsonl:1: empty "text"',
      'error e.jsonl:2: "title" is not a string',
    ]);
    expect(await errors("none.jsonl", "\n \n")).toEqual(["error none.jsonl: empty input"]);
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000010000000100806000000", "hex");
    expect(await errors("img.jsonl", png)).toEqual(["error img.jsonl: binary content (not text)"]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"text":"x"}', "utf16le")]);
    expect(await errors("w.jsonl", utf16)).toEqual(["error w.jsonl: JSON Lines must be UTF-8, not utf-16le"]);
  });

  it("sniffs a JSON object on the first non-blank line; the extension is a hint", () => {
    const sniff = (s: string, name = "x.txt") => jsonlReader.sniff(Buffer.from(s), name);
    expect(sniff('\n  {"text": "a"}')).toBe(true);
    expect(sniff("{")).toBe(true);
    expect(sniff("{Editor's note} Prose.")).toBe(false);
    expect(sniff("Prose.")).toBe(false);
    expect(sniff("Prose.", "feed.ndjson")).toBe(true);
  });
});
