import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decode, firstLine, isBinary } from "../../src/readers/decode.js";
import { InputError } from "../../src/readers/reader.js";
import { fixture } from "./helpers.js";

const bytesOf = (...parts: string[]) => readFileSync(fixture(...parts));

/** Deterministic pseudo-random bytes (xorshift), so the binary test cannot flake. */
function noise(length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = 0x2545f491;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe("decode", () => {
  it("decodes Windows-1252, euro sign and curly quotes included", () => {
    const text = "A Zagabria, città dell’eurozona, un caffè costa 1,50 €. Perché? “Colpa dei prezzi”.";
    const bytes = iconv.encode(text, "windows-1252");
    expect(bytes.includes(0x80)).toBe(true);
    expect(decode(bytes, "cp.txt")).toEqual({ text, charset: "windows-1252" });
  });

  it("decodes a Windows-1252 fixture with CRLF line ends", () => {
    const { text, charset } = decode(bytesOf("text", "croazia-euro.it.cp1252.txt"), "croazia.txt");
    expect(charset).toBe("windows-1252");
    expect(text).toContain("città");
    expect(text).toContain("Perché");
    expect(text).toContain("7,53450 kune per 1 €.");
    expect(text).toContain("“corso legale”");
    expect(text).not.toContain("\r");
  });

  it("decodes ISO-8859-1", () => {
    const { text, charset } = decode(bytesOf("text", "em-finale.de.latin1.txt"), "em.txt");
    expect(charset).toBe("iso-8859-1");
    expect(text).toContain("in Führung");
    expect(text).toContain("Für Spaniens Fußballer ist es der größte Erfolg seit 2012.");
  });

  it("decodes other legacy charsets that chardet recognises", () => {
    for (const [text, charset] of [
      ["Президент заявил, что переговоры продолжатся в следующем месяце в Москве.", "windows-1251"],
      ["東京都は本日、新しい交通政策を発表しました。詳しい内容は来週公表されます。", "shift_jis"],
    ]) {
      expect(decode(iconv.encode(text as string, charset as string), "x.txt")).toEqual({ text, charset });
    }
  });

  it("decodes UTF-8 with and without a BOM, dropping the BOM", () => {
    const text = "Straße in München — ¿qué pasó?";
    expect(decode(Buffer.from(text), "a.txt")).toEqual({ text, charset: "utf-8" });
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    expect(decode(withBom, "b.txt")).toEqual({ text, charset: "utf-8" });
  });

  it("decodes UTF-16 with a BOM, little- and big-endian, and a UTF-16 seed fixture", () => {
    const text = "Notre-Dame a rouvert le 7 décembre.\nL’archevêque a frappé trois fois.";
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, "utf-16be")]);
    expect(decode(le, "le.txt")).toEqual({ text, charset: "utf-16le" });
    expect(decode(be, "be.txt")).toEqual({ text, charset: "utf-16be" });
    const seed = decode(bytesOf("seed", "dana-valencia.es.txt"), "dana.txt");
    expect(seed.charset).toBe("utf-16le");
    expect(seed.text.startsWith("date 2024-11 La DANA deja más de doscientos muertos")).toBe(true);
  });

  it("recognises UTF-16 of Latin-script text without a BOM", () => {
    const text = "Spanien gewinnt das Finale in Berlin mit 2:1 gegen England.";
    expect(decode(iconv.encode(text, "utf-16le"), "le.txt")).toEqual({ text, charset: "utf-16le" });
    expect(decode(iconv.encode(text, "utf-16be"), "be.txt")).toEqual({ text, charset: "utf-16be" });
  });

  it("normalises CRLF and lone CR to LF", () => {
    expect(decode(Buffer.from("uno\r\ndue\rtre\n\r\nquattro"), "crlf.txt").text).toBe(
      "uno\ndue\ntre\n\nquattro",
    );
  });

  it("drops NUL bytes inside otherwise textual content", () => {
    const bytes = Buffer.from(
      "The eclipse crossed Mexico,\0 the United States and Canada on 8 April 2024.\0\n",
    );
    expect(isBinary(bytes)).toBe(false);
    expect(decode(bytes, "nul.txt").text).toBe(
      "The eclipse crossed Mexico, the United States and Canada on 8 April 2024.\n",
    );
  });

  it("refuses binary content, naming the input", () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(200)]);
    const binaries = {
      png: bytesOf("batch", "binary.txt"),
      gzip: gzipSync(bytesOf("text", "eclipse.en.txt")),
      elf,
      random: noise(4096),
    };
    for (const [name, bytes] of Object.entries(binaries)) {
      expect(isBinary(bytes), name).toBe(true);
      expect(() => decode(bytes, `${name}.bin`)).toThrow(InputError);
      expect(() => decode(bytes, `${name}.bin`)).toThrow(`${name}.bin: binary content (not text)`);
    }
  });
});

describe("firstLine", () => {
  it("finds the first non-blank line, whatever the BOM", () => {
    expect(firstLine(Buffer.from("\n  \r\n date 2024-08 Titolo\n\ncorpo"))).toBe(" date 2024-08 Titolo");
    expect(firstLine(bytesOf("seed", "notre-dame.fr.txt"))).toMatch(/^date 2024-12-07 Notre-Dame/);
    expect(firstLine(bytesOf("seed", "dana-valencia.es.txt"))).toMatch(/^date 2024-11 La DANA/);
    expect(firstLine(Buffer.from(" \n\n"))).toBeUndefined();
  });
});
