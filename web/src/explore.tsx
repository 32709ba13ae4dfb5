import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { api, type Graph, type Place, type Scope } from "./api.js";
import { useLoad } from "./use-load.js";

/**
 * A component loaded on first use: the map (d3-geo and the world atlas) and the graph (cytoscape)
 * stay out of the main bundle.
 */
function useLazy<P>(load: () => Promise<ComponentType<P>>): ComponentType<P> | null {
  const [component, setComponent] = useState<{ c: ComponentType<P> } | null>(null);
  useEffect(() => {
    load().then((c) => setComponent({ c }));
  }, []);
  return component?.c ?? null;
}

const scopeKey = (scope: Scope) => JSON.stringify(scope);

/** The map of places and the actor graph of a story or a period. */
export function Explore({ scope }: { scope: Scope }) {
  const WorldMap = useLazy<{ places: Place[] }>(() => import("./world-map.js").then((m) => m.WorldMap));
  const ActorGraph = useLazy<{ graph: Graph }>(() => import("./actor-graph.js").then((m) => m.ActorGraph));
  const places = useLoad(() => api.places(scope), scopeKey(scope));
  const graph = useLoad(() => api.graph(scope), scopeKey(scope));
  return (
    <div class="explore">
      <div>
        <h3>Places</h3>
        {places.error && <p class="error">{places.error}</p>}
        {places.data && WorldMap ? <WorldMap places={places.data.places} /> : <p class="muted">Loading…</p>}
      </div>
      <div>
        <h3>Who acts on whom</h3>
        {graph.error && <p class="error">{graph.error}</p>}
        {graph.data && ActorGraph ? <ActorGraph graph={graph.data} /> : <p class="muted">Loading…</p>}
      </div>
    </div>
  );
}

/** #/explore/FROM/TO: the map and the actor graph of a published period. */
export function ExploreView({ from, to }: { from: string; to: string }) {
  const [range, setRange] = useState({ from, to });
  return (
    <section>
      <form
        class="period"
        onSubmit={(e) => {
          e.preventDefault();
          location.hash = `#/explore/${encodeURIComponent(range.from)}/${encodeURIComponent(range.to)}`;
        }}
      >
        <input
          name="from"
          value={range.from}
          placeholder="from (YYYY-MM-DD)"
          onInput={(e) => setRange({ ...range, from: e.currentTarget.value })}
        />
        <input
          name="to"
          value={range.to}
          placeholder="to (YYYY-MM-DD)"
          onInput={(e) => setRange({ ...range, to: e.currentTarget.value })}
        />
        <button type="submit">Show</button>
      </form>
      <Explore scope={{ from: from || undefined, to: to || undefined }} />
    </section>
  );
}
