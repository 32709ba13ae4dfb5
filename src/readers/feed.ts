import { isUtf8 } from "node:buffer";
import { parseFeed } from "feedsmith";
import type { DocumentInit } from "../document/document.js";
import { decode, normalizeText } from "./decode.js";
import { parseLooseDate } from "./html-meta.js";
import { htmlToText } from "./html-text.js";
import { maxDocumentBytes, tooLarge } from "./limits.js";
import { errorItem, InputError, type Reader, type ReadItem, type ReadOptions } from "./reader.js";

const FEED_ROOT = /^(?:\s|<\?xml[^>]*\?>|<!--[\s\S]*?-->|<\?xml-stylesheet[^>]*\?>)*<(?:rss|feed|rdf:RDF)\b/;
/**
 * Below this many characters an item's text is a summary, not the article: the item becomes a
 * document marked `metadata.needsFetch` (its link holds the article), with the summary as text.
 */
export const SUMMARY_CHARS = 300;
/** A feed is many articles: it may be this many times larger than one document. */
const FEED_SIZE_FACTOR = 20;

export function sniffFeed(head: Buffer): boolean {
  return FEED_ROOT.test(head.subarray(0, 4096).toString("latin1").replace(/^ï»¿/, ""));
}

/** One feed item in the shape shared by RSS, Atom and RDF. */
interface FeedItem {
  title?: string | undefined;
  link?: string | undefined;
  date?: string | undefined;
  html?: string | undefined;
  id?: string | undefined;
}

/**
 * RSS 2.0, Atom and RDF feeds: each item is a document (see SUMMARY_CHARS for items carrying only a
 * summary). An item with neither text nor link is an error item naming its position; the others are read.
 */
export const feedReader: Reader = {
  format: "feed",
  sniff: sniffFeed,
  async *read(source, options) {
    const max = maxDocumentBytes(options) * FEED_SIZE_FACTOR;
    if (source.size !== undefined && source.size > max) {
      yield errorItem(tooLarge(source.name, source.size, max));
      return;
    }
    yield* readFeedText(decodeXml(await source.bytes(), source.name), source.name, options);
  },
};

/**
 * The items of a feed already decoded to text, as read items. A feed the parser refuses as a whole
 * (cut off, unbalanced tags) is read again item by item, so that its well-formed items survive.
 */
export function* readFeedText(xml: string, input: string, options: ReadOptions = {}): Generator<ReadItem> {
  let parsed: ParsedFeed;
  try {
    parsed = parseWhole(xml);
  } catch (error) {
    const reason = (error as Error).message;
    if (!/<(?:item|entry)\b/.test(xml)) {
      yield errorItem(new InputError(input, `not a readable RSS, Atom or RDF feed (${reason})`));
      return;
    }
    yield errorItem(new InputError(input, `malformed feed (${reason}); reading its items one by one`));
    parsed = salvage(xml);
  }
  if (parsed.items.length === 0) yield errorItem(new InputError(input, "feed has no items"));
  for (const [i, item] of parsed.items.entries()) {
    const location = `item ${i + 1}`;
    try {
      if (item instanceof Error) throw item;
      const init = itemToInit(item, { ...options, lang: options.lang ?? parsed.lang });
      yield {
        kind: "document",
        init: { ...init, metadata: { ...init.metadata, format: parsed.format, feedTitle: parsed.title } },
        where: `${input}:${location}`,
      };
    } catch (error) {
      yield errorItem(new InputError(input, (error as Error).message, location));
    }
  }
}

interface ParsedFeed {
  format: string;
  title?: string | undefined;
  lang?: string | undefined;
  items: (FeedItem | Error)[];
}

function parseWhole(xml: string): ParsedFeed {
  const { format, feed } = parseFeed(xml) as { format: string; feed: Record<string, unknown> };
  const lang = text(feed.language)
    ?.match(/^[a-z]{2,3}\b/i)?.[0]
    .toLowerCase();
  return { format, title: text(feed.title), lang, items: feedItems(format, feed) };
}

const ITEM = /<(item|entry)\b[\s\S]*?<\/\1\s*>/g;

