import type { EventActor } from "../document/layers.js";
import type { KnowledgeBase } from "../kb/kb.js";
import type { LayerEvent } from "../store/sqlite/event-layers.js";

export interface GraphNode {
  readonly id: string;
  readonly name: string;
  readonly cameo: string;
  readonly events: number;
}

export interface GraphEdge {
  readonly source: string;
  readonly target: string;
  readonly events: number;
  /** Events by QuadClass (1 verbal cooperation … 4 material conflict). */
  readonly quad: readonly number[];
  readonly goldstein: number;
}

export interface PlaceCount {
  readonly kbId: string;
  readonly name: string;
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
  /** Events that happened there, and documents that name the place. */
  readonly events: number;
  readonly documents: number;
}

/** An actor's node: its KB entity, or its CAMEO code when the text gave no linked name. */
const actorId = (a: EventActor) => a.kbId || a.cameo;

/** Who acts on whom: one edge per directed actor pair, over the events that name both. */
export function actorGraph(events: readonly LayerEvent[]): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge & { events: number; quad: number[]; goldstein: number }>();
  const node = (a: EventActor) => {
    const id = actorId(a);
    const known = nodes.get(id);
    nodes.set(id, { id, name: a.name || a.cameo, cameo: a.cameo, events: (known?.events ?? 0) + 1 });
    return id;
  };
  for (const e of events) {
    if (!e.source || !e.target || !actorId(e.source) || !actorId(e.target)) continue;
    const source = node(e.source);
    const target = node(e.target);
    if (source === target) continue;
    const key = `${source}\u0000${target}`;
    const edge = edges.get(key) ?? { source, target, events: 0, quad: [0, 0, 0, 0], goldstein: 0 };
    edge.events++;
    edge.quad[e.quad - 1] = (edge.quad[e.quad - 1] ?? 0) + 1;
    edge.goldstein += e.goldstein;
    edges.set(key, edge);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/**
 * The places events happened at and the places documents name, with the KB's coordinates
 * (places the KB has no coordinates for are left out).
 */
export function places(
  events: readonly LayerEvent[],
  named: readonly { kbId: string; documents: number }[],
  kb: KnowledgeBase,
): PlaceCount[] {
  const counts = new Map<string, { events: number; documents: number }>();
  const count = (kbId: string) => {
    const known = counts.get(kbId);
    if (known) return known;
    const fresh = { events: 0, documents: 0 };
    counts.set(kbId, fresh);
    return fresh;
  };
  for (const e of events) if (e.place?.kbId) count(e.place.kbId).events++;
  for (const n of named) count(n.kbId).documents = n.documents;
  return [...counts].flatMap(([kbId, n]) => {
    const place = kb.entity(kbId);
    if (!place || (place.lat === 0 && place.lon === 0)) return [];
    return [{ kbId, name: place.name, country: place.country, lat: place.lat, lon: place.lon, ...n }];
  });
}
