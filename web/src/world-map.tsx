import { geoNaturalEarth1, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries from "world-atlas/countries-110m.json";
import type { Place } from "./api.js";

const WIDTH = 720;
const HEIGHT = 380;

// The bundled world atlas: the map works offline, without a tile server.
const topology = countries as unknown as Topology<{ countries: GeometryCollection }>;
const land = feature(topology, topology.objects.countries);
const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], land);
const path = geoPath(projection);
const outlines = land.features.map((f, i) => <path key={i} class="country" d={path(f) ?? ""} />);

/** Places as circles on a world map, their area by events there plus documents naming them. */
export function WorldMap({ places }: { places: readonly Place[] }) {
  return (
    <svg class="world-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="map of places">
      <g>{outlines}</g>
      {places.map((p) => {
        const [x, y] = projection([p.lon, p.lat]) ?? [0, 0];
        return (
          <a key={p.kbId} href={`#/entity/${encodeURIComponent(p.kbId)}`}>
            <circle
              class={p.events > 0 ? "place event" : "place"}
              cx={x}
              cy={y}
              r={3 + 2 * Math.sqrt(p.events + p.documents)}
            >
              <title>{`${p.name}: ${p.events} events, named in ${p.documents} documents`}</title>
            </circle>
          </a>
        );
      })}
    </svg>
  );
}
