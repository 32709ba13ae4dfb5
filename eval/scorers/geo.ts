import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Document } from "../../src/document/document.js";
import { entitiesStage } from "../../src/stages/entities.js";
import { pct, type Row, type Scorer } from "../scorer.js";
import { resources } from "./linking-run.js";

interface GoldPlace {
  start: number;
  end: number;
  lat: number;
  lon: number;
}

const tag = (xml: string, name: string) => new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml)?.[1] ?? "";
const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Great-circle distance in km. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

/**
 * Geoparsing on GeoVirus (Gritta et al.): toponym recall (a gold toponym overlapped by a place,
 * region or country relata found) and, of those, the share resolved within 161 km (100 miles).
 * Countries and regions are placed at their capital or largest city, as the KB stores them.
 */
export const geoScorer: Scorer = {
  task: "geoparsing",
  needs: ["eval/geo/GeoVirus.xml"],
  run(shared: string): Row[] {
    const xml = readFileSync(join(shared, "eval/geo/GeoVirus.xml"), "utf8");
    const { kb } = resources();
    let gold = 0;
    let found = 0;
    let near = 0;
    let predicted = 0;
    for (const article of xml.split("<article>").slice(1)) {
      const text = unescapeXml(tag(article, "text"));
      const places: GoldPlace[] = [...article.matchAll(/<location>([\s\S]*?)<\/location>/g)].map((m) => ({
        start: Number(tag(m[1] ?? "", "start")),
        end: Number(tag(m[1] ?? "", "end")),
        lat: Number(tag(m[1] ?? "", "lat")),
        lon: Number(tag(m[1] ?? "", "lon")),
      }));
      const doc = Document.create({ text, lang: "en" }).withLayer("sentences", [
        { start: 0, end: text.length, paragraph: 0 },
      ]);
      const entities = entitiesStage
        .run(doc, resources())
        .layer("entities")
        .flatMap((e) => {
          if (e.adjective) return [];
          const place = kb.entity(e.metonymOf ?? e.kbId);
          return place && (place.lat || place.lon) && ["place", "region", "country"].includes(place.type)
            ? [{ e, place }]
            : [];
        });
      predicted += entities.length;
      for (const g of places) {
        gold++;
        const hit = entities.find(({ e }) => e.start < g.end && e.end > g.start);
        if (!hit) continue;
        found++;
        if (haversineKm(g.lat, g.lon, hit.place.lat, hit.place.lon) <= 161) near++;
      }
    }
    return [
      {
        task: this.task,
        set: "GeoVirus",
        measure: "toponym recall",
        value: `${found}/${gold} (${pct(found, gold)})`,
        note: `${predicted} toponyms predicted`,
      },
      {
        task: this.task,
        set: "GeoVirus",
        measure: "accuracy within 161 km",
        value: `${near}/${found} (${pct(near, found)})`,
        note: "of recalled toponyms",
      },
    ];
  },
};
