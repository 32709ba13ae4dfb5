import { useMemo, useState } from "preact/hooks";
import type uPlot from "uplot";
import { api, type DyadPoint } from "./api.js";
import { Chart, type ChartOptions, seconds } from "./chart.js";
import { useLoad } from "./use-load.js";

const QUADS = [
  { key: "1", label: "verbal cooperation", colour: "#16a34a" },
  { key: "2", label: "material cooperation", colour: "#2563eb" },
  { key: "3", label: "verbal conflict", colour: "#ea580c" },
  { key: "4", label: "material conflict", colour: "#dc2626" },
] as const;

/** Events per period by QuadClass (left axis) and their Goldstein sum (right axis). */
function DyadChart({ points }: { points: DyadPoint[] }) {
  const chart = useMemo(() => {
    const data: uPlot.AlignedData = [
      points.map((p) => seconds(p.first)),
      ...QUADS.map((q) => points.map((p) => p.quad[q.key])),
      points.map((p) => p.goldstein),
    ];
    const options: ChartOptions = (_lib, width) => ({
      width,
      height: 260,
      scales: { x: { time: true }, g: {} },
      axes: [{}, { label: "events" }, { scale: "g", side: 1, label: "Goldstein sum", grid: { show: false } }],
      series: [
        {},
        ...QUADS.map((q) => ({ label: q.label, stroke: q.colour, width: 2, points: { show: true } })),
        { label: "Goldstein sum", scale: "g", stroke: "#6b7280", dash: [6, 4] },
      ],
    });
    return { data, options };
  }, [points]);
  return <Chart class="dyad-chart" options={chart.options} data={chart.data} />;
}

/** #/dyad/A/B/BY: the events between two actors (CAMEO country codes or KB ids) over time. */
export function DyadView({ a, b, by }: { a: string; b: string; by: string }) {
  const [form, setForm] = useState({ a, b, by: by || "week" });
  const ready = a !== "" && b !== "";
  const { data, error } = useLoad(
    () => (ready ? api.dyad(a, b, by || "week") : Promise.resolve({ points: [] })),
    `${a}/${b}/${by}`,
  );
  return (
    <section>
      <form
        class="dyad"
        onSubmit={(e) => {
          e.preventDefault();
          location.hash = `#/dyad/${encodeURIComponent(form.a)}/${encodeURIComponent(form.b)}/${form.by}`;
        }}
      >
        <input
          name="a"
          value={form.a}
          placeholder="actor (RUS, Q7747)"
          onInput={(e) => setForm({ ...form, a: e.currentTarget.value })}
        />
        <input
          name="b"
          value={form.b}
          placeholder="actor (CHN)"
          onInput={(e) => setForm({ ...form, b: e.currentTarget.value })}
        />
        <select name="by" value={form.by} onChange={(e) => setForm({ ...form, by: e.currentTarget.value })}>
          {["day", "week", "month"].map((v) => (
            <option key={v} value={v}>
              per {v}
            </option>
          ))}
        </select>
        <button type="submit">Show</button>
      </form>
      {error && <p class="error">{error}</p>}
      {ready && data && (
        <>
          <h2>
            {a} – {b}
          </h2>
          {data.points.length === 0 ? (
            <p class="muted">No stored event between them.</p>
          ) : (
            <>
              <DyadChart points={data.points} />
              <p class="muted total">
                {data.points.reduce((n, p) => n + p.events, 0)} events in {data.points.length} periods
              </p>
            </>
          )}
        </>
      )}
    </section>
  );
}
