import { isUtf8 } from "node:buffer";
import chardet from "chardet";
import iconv, { type Encoding } from "iconv-lite";
import { InputError } from "./reader.js";

/** Bytes examined to tell text from binary (and UTF-16 without a BOM) and to sniff formats. */
export const SNIFF_BYTES = 8192;
/** Bytes given to charset detection: enough for a confident guess, cheap on large files. */
const DETECT_BYTES = 65536;
/** The legacy charset of most Western news text, used when detection has no usable answer. */
const FALLBACK: Encoding = "windows-1252";

export interface Decoded {
  readonly text: string;
  /** The charset the bytes were decoded from, lower case: "utf-8", "utf-16le", "windows-1252"… */
  readonly charset: string;
}

const BOMS: ReadonlyArray<{ charset: Encoding; bytes: readonly number[] }> = [
  { charset: "utf-8", bytes: [0xef, 0xbb, 0xbf] },
  { charset: "utf-16le", bytes: [0xff, 0xfe] },
  { charset: "utf-16be", bytes: [0xfe, 0xff] },
];

export function bomOf(bytes: Uint8Array): { charset: Encoding; length: number } | undefined {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte));
  return bom && { charset: bom.charset, length: bom.bytes.length };
}

/**
 * Decodes a whole input: by its BOM, as UTF-8 when valid, else in the charset chardet detects.
 * Line ends become LF and NUL bytes are dropped; binary content is refused with an InputError.
 */
export function decode(bytes: Buffer, input: string): Decoded {
  const bom = bomOf(bytes);
  const charset = bom?.charset ?? utf16WithoutBom(bytes.subarray(0, SNIFF_BYTES));
  if (!charset && isBinary(bytes)) throw new InputError(input, "binary content (not text)");
  const used = charset ?? (isUtf8(bytes) ? "utf-8" : detectCharset(bytes));
  // iconv-lite would strip a BOM itself; slicing it off keeps that independent of its options.
  return { text: normalizeText(iconv.decode(bytes.subarray(bom?.length ?? 0), used)), charset: used };
}

function detectCharset(bytes: Buffer): Encoding {
  const guess = chardet.detect(bytes.subarray(0, DETECT_BYTES))?.toLowerCase();
  return guess && iconv.encodingExists(guess) ? guess : FALLBACK;
}

/** LF line ends and no NULs, whatever the source: annotation offsets must not depend on them. */
export function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replaceAll("\0", "");
}

/** Control bytes never found in text; tab, the line and page breaks and escape are text. */
function isControl(byte: number): boolean {
  return (byte < 0x20 && (byte < 0x09 || byte > 0x0d) && byte !== 0x1b) || byte === 0x7f;
}

/**
 * True for binary content (an image, an archive, an executable, random bytes): more control bytes,
 * NUL included, than the few strays a text may carry. UTF-16 text, full of NULs, is not binary.
 */
export function isBinary(head: Uint8Array): boolean {
  const sample = head.subarray(0, SNIFF_BYTES);
  if (bomOf(sample) || utf16WithoutBom(sample)) return false;
  let controls = 0;
  for (const byte of sample) if (isControl(byte)) controls++;
  return controls > Math.max(1, sample.length / 20);
}

/**
 * UTF-16 without a BOM, recognised by Latin-script text: nearly every code unit has a zero high
 * byte and a printable low byte, always on the same side of the pair.
 */
function utf16WithoutBom(sample: Uint8Array): Encoding | undefined {
  const units = sample.length >> 1;
  if (units < 2) return undefined;
  for (const [charset, high] of [["utf-16le", 1] as const, ["utf-16be", 0] as const]) {
    let latin = 0;
    for (let i = 0; i + 1 < sample.length; i += 2) {
      const low = sample[i + 1 - high] as number;
      if (sample[i + high] === 0 && low !== 0 && !isControl(low)) latin++;
    }
    if (latin > units * 0.6) return charset;
  }
  return undefined;
}

/** The first non-blank line of an input's head, decoded leniently, for format sniffing. */
export function firstLine(head: Buffer): string | undefined {
  const bom = bomOf(head);
  const charset = bom?.charset ?? utf16WithoutBom(head.subarray(0, SNIFF_BYTES)) ?? "utf-8";
  return iconv
    .decode(head.subarray(bom?.length ?? 0), charset)
    .split(/\r\n?|\n/)
    .find((line) => line.trim() !== "");
}
