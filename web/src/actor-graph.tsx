import cytoscape from "cytoscape";
import { useEffect, useRef } from "preact/hooks";
import type { Graph } from "./api.js";

/** Edge colour by the QuadClass most of its events have: cooperation green to blue, conflict orange to red. */
const QUAD_COLOURS = ["#16a34a", "#2563eb", "#ea580c", "#dc2626"];

const dominantQuad = (quad: readonly number[]) => quad.indexOf(Math.max(...quad));

/** Actors as nodes, and who acts on whom as arrows as wide as their number of events. */
export function ActorGraph({ graph }: { graph: Graph }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current || graph.nodes.length === 0) return;
    // Labels are drawn on the canvas as text: names never become markup.
    const cy = cytoscape({
      container: container.current,
      elements: [
        ...graph.nodes.map((n) => ({
          data: { id: n.id, label: n.name, size: 16 + 4 * Math.sqrt(n.events) },
        })),
        ...graph.edges.map((e, i) => ({
          data: {
            id: `e${i}`,
            source: e.source,
            target: e.target,
            width: 1 + Math.sqrt(e.events),
            colour: QUAD_COLOURS[dominantQuad(e.quad)] ?? "#999",
          },
        })),
      ],
      style: [
        {
          selector: "node",
          style: {
            label: "data(label)",
            width: "data(size)",
            height: "data(size)",
            "font-size": 10,
            "background-color": "#475569",
          },
        },
        {
          selector: "edge",
          style: {
            width: "data(width)",
            "line-color": "data(colour)",
            "target-arrow-color": "data(colour)",
            "target-arrow-shape": "triangle",
            "curve-style": "bezier",
          },
        },
      ],
      layout: { name: "cose", animate: false },
    });
    return () => cy.destroy();
  }, [graph]);
  if (graph.nodes.length === 0) return <p class="muted">No event names both its actors.</p>;
  return (
    <div>
      <div
        ref={container}
        class="actor-graph"
        data-nodes={graph.nodes.length}
        data-edges={graph.edges.length}
      />
      <p class="legend">
        {["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"].map(
          (q, i) => (
            <span key={q} style={{ color: QUAD_COLOURS[i] }}>
              ■ {q}{" "}
            </span>
          ),
        )}
      </p>
    </div>
  );
}
