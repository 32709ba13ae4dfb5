import type { DocumentInit } from "../document/document.js";
import { decodeXml, readFeedText, sniffFeed } from "../readers/feed.js";
import { htmlToInit } from "../readers/html.js";
import { errorItem, InputError, type ReadItem, type ReadOptions } from "../readers/reader.js";
import { FetchError, type PoliteClient } from "./client.js";

/**
 * The documents at a URL: a feed gives its items, and each item that carries only a summary
 * (`needsFetch`) is replaced by the article its link points to, keeping the item's date when the
 * page has none; an article that cannot be fetched leaves the summary document and an error.
 * An HTML page gives one document. Failures are error items naming the URL.
 */
export async function* fetchItems(
  target: string,
  client: PoliteClient,
  options: ReadOptions = {},
): AsyncGenerator<ReadItem> {
  let page: Awaited<ReturnType<PoliteClient["get"]>>;
  try {
    page = await client.get(target);
  } catch (error) {
    yield fetchError(target, error);
    return;
  }
  if (!sniffFeed(page.body)) {
    yield pageItem(page, options);
    return;
  }
  for (const item of readFeedText(decodeXml(page.body, page.url), page.url, options)) {
    if (item.kind === "error" || !item.init.metadata?.needsFetch || !item.init.url) {
      yield item;
      continue;
    }
    try {
      const article = await client.get(item.init.url);
      yield pageItem(article, options, item.init);
    } catch (error) {
      yield fetchError(item.init.url, error);
      yield item;
    }
  }
}

function pageItem(
  page: { url: string; contentType: string | undefined; body: Buffer },
  options: ReadOptions,
  feedItem?: DocumentInit,
): ReadItem {
  try {
    const init = htmlToInit(
      page.body,
      page.url,
      { url: page.url, contentType: page.contentType, fallbackDate: feedItem?.date },
      options,
    );
    return { kind: "document", init, where: page.url };
  } catch (error) {
    if (error instanceof InputError) return errorItem(error);
    throw error;
  }
}

function fetchError(url: string, error: unknown): ReadItem {
  const reason = error instanceof FetchError ? error.reason : (error as Error).message;
  return errorItem(new InputError(url, reason));
}
