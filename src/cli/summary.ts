import type { Document } from "../document/document.js";
import { CONTRACT_LAYERS } from "../document/output.js";
import type { Annotation } from "../document/span.js";

const clip = (s: string, n: number) => {
  const flat = s.replace(/\s+/g, " ");
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};

/** Lines of a section, or nothing when the layer is empty. */
function section(title: string, items: string[]): string[] {
  return items.length ? [`  ${title}:`, ...items.map((item) => `    ${item}`)] : [];
}

/** A person's summary of one analysed document: what it is and what was found in it. */
export function summarize(doc: Document): string {
  const at = (a: Annotation) => doc.text.slice(a.start, a.end);
  const layers = doc.layers as Record<string, readonly Annotation[] | undefined>;
  const counts = CONTRACT_LAYERS.map((name) => `${layers[name]?.length ?? 0} ${name}`);

  // One line per linked entity, with how it was written and how often.
  const entities = new Map<string, { line: string; forms: Set<string>; n: number }>();
  for (const e of doc.layer("entities")) {
    const key = e.kbId || `?${e.name}`;
    const known = entities.get(key);
    if (known) {
      known.forms.add(at(e));
      known.n++;
      continue;
    }
    const what = [e.type, e.cameo, e.office].filter(Boolean).join(", ");
    entities.set(key, {
      line: `${e.name}${e.kbId ? "" : " (not in KB)"} — ${what}`,
      forms: new Set([at(e)]),
      n: 1,
    });
  }
  const entityLines = [...entities.values()].map(
    ({ line, forms, n }) => `${line} · ${n}× as ${[...forms].map((f) => `"${f}"`).join(", ")}`,
  );
  const entityList = doc.layer("entities");
  const roles = doc.layer("roles").map((r) => {
    const person = entityList[r.entity]?.name ?? "?";
    return `"${at(r)}" for ${person}${r.matchesKb ? "" : " — not an office the KB has for this person on this date"}`;
  });
  const times = doc
    .layer("times")
    .map((t) => `"${at(t)}" → ${t.type} ${t.value}${t.uncertain ? " (uncertain)" : ""}`);
  const amounts = doc
    .layer("amounts")
    .map(
      (a) =>
        `"${at(a)}" → ${a.modifier ?? ""}${a.value} ${a.unit}${a.quantifies ? ` (${a.quantifies.name})` : ""}`,
    );
  const quotes = doc.layer("quotes").map((q) => {
    const who = q.speaker ? q.speaker.name : "unattributed";
    return `${q.kind} "${clip(at(q), 60)}" — ${who}${q.via ? `, via ${q.via.name}` : ""}`;
  });

  return [
    doc.title ?? "(untitled)",
    `  id ${doc.id} · lang ${doc.lang} (${doc.langDecision.source}) · date ${doc.date?.value ?? "unknown"}${doc.source ? ` · ${doc.source}` : ""}`,
    `  ${counts.join(", ")}, ${doc.layer("tokens").length} tokens`,
    ...section("entities", entityLines),
    ...section("titles given to people", roles),
    ...section("times", times),
    ...section("amounts", amounts),
    ...section("quotes", quotes),
    ...section(
      "sentences",
      doc.layer("sentences").map((s, i) => `${String(i + 1).padStart(3)}. ${clip(at(s), 100)}`),
    ),
  ].join("\n");
}
