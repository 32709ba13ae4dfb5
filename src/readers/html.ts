import { isUtf8 } from "node:buffer";
import { Readability } from "@mozilla/readability";
import sniffHtmlEncoding from "html-encoding-sniffer";
import { parseHTML } from "linkedom";
import type { PublishedDate } from "../document/date.js";
import type { DocumentInit } from "../document/document.js";
import { normalizeText } from "./decode.js";
import { type MetaDocument, pageMeta } from "./html-meta.js";
import { blocksToText } from "./html-text.js";
import { maxDocumentBytes, tooLarge } from "./limits.js";
import { errorItem, InputError, type Reader, type ReadOptions } from "./reader.js";

const HTML_START = /^(?:\s|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html|head|body|meta|title)\b/i;
const EXTENSION = /\.x?html?$/i;
/** Readability's default (500) drops short briefs for a longer sidebar teaser; 100 keeps the brief. */
const CHAR_THRESHOLD = 100;

/** What the carrier of a page (HTTP, a WARC record) knows that the page may not say. */
export interface PageContext {
  readonly url?: string | undefined;
  /** The Content-Type header, whose charset wins over the page's own declaration. */
  readonly contentType?: string | undefined;
  /** Used when the page states no date (a WARC capture time, a feed item's date). */
  readonly fallbackDate?: PublishedDate | undefined;
}

export function sniffHtml(head: Buffer, name: string): boolean {
  return (
    HTML_START.test(
      head
        .subarray(0, 2048)
        .toString("latin1")
        .replace(/^\uFEFF|^ï»¿/, ""),
    ) || EXTENSION.test(name)
  );
}

/**
 * Decodes a page in the charset of its Content-Type, else its BOM or `<meta charset>`, else UTF-8
 * when the bytes are valid UTF-8, else windows-1252 (the web's default).
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string): { text: string; charset: string } {
  const declared = contentType?.match(/charset\s*=\s*"?([^";\s]+)/i)?.[1];
  const charset = sniffHtmlEncoding(bytes, {
    transportLayerEncodingLabel: declared,
    defaultEncoding: isUtf8(bytes) ? "UTF-8" : "windows-1252",
  }).toLowerCase();
  return { text: normalizeText(new TextDecoder(charset).decode(bytes)), charset };
}

/**
 * A document from an HTML page: the main text found by Readability (paragraphs kept as blank
 * lines), headed by the title, with date, outlet, canonical URL and language from the metadata.
 * Throws InputError when the page has no readable text.
 */
export function htmlToInit(
  bytes: Uint8Array,
  input: string,
  context: PageContext = {},
  options: ReadOptions = {},
): DocumentInit {
  const { text: html, charset } = decodeHtml(bytes, context.contentType);
  // A bare fragment gets the document around it that the DOM and Readability expect.
  const { document } = parseHTML(
    /<(?:html|body)\b/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`,
  );
  const baseUrl = context.url ?? options.url;
  const meta = pageMeta(document as unknown as MetaDocument, baseUrl);
  // Readability rewrites the DOM it is given, so it runs after the metadata is read.
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
    charThreshold: CHAR_THRESHOLD,
  }).parse();
  const body = article?.content
    ? blocksToText(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body)
    : document.body
      ? blocksToText(document.body)
      : "";
  if (body.trim() === "") throw new InputError(input, "no readable text in the HTML page");
  const title = (meta.title ?? article?.title ?? "").replace(/\s+/g, " ").trim() || undefined;
  const url = meta.canonical ?? baseUrl;
  const date = meta.date ?? context.fallbackDate;
  return {
    url,
    source: meta.siteName,
    lang: meta.lang ?? options.lang,
    date,
    title,
    // The page often repeats its headline at the top of the article; it heads the text once.
    text: title && !body.startsWith(title) ? `${title}\n\n${body}` : body,
    metadata: {
      charset,
      format: "html",
      ...(date && { dateSource: meta.date ? meta.dateSource : "capture" }),
      ...(context.url && context.url !== url && { fetchedUrl: context.url }),
    },
  };
}

/** One HTML page per input. */
export const htmlReader: Reader = {
  format: "html",
  sniff: sniffHtml,
  async *read(source, options) {
    const max = maxDocumentBytes(options);
    if (source.size !== undefined && source.size > max) {
      yield errorItem(tooLarge(source.name, source.size, max));
      return;
    }
    const bytes = await source.bytes();
    try {
      if (bytes.length > max) throw tooLarge(source.name, bytes.length, max);
      yield { kind: "document", init: htmlToInit(bytes, source.name, {}, options), where: source.name };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      yield errorItem(error);
    }
  },
};
