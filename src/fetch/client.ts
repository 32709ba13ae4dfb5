import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { BlockedAddressError, guardedLookup, isPublicAddress } from "./address.js";
import { ALLOW_ALL, parseRobots, type RobotsRules, robotsAllows } from "./robots.js";

export const USER_AGENT = "relata/0.1 (news analysis; robots.txt honoured)";
const ROBOTS_AGENT = "relata";
const MAX_REDIRECTS = 5;

export interface FetchOptions {
  /** Fetch private, loopback and link-local addresses too (a local server, an intranet). */
  readonly allowPrivate?: boolean | undefined;
  /** Least time between two requests to the same host, in ms. */
  readonly rateMs?: number | undefined;
  /** Longest a request may take, headers and body, in ms. */
  readonly timeoutMs?: number | undefined;
  /** Largest body accepted, in bytes. */
  readonly maxBytes?: number | undefined;
}

export interface Fetched {
  /** The URL the body came from, after redirects. */
  readonly url: string;
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: Buffer;
}

/** A failed fetch, naming the URL and why. */
export class FetchError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`${url}: ${reason}`);
    this.name = "FetchError";
  }
}

/**
 * A polite HTTP client: robots.txt read once per origin and honoured, one request per host per
 * interval, a deadline and a size cap on every response, a User-Agent naming relata, and no
 * connection to a non-public address unless allowed.
 */
export class PoliteClient {
  private readonly robots = new Map<string, Promise<RobotsRules>>();
  private readonly lastRequest = new Map<string, number>();
  readonly rateMs: number;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly allowPrivate: boolean;

  constructor(options: FetchOptions = {}) {
    this.rateMs = options.rateMs ?? 1000;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
    this.allowPrivate = options.allowPrivate ?? false;
  }

  /** GETs a URL, following redirects; throws FetchError for a refused, failed or non-2xx fetch. */
  async get(target: string): Promise<Fetched> {
    let url = parseHttpUrl(target);
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (!robotsAllows(await this.robotsFor(url), url.pathname + url.search)) {
        throw new FetchError(url.href, "disallowed by robots.txt");
      }
      const response = await this.request(url);
      const location = response.headers.location;
      if (response.status >= 300 && response.status < 400 && location) {
        url = parseHttpUrl(new URL(location, url).href);
        continue;
      }
      if (response.status < 200 || response.status >= 300) {
        throw new FetchError(url.href, `HTTP ${response.status}`);
      }
      return {
        url: url.href,
        status: response.status,
        contentType: response.headers["content-type"],
        body: response.body,
      };
    }
    throw new FetchError(target, `more than ${MAX_REDIRECTS} redirects`);
  }

  /**
   * The origin's robots.txt rules, fetched once. RFC 9309: a missing one (4xx) allows everything;
   * an unreachable one (5xx, network error) forbids the whole site, which every fetch there reports.
   */
  private robotsFor(url: URL): Promise<RobotsRules> {
    let rules = this.robots.get(url.origin);
    if (!rules) {
      const robotsUrl = new URL("/robots.txt", url);
      const unreachable = (reason: string) =>
        new FetchError(url.href, `not fetched: ${robotsUrl.href} is unreachable (${reason})`);
      rules = this.request(robotsUrl).then(
        (r) => {
          if (r.status >= 200 && r.status < 300) return parseRobots(r.body.toString("utf8"), ROBOTS_AGENT);
          if (r.status >= 400 && r.status < 500) return ALLOW_ALL;
          throw unreachable(`HTTP ${r.status}`);
        },
        (error: FetchError) => {
          throw error.reason.includes("--allow-private")
            ? new FetchError(url.href, error.reason)
            : unreachable(error.reason);
        },
      );
      this.robots.set(url.origin, rules);
    }
    return rules;
  }

  /** One request, after waiting out the host's interval. */
  private async request(
    url: URL,
  ): Promise<{ status: number; headers: IncomingMessage["headers"]; body: Buffer }> {
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (!this.allowPrivate && isIP(host) && !isPublicAddress(host)) {
      throw new FetchError(url.href, new BlockedAddressError(host, host).message);
    }
    const wait = (this.lastRequest.get(host) ?? Number.NEGATIVE_INFINITY) + this.rateMs - Date.now();
    if (wait > 0) await sleep(wait);
    this.lastRequest.set(host, Date.now());
    const request = url.protocol === "https:" ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const fail = (reason: string) => reject(new FetchError(url.href, reason));
      const req = request(url, {
        headers: {
          "user-agent": USER_AGENT,
          accept:
            "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5",
          "accept-encoding": "identity",
        },
        ...(this.allowPrivate ? {} : { lookup: guardedLookup }),
      });
      const deadline = setTimeout(
        () => req.destroy(new Error(`timed out after ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
      req.on("error", (error) => {
        clearTimeout(deadline);
        fail(error.message);
      });
      req.on("response", (res) => {
        const declared = Number(res.headers["content-length"]);
        if (declared > this.maxBytes) {
          req.destroy(
            new Error(`larger than the size cap (${declared} > ${this.maxBytes} bytes, raise --max-bytes)`),
          );
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > this.maxBytes)
            req.destroy(new Error(`larger than the size cap (${this.maxBytes} bytes, raise --max-bytes)`));
          else chunks.push(chunk);
        });
        res.on("end", () => {
          clearTimeout(deadline);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
        });
        res.on("error", () => undefined); // the request's error handler reports it
      });
      req.end();
    });
  }
}

function parseHttpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchError(text, "not a URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new FetchError(text, "only http and https URLs are fetched");
  return url;
}
