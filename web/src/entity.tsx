import { useMemo, useState } from "preact/hooks";
import type uPlot from "uplot";
import { api, type EntityPage } from "./api.js";
import { Chart, type ChartOptions, DAY_SECONDS, seconds } from "./chart.js";
import { useLoad } from "./use-load.js";

/** Mentions per week as bars; weeks without mentions count zero. */
function MentionsChart({ weeks }: { weeks: EntityPage["mentionsPerWeek"] }) {
  const chart = useMemo(() => {
    const first = weeks[0];
    const last = weeks.at(-1);
    if (!first || !last) return undefined;
    const counts = new Map(weeks.map((w) => [seconds(w.week), w.mentions]));
    const xs: number[] = [];
    for (let t = seconds(first.week); t <= seconds(last.week); t += 7 * DAY_SECONDS) xs.push(t);
    const data: uPlot.AlignedData = [xs, xs.map((t) => counts.get(t) ?? 0)];
    const options: ChartOptions = (lib, width) => ({
      width,
      height: 220,
      // Half a week of margin either side, so that the first and last bars show whole.
      scales: { x: { time: true, range: (_u, min, max) => [min - 4 * DAY_SECONDS, max + 4 * DAY_SECONDS] } },
      series: [
        {},
        {
          label: "mentions",
          stroke: "#2563eb",
          fill: "rgba(37, 99, 235, 0.3)",
          paths: lib.paths.bars?.({ size: [0.8, 40] }),
        },
      ],
    });
    return { data, options };
  }, [weeks]);
  if (!chart) return <p class="muted">No dated document mentions it.</p>;
  return <Chart class="mentions-chart" options={chart.options} data={chart.data} />;
}

/** A name once per language, whatever kinds of name record give it. */
const uniqueNames = (names: EntityPage["names"]) => [
  ...new Map(names.map((n) => [`${n.lang}\u0000${n.name}`, n])).values(),
];

/** #/entities/NAME: the KB entities known by a name in any language. */
export function EntitySearchView({ name }: { name: string }) {
  const [q, setQ] = useState(name);
  const { data, error } = useLoad(
    () => (name ? api.kbSearch(name) : Promise.resolve({ entities: [] })),
    name,
  );
  return (
    <section>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          location.hash = `#/entities/${encodeURIComponent(q)}`;
        }}
      >
        <input
          name="name"
          value={q}
          onInput={(e) => setQ(e.currentTarget.value)}
          placeholder="A name, in any language"
        />
        <button type="submit">Find</button>
      </form>
      {error && <p class="error">{error}</p>}
      {name && data?.entities.length === 0 && <p class="muted">The KB knows no entity by this name.</p>}
      <ul class="entities">
        {data?.entities.map((e) => (
          <li key={e.id}>
            <a href={`#/entity/${encodeURIComponent(e.id)}`}>{e.name}</a>{" "}
            <span class="muted">
              {e.type} · {e.country || "no country"} · {e.id}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function EntityView({ id }: { id: string }) {
  const { data, error } = useLoad(() => api.entity(id), id);
  if (error) return <p class="error">{error}</p>;
  if (!data) return <p class="muted">Loading…</p>;
  const e = data.entity;
  return (
    <section class="entity">
      <h2>{e?.name ?? id}</h2>
      {e ? (
        <p class="muted">
          {e.type}
          {e.kind && ` (${e.kind})`} · {e.country || "no country"} {e.cameo && `· CAMEO ${e.cameo}`} · KB{" "}
          {data.id}{" "}
          {e.wikidata && (
            <a href={`https://www.wikidata.org/wiki/${encodeURIComponent(e.wikidata)}`}>Wikidata</a>
          )}
        </p>
      ) : (
        <p class="muted">Not in the KB: mentioned in the corpus only.</p>
      )}
      <h3>Mentions per week</h3>
      <MentionsChart weeks={data.mentionsPerWeek} />
      {data.offices.length > 0 && (
        <>
          <h3>Offices</h3>
          <table class="offices">
            <tbody>
              {data.offices.map((o) => (
                <tr key={`${o.officeName}${o.from}`}>
                  <td>{o.officeName}</td>
                  <td>
                    {o.from || "?"} – {o.to || "now"}
                  </td>
                  <td class="muted">{o.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h3>Names</h3>
      <p class="names">
        {uniqueNames(data.names).map((n) => (
          <span key={`${n.lang}${n.name}`} class="name">
            {n.name} <span class="muted">{n.lang}</span>
          </span>
        ))}
      </p>
      <h3>Documents</h3>
      <ul class="hits">
        {data.documents.map((d) => (
          <li key={d.id}>
            <a href={`#/doc/${d.id}`}>{d.title ?? "(untitled)"}</a>{" "}
            <span class="muted">
              {d.lang} · {d.date ?? "undated"} · {d.source ?? ""} · {d.mentions} mentions
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
