import { useEffect, useState } from "preact/hooks";
import { type Analysis, api, type CheckReport, type Hit } from "./api.js";
import { Findings, Highlighted, marksOf } from "./highlight.js";

export function SearchView({ query }: { query: string }) {
  const [q, setQ] = useState(query);
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    if (!query) return;
    api.search(query).then(
      (r) => setHits(r.hits),
      (e: Error) => setError(e.message),
    );
  }, [query]);
  return (
    <section>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          location.hash = `#/search/${encodeURIComponent(q)}`;
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
      {hits && <p class="muted">{hits.length} documents</p>}
      <ul class="hits">
        {hits?.map((h) => (
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
          {doc.lang} · {doc.date ?? "undated"} · {doc.source ?? ""} {doc.url && <a href={doc.url}>source</a>}
        </p>
        <Highlighted text={doc.text} marks={marksOf(doc, findings)} />
      </div>
      <aside class="margin">
        <h3>Findings</h3>
        <Findings findings={findings} />
        <p class="legend">
          <span class="mark entities">entity</span> <span class="mark times">time</span>{" "}
          <span class="mark amounts">amount</span> <span class="mark quotes">quote</span>
        </p>
      </aside>
    </section>
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