/** Each complete item parsed on its own, inside a minimal feed of the same kind; an unclosed last item is an error. */
function salvage(xml: string): ParsedFeed {
  const atom = /<feed\b/.test(xml);
  const wrap = (item: string) =>
    atom
      ? `<feed xmlns="http://www.w3.org/2005/Atom">${item}</feed>`
      : `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>${item}</channel></rss>`;
  const items: (FeedItem | Error)[] = [];
  let end = 0;
  for (const match of xml.matchAll(ITEM)) {
    end = match.index + match[0].length;
    try {
      const parsed = parseWhole(wrap(match[0]));
      items.push(parsed.items[0] ?? new Error("unreadable item"));
    } catch (error) {
      items.push(new Error(`unreadable item (${(error as Error).message})`));
    }
  }
  if (/<(?:item|entry)\b/.test(xml.slice(end)))
    items.push(new Error("item not closed (the feed is cut off or malformed)"));
  return { format: atom ? "atom" : "rss", items };
}

function itemToInit(item: FeedItem, options: ReadOptions): DocumentInit {
  const title = item.title ? htmlToText(item.title).replace(/\s+/g, " ") || undefined : undefined;
  const body = item.html ? normalizeText(htmlToText(item.html)) : "";
  if (!body && !item.link) throw new Error("no text and no link");
  if (!body && !title) throw new Error("no text and no title");
  const date = item.date ? parseLooseDate(item.date) : undefined;
  if (item.date && !date) throw new Error(`invalid date "${item.date}"`);
  const needsFetch = item.link !== undefined && body.length < SUMMARY_CHARS;
  const text = title && !body.startsWith(title) ? (body ? `${title}\n\n${body}` : title) : body;
  return {
    url: item.link,
    lang: options.lang,
    date,
    title,
    text,
    metadata: { ...(item.id && { guid: item.id }), ...(needsFetch && { needsFetch: true }) },
  };
}

function feedItems(format: string, feed: Record<string, unknown>): FeedItem[] {
  if (format === "atom") {
    return records(feed.entries).map((entry) => ({
      title: text(entry.title),
      link: atomLink(entry.links),
      date: text(entry.published) ?? text(entry.updated),
      html: text(entry.content) ?? text(entry.summary),
      id: text(entry.id),
    }));
  }
  return records(feed.items).map((item) => {
    const content = item.content as Record<string, unknown> | undefined;
    const dc = item.dc as Record<string, unknown> | undefined;
    return {
      title: text(item.title),
      link: text(item.link),
      date: text(item.pubDate) ?? text(dc?.dates),
      html: longer(text(content?.encoded), text(item.description)),
      id: text((item.guid as Record<string, unknown> | undefined)?.value),
    };
  });
}

function longer(a: string | undefined, b: string | undefined): string | undefined {
  return (a?.length ?? 0) >= (b?.length ?? 0) ? (a ?? b) : b;
}

/** The alternate link of an Atom entry, or its first. */
function atomLink(links: unknown): string | undefined {
  const all = records(links);
  const chosen = all.find((l) => l.rel === undefined || l.rel === "alternate") ?? all[0];
  return text(chosen?.href);
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.filter((v): v is Record<string, unknown> => typeof v === "object" && v !== null)
    : [];
}

/** A string field, the first of a list (Dublin Core dates), or the `value` of an Atom text construct; blank counts as absent. */
function text(value: unknown): string | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  const raw = typeof first === "object" && first !== null ? (first as { value?: unknown }).value : first;
  return typeof raw === "string" && raw.trim() !== "" ? raw.trim() : undefined;
}

/** UTF-8 when valid, else the encoding the XML declaration names, else detected. */
export function decodeXml(bytes: Buffer, input: string): string {
  if (isUtf8(bytes)) return normalizeText(bytes.toString("utf8").replace(/^\uFEFF/, ""));
  const declared = bytes
    .subarray(0, 200)
    .toString("latin1")
    .match(/^<\?xml[^>]*encoding=["']([^"']+)/)?.[1];
  if (declared) {
    try {
      return normalizeText(new TextDecoder(declared).decode(bytes));
    } catch {
      // an unknown label: fall back to detection
    }
  }
  return decode(bytes, input).text;
}
