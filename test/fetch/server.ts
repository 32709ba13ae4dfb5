import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface TestSite {
  readonly origin: string;
  /** Every request the server received: path, user agent and arrival time in ms. */
  readonly requests: { path: string; userAgent: string | undefined; at: number }[];
  close(): Promise<void>;
}

const ARTICLE = `<!doctype html><html lang="en"><head><title>Bridge reopens after repairs</title>
<meta property="og:site_name" content="Test Gazette"></head><body><nav>Home · News</nav><article>
<h1>Bridge reopens after repairs</h1>
<p>The river bridge reopened to traffic on Monday after six weeks of repairs to its deck and railings, the county said.</p>
<p>Buses will return to their usual route from Tuesday, and the temporary ferry service will stop at the end of the week.</p>
</article><footer>© Test Gazette</footer></body></html>`;

const FEED = (origin: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Gazette</title>
<item><title>Market hall roof replaced</title><link>${origin}/articles/1</link><pubDate>Mon, 03 Jun 2024 09:00:00 GMT</pubDate>
<description>${"&lt;p&gt;The roof of the market hall has been replaced with new timber and slate, and stalls will return on Saturday after a month in the car park. &lt;/p&gt;".repeat(3)}</description></item>
<item><title>Bridge reopens after repairs</title><link>${origin}/articles/2</link><pubDate>Tue, 04 Jun 2024 09:00:00 GMT</pubDate>
<description>The bridge is open again.</description></item>
</channel></rss>`;

/**
 * A small news site on 127.0.0.1: a feed, an article, a robots.txt closing /private (or answering
 * `robotsStatus`), a huge and a slow page.
 */
export async function startSite(robotsStatus = 200): Promise<TestSite> {
  const requests: TestSite["requests"] = [];
  let origin = "";
  const server: Server = createServer((req: IncomingMessage, res) => {
    const path = req.url ?? "/";
    requests.push({ path, userAgent: req.headers["user-agent"], at: Date.now() });
    const send = (type: string, body: string) => {
      res.writeHead(200, { "content-type": type });
      res.end(body);
    };
    if (path === "/robots.txt" && robotsStatus !== 200) res.writeHead(robotsStatus).end();
    else if (path === "/robots.txt") send("text/plain", "User-agent: *\nDisallow: /private\n");
    else if (path === "/feed.xml") send("application/rss+xml", FEED(origin));
    else if (path === "/articles/2") send("text/html; charset=utf-8", ARTICLE);
    else if (path === "/moved") res.writeHead(301, { location: "/articles/2" }).end();
    else if (path === "/private/page") send("text/html", ARTICLE);
    else if (path === "/huge") send("text/html", `<p>${"x".repeat(200_000)}</p>`);
    else if (path === "/slow") setTimeout(() => send("text/html", ARTICLE), 2000);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
