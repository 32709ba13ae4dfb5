import { type PublishedDate, parsePublishedDate } from "../document/date.js";

/** The parts of a DOM document metadata is read from (linkedom's, here). */
export interface MetaDocument {
  querySelector(selector: string): MetaElement | null;
  querySelectorAll(selector: string): ArrayLike<MetaElement>;
  readonly documentElement: MetaElement | null;
}
interface MetaElement {
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
}

export interface PageMeta {
  readonly title?: string | undefined;
  readonly date?: PublishedDate | undefined;
  /** Where the date came from: "meta", "json-ld" or "time". */
  readonly dateSource?: string | undefined;
  readonly siteName?: string | undefined;
  readonly canonical?: string | undefined;
  readonly lang?: string | undefined;
}

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNews|AnalysisNewsArticle|BlogPosting|LiveBlogPosting|OpinionNewsArticle|Report)$/;

/** Title, date, outlet, canonical URL and language from a page's metadata, before Readability alters the DOM. */
export function pageMeta(document: MetaDocument, baseUrl: string | undefined): PageMeta {
  const meta = (...keys: string[]) => {
    for (const key of keys) {
      const value = document
        .querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`)
        ?.getAttribute("content")
        ?.trim();
      if (value) return value;
    }
    return undefined;
  };
  const dated = publishedDate(document, meta);
  const canonical =
    document.querySelector('link[rel="canonical"]')?.getAttribute("href")?.trim() || meta("og:url");
  return {
    title:
      meta("og:title", "twitter:title") ??
      (document.querySelector("title")?.textContent?.trim() || undefined),
    ...dated,
    siteName: meta("og:site_name", "application-name"),
    canonical: canonical ? absoluteUrl(canonical, baseUrl) : undefined,
    lang: languageCode(document.documentElement?.getAttribute("lang")) ?? languageCode(meta("og:locale")),
  };
}

function publishedDate(
  document: MetaDocument,
  meta: (...keys: string[]) => string | undefined,
): { date?: PublishedDate; dateSource?: string } {
  const fromMeta = meta(
    "article:published_time",
    "datePublished",
    "date",
    "pubdate",
    "DC.date.issued",
    "dcterms.created",
  );
  const candidates: [string | undefined, string][] = [
    [fromMeta, "meta"],
    [jsonLdDate(document), "json-ld"],
    [document.querySelector("time[datetime]")?.getAttribute("datetime") ?? undefined, "time"],
  ];
  for (const [value, dateSource] of candidates) {
    const date = value === undefined ? undefined : parseLooseDate(value);
    if (date) return { date, dateSource };
  }
  return {};
}

/** The datePublished of the first article object in the page's JSON-LD (top level, in arrays or in @graph). */
function jsonLdDate(document: MetaDocument): string | undefined {
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(scripts[i]?.textContent ?? "");
    } catch {
      continue; // a broken JSON-LD block is common and says nothing about the article
    }
    const found = findArticle(data);
    if (found) return found;
  }
  return undefined;
}

function findArticle(data: unknown): string | undefined {
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findArticle(item);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof data !== "object" || data === null) return undefined;
  const record = data as Record<string, unknown>;
  const types = ([] as unknown[]).concat(record["@type"]);
  if (
    types.some((t) => typeof t === "string" && ARTICLE_TYPES.test(t)) &&
    typeof record.datePublished === "string"
  ) {
    return record.datePublished;
  }
  return findArticle(record["@graph"]);
}

/**
 * An ISO date at the precision it is written with; anything else Date can read (RFC 822 in feeds)
 * becomes a time in UTC. Returns undefined for what is not a date.
 */
export function parseLooseDate(value: string): PublishedDate | undefined {
  const iso = parsePublishedDate(value.trim().replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  if (iso) return iso;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  return { value: new Date(ms).toISOString().replace(/\.000Z$/, "Z"), precision: "time" };
}

/** "it-IT", "it_IT", "IT" → "it"; undefined for values that are not a language tag. */
function languageCode(tag: string | null | undefined): string | undefined {
  const match = tag?.trim().match(/^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*$/);
  return match?.[1]?.toLowerCase();
}

function absoluteUrl(href: string, base: string | undefined): string | undefined {
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}
