import { api, type SideBySide, type SideSentence, type StorySummary } from "./api.js";
import { Explore } from "./explore.js";
import { Highlighted } from "./highlight.js";
import { useLoad } from "./use-load.js";

const span = (s: StorySummary) =>
  s.first === s.last ? (s.first ?? "undated") : `${s.first ?? "?"} – ${s.last ?? "?"}`;

export function StoriesView() {
  const { data, error } = useLoad(api.stories, "stories");
  if (error) return <p class="error">{error}</p>;
  if (!data) return <p class="muted">Loading…</p>;
  return (
    <section>
      <h2>Stories</h2>
      <ul class="stories">
        {data.stories.map((s) => (
          <li key={s.id}>
            <a href={`#/story/${s.id}`}>{s.label}</a>{" "}
            <span class="muted">
              {s.size} documents · {span(s)} · {s.languages.join(" ")}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function StoryView({ id }: { id: string }) {
  const { data: story, error } = useLoad(() => api.story(id), id);
  if (error) return <p class="error">{error}</p>;
  if (!story) return <p class="muted">Loading…</p>;
  const derived = new Map(story.derivations.map((d) => [d.id, d]));
  const titles = new Map(story.documents.map((d) => [d.id, d.title ?? d.id]));
  return (
    <section class="story">
      <h2>{story.label}</h2>
      <p class="muted">
        {story.size} documents · {span(story)} · {story.languages.join(" ")} · {story.outlets.join(", ")}
      </p>
      <p>
        {story.entities.map((e) => (
          <a key={e.kbId} class="entity-link" href={`#/entity/${encodeURIComponent(e.kbId)}`}>
            {e.name}
          </a>
        ))}
      </p>
      <table class="story-documents">
        <thead>
          <tr>
            <th>Date</th>
            <th>Language</th>
            <th>Outlet</th>
            <th>Title</th>
            <th>Derived from</th>
          </tr>
        </thead>
        <tbody>
          {story.documents.map((d) => {
            const from = derived.get(d.id);
            return (
              <tr key={d.id}>
                <td>{d.date ?? "undated"}</td>
                <td>{d.lang}</td>
                <td>{d.source ?? ""}</td>
                <td>
                  <a href={`#/doc/${d.id}`}>{d.title ?? "(untitled)"}</a>
                </td>
                <td>
                  {from && (
                    <a class="compare-link" href={`#/compare/${d.id}/${from.source}`}>
                      {titles.get(from.source)} ({Math.round(from.coverage * 100)}% of its sentences)
                    </a>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>Facts</h3>
      <table class="facts">
        <thead>
          <tr>
            <th>Fact</th>
            <th>In this story</th>
            <th>Documents</th>
            <th>Outlets</th>
          </tr>
        </thead>
        <tbody>
          {story.facts.map((f) => (
            <tr key={f.fact} class={`fact ${f.kind}`}>
              <td>{f.label}</td>
              <td>{f.inStory}</td>
              <td>{f.documents}</td>
              <td>{f.outlets}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Explore scope={{ story: id }} />
    </section>
  );
}

function Sentence({ side, kind }: { side: SideSentence | null; kind: string }) {
  if (!side) return <td class={`side empty ${kind}`} />;
  const marks = side.changed.map((c) => ({
    start: c.start,
    end: c.end,
    kind: "changed",
    detail: `${c.kind} ${c.key}`,
  }));
  return (
    <td class={`side ${kind}`}>
      <Highlighted text={side.text} marks={marks} />
    </td>
  );
}

/** A document beside its source, sentence by sentence: added, dropped and changed values marked. */
export function CompareView({ id, source }: { id: string; source: string }) {
  const { data, error } = useLoad<SideBySide>(() => api.alignment(id, source), `${id}/${source}`);
  if (error) return <p class="error">{error}</p>;
  if (!data) return <p class="muted">Loading…</p>;
  return (
    <section class="compare">
      <h2>Side by side</h2>
      <p class="muted">
        {data.derived ? "Derived" : "Not derived"}: {Math.round(data.coverage * 100)}% of the source's
        sentences have a counterpart · <span class="mark changed">value not in the other</span>{" "}
        <span class="row-added">added</span> <span class="row-dropped">dropped</span>
      </p>
      <table class="side-by-side">
        <thead>
          <tr>
            {[data.document, data.source].map((d) => (
              <th key={d.id}>
                <a href={`#/doc/${d.id}`}>{d.title ?? d.id}</a>
                <div class="muted">
                  {d.lang} · {d.date ?? "undated"} · {d.source ?? ""}
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r, i) => (
            <tr key={i} class={`row-${r.status}`}>
              <Sentence side={r.document} kind="document" />
              <Sentence side={r.source} kind="source" />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
