import { closeSync, openSync, rmSync, writeSync } from "node:fs";
import * as fsPromises from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { detectFormat, FORMATS, readAll, readerFor } from "../../src/readers/index.js";
import type { ReadItem } from "../../src/readers/reader.js";
import { collect, fixture } from "./helpers.js";

// Spies on whole-file reads, to prove that an oversized file is refused without being read.
vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  return { ...actual, readFile: vi.fn(actual.readFile) };
});

const dir = fsPromises.mkdtemp(join(tmpdir(), "relata-readers-"));
const huge = dir.then((d) => join(d, "dump.txt"));

beforeAll(async () => {
  // 50 MiB of real text, written a chunk at a time so the test itself does not hold it either.
  const fd = openSync(await huge, "w");
  const chunk = Buffer.from(
    "Una riga di testo qualunque, ripetuta per fare un file enorme.\n".repeat(16_384),
  );
  for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) {
    writeSync(fd, chunk, 0, Math.min(chunk.length, 50 * 1024 * 1024 - written));
  }
  closeSync(fd);
});
afterAll(async () => rmSync(await dir, { recursive: true, force: true }));

const summary = (items: ReadItem[]) =>
  items.map((item) => (item.kind === "document" ? `doc ${item.where}` : `error ${item.error.message}`));

describe("detectFormat", () => {
  const detect = (content: string | Buffer, name = "in.txt") => detectFormat(Buffer.from(content), name);

  it("chooses by content first", () => {
    expect(detect(" date 2024-08 Il leader russo a Kursk\n\nCorpo.")).toBe("seed");
    expect(detect('{"text": "a"}\n{"text": "b"}')).toBe("jsonl");
    expect(detect("Die Armee meldet Kämpfe.")).toBe("text");
    expect(detect("")).toBe("text");
  });

  it("takes a .jsonl or .ndjson name only as a hint", () => {
    expect(detect("date 2024-08-21 Titolo\n\nCorpo.", "misnamed.jsonl")).toBe("seed");
    expect(detect("not JSON at all", "feed.jsonl")).toBe("jsonl");
    expect(detect('{"text": "a"}', "feed.txt")).toBe("jsonl");
  });
});

describe("readerFor", () => {
  it("knows the formats and refuses others", () => {
    expect(FORMATS).toEqual(["seed", "warc", "feed", "html", "jsonl", "text"]);
    expect(readerFor("seed").format).toBe("seed");
    expect(() => readerFor("yaml")).toThrow(
      'unknown format "yaml" (expected seed, warc, feed, html, jsonl, text)',
    );
  });
});

describe("readAll", () => {
  it("reads a whole batch: each bad input is one clear error and the others are still read", async () => {
    const batch = fixture("batch");
    const cp1252 = fixture("text", "croazia-euro.it.cp1252.txt");
    const feed = fixture("jsonl", "feed.jsonl");
    const missing = join(await dir, "missing.txt");
    const items = await collect(readAll([await huge, batch, missing, cp1252, feed, fixture("seed")]));

    expect(summary(items)).toEqual([
      `error ${await huge}: too large for one document: 50.0 MiB > 5.0 MiB (raise --max-bytes)`,
      `error ${join(batch, "binary.txt")}: binary content (not text)`,
      `error ${join(batch, "empty.txt")}: empty input`,
      `doc ${join(batch, "nested", "closing.en.txt")}`,
      `error ${join(batch, "nested", "whitespace.txt")}: empty input`,
      `doc ${join(batch, "truncated.jsonl")}:line 1`,
      `doc ${join(batch, "truncated.jsonl")}:line 2`,
      expect.stringMatching(/truncated\.jsonl:3: invalid JSON \(.+\)$/),
      `error ${missing}: not found`,
      `doc ${cp1252}`,
      `doc ${feed}:line 1`,
      `doc ${feed}:line 3`,
      `doc ${feed}:line 4`,
      `error ${feed}:5: missing "text"`,
      `error ${feed}:6: not a JSON object`,
      `error ${feed}:7: invalid date "2024-02-30"`,
      `error ${feed}:8: "text" is not a string`,
      `doc ${feed}:line 10`,
      `doc ${fixture("seed", "dana-valencia.es.txt")}`,
      `doc ${fixture("seed", "notre-dame.fr.txt")}`,
      `doc ${fixture("seed", "olimpiadi-parigi.it.txt")}`,
    ]);
    const wholeReads = vi.mocked(fsPromises.readFile).mock.calls.map(([path]) => path);
    expect(wholeReads).toContain(cp1252);
    expect(wholeReads).not.toContain(await huge);

    const windows = items.find((item) => item.kind === "document" && item.where === cp1252);
    expect(windows?.kind === "document" && windows.init).toMatchObject({
      text: expect.stringContaining("Perché il passaggio fosse rapido"),
      metadata: { charset: "windows-1252" },
    });
  });

  it("reads the 50 MB file once the cap allows it", async () => {
    const [item] = await collect(readAll([await huge], { maxDocumentBytes: 64 * 1024 * 1024 }));
    expect(item?.kind === "document" && item.init.text.length).toBe(50 * 1024 * 1024);
  });

  it("forces a format when asked", async () => {
    const seedAsText = await collect(readAll([fixture("seed", "notre-dame.fr.txt")], {}, "text"));
    expect(seedAsText[0]?.kind === "document" && seedAsText[0].init.text).toMatch(
      /^date 2024-12-07 Notre-Dame/,
    );
    const textAsSeed = await collect(readAll([fixture("text", "eclipse.en.txt")], {}, "seed"));
    expect(summary(textAsSeed)).toEqual([
      `error ${fixture("text", "eclipse.en.txt")}:1: expected "date YYYY-MM[-DD] headline" on the first line`,
    ]);
    await expect(collect(readAll([fixture("seed")], {}, "yaml"))).rejects.toThrow(/unknown format "yaml"/);
  });

  it("passes the options to the readers", async () => {
    const [item] = await collect(
      readAll([fixture("text", "eclipse.en.txt")], { lang: "en", date: "2024-04-08", title: "Eclipse" }),
    );
    expect(item?.kind === "document" && item.init).toMatchObject({
      lang: "en",
      date: { value: "2024-04-08", precision: "day" },
      title: "Eclipse",
      text: expect.stringMatching(/^Eclipse\n\nA total solar eclipse/),
    });
  });
});
