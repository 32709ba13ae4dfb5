import { useEffect, useState } from "preact/hooks";
import { type Analysis, type Annotation, api, type CheckReport, type Facets, type Filters } from "./api.js";
import { Findings, Highlighted, marksOf } from "./highlight.js";
import { useLoad } from "./use-load.js";

/** The search route: #/search/QUERY/FILTERS, FILTERS a query string (lang=fr&entity=Q7747). */
export const searchHref = (filters: Filters) => {
  const { q = "", ...rest } = filters;
  const params = new URLSearchParams(
    Object.entries(rest).filter((e): e is [string, string] => Boolean(e[1])),
  );
  return `#/search/${encodeURIComponent(q)}/${encodeURIComponent(params.toString())}`;
};

const FACETS: { field: keyof Filters; facet: keyof Omit<Facets, "total">; title: string }[] = [
  { field: "lang", facet: "lang", title: "Language" },
  { field: "outlet", facet: "outlet", title: "Outlet" },
  { field: "from", facet: "month", title: "Month" },
  { field: "entity", facet: "entity", title: "Entity" },
  { field: "event", facet: "eventType", title: "Event type" },
];

/** Counts of the current results; a click narrows them (a month sets both date bounds). */
function FacetPanel({ facets, filters }: { facets: Facets; filters: Filters }) {
  const narrow = (field: keyof Filters, key: string): Filters =>
    field === "from" ? { ...filters, from: key, to: key } : { ...filters, [field]: key };
  return (
    <aside class="facets">
      {FACETS.map(({ field, facet, title }) => (
        <div key={facet} class={`facet facet-${facet}`}>
          <h4>{title}</h4>
          {filters[field] && (
            <a
              class="clear"
              href={searchHref({
                ...filters,
                [field]: undefined,
                ...(field === "from" ? { to: undefined } : {}),
              })}
            >
              × {filters[field]}
            </a>
          )}
          <ul>
            {facets[facet].map((c) => (
              <li key={c.key}>
                <a href={searchHref(narrow(field, c.key))}>{c.name}</a> <span class="muted">{c.n}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </aside>
  );
}

export function SearchView({ query, params }: { query: string; params: string }) {
  const filters: Filters = { ...Object.fromEntries(new URLSearchParams(params)), q: query || undefined };
  const key = searchHref(filters);
  const [q, setQ] = useState(query);
  const { data: result, error } = useLoad(() => api.search(filters), key);
  return (
    <section class="search">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          location.hash = searchHref({ ...filters, q });
        }}
      >
        <input
          name="q"
          value={q}
          onInput={(e) => setQ(e.currentTarget.value)}
          placeholder="Search the corpus (any language)"
        />
        <button type="submit">Search</button>
      </form>
      {error && <p class="error">{error}</p>}
      {result && (
        <div class="with-facets">
          <FacetPanel facets={result.facets} filters={filters} />
          <div>
            <p class="muted total">
              {result.facets.total} document{result.facets.total === 1 ? "" : "s"}
            </p>
            <ul class="hits">
              {result.hits.map((h) => (
                <li key={h.id}>
                  <a href={`#/doc/${h.id}`}>{h.title ?? "(untitled)"}</a>
                  <span class="muted">
                    {" "}
                    {h.lang} · {h.date ?? "undated"} · {h.source ?? ""}
                  </span>
                  <div class="snippet">{h.snippet}</div>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </section>
  );
}

export function ArticleView({ id }: { id: string }) {
  const [doc, setDoc] = useState<Analysis | null>(null);
  const [report, setReport] = useState<CheckReport | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    api.document(id).then(setDoc, (e: Error) => setError(e.message));
    api.findings(id).then(setReport, (e: Error) => setError(e.message));
  }, [id]);
  if (error) return <p class="error">{error}</p>;
  if (!doc) return <p class="muted">Loading…</p>;
  const findings = report?.findings ?? [];
  return (
    <section class="article">
      <div class="main">
        <h2>{doc.title ?? "(untitled)"}</h2>
        <p class="muted">
          {doc.lang} · {doc.date ?? "undated"} · {doc.source ?? ""} {doc.url && <a href={doc.url}>source</a>}{" "}
          {typeof doc.story === "number" && (
            <a class="story-link" href={`#/story/${doc.story}`}>
              story
            </a>
          )}
        </p>
        <Highlighted text={doc.text} marks={marksOf(doc, findings)} />
      </div>
      <aside class="margin">
        <h3>Findings</h3>
        <Findings findings={findings} docId={doc.id} />
        <EntityLinks analysis={doc} />
        <p class="legend">
          <span class="mark entities">entity</span> <span class="mark times">time</span>{" "}
          <span class="mark amounts">amount</span> <span class="mark quotes">quote</span>
        </p>
      </aside>
    </section>
  );
}

/** The KB entities an article names, each linking to its page. */
function EntityLinks({ analysis }: { analysis: Analysis }) {
  const names = new Map<string, string>();
  for (const e of (analysis.entities as Annotation[] | undefined) ?? [])
    if (e.kbId && !e.adjective) names.set(e.kbId as string, e.name as string);
  if (names.size === 0) return null;
  return (
    <>
      <h3>Named</h3>
      <p>
        {[...names].map(([id, name]) => (
          <a key={id} class="entity-link" href={`#/entity/${encodeURIComponent(id)}`}>
            {name}
          </a>
        ))}
      </p>
    </>
  );
}

export function CheckView() {
  const [text, setText] = useState("");
  const [lang, setLang] = useState("");
  const [date, setDate] = useState("");
  const [token, setToken] = useState(sessionStorage.getItem("relata-token") ?? "");
  const [report, setReport] = useState<CheckReport | null>(null);
  const [checked, setChecked] = useState("");
  const [error, setError] = useState("");
  const submit = (e: Event) => {
    e.preventDefault();
    sessionStorage.setItem("relata-token", token);
    setError("");
    api.check({ text, lang: lang || undefined, date: date || undefined }, token).then(
      (r) => {
        setReport(r);
        setChecked(text);
      },
      (err: Error) => setError(err.message),
    );
  };
  return (
    <section>
      <form class="check" onSubmit={submit}>
        <textarea
          name="text"
          rows={10}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          placeholder="Paste an article"
        />
        <input
          name="lang"
          value={lang}
          onInput={(e) => setLang(e.currentTarget.value)}
          placeholder="language (it, en…)"
        />
        <input
          name="date"
          value={date}
          onInput={(e) => setDate(e.currentTarget.value)}
          placeholder="published (YYYY-MM-DD)"
        />
        <input
          name="token"
          type="password"
          value={token}
          onInput={(e) => setToken(e.currentTarget.value)}
          placeholder="write token"
        />
        <button type="submit">Check</button>
      </form>
      {error && <p class="error">{error}</p>}
      {report && (
        <div class="article">
          <div class="main">
            <Highlighted text={checked} marks={marksOf({}, report.findings)} />
          </div>
          <aside class="margin">
            <h3>Findings</h3>
            <Findings findings={report.findings} />
          </aside>
        </div>
      )}
    </section>
  );
}
