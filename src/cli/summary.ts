import type { Document } from "../document/document.js";
import { CONTRACT_LAYERS } from "../document/output.js";
import type { Annotation } from "../document/span.js";

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A person's summary of one analysed document: what it is and what was found in it. */
export function summarize(doc: Document): string {
  const lines = [
    `${doc.title ?? "(untitled)"}`,
    `  id ${doc.id} · lang ${doc.lang} (${doc.langDecision.source}) · date ${doc.date?.value ?? "unknown"}${doc.source ? ` · ${doc.source}` : ""}`,
  ];
  const layers = doc.layers as Record<string, readonly Annotation[] | undefined>;
  const counts = CONTRACT_LAYERS.map((name) => `${layers[name]?.length ?? 0} ${name}`);
  lines.push(`  ${counts.join(", ")}, ${doc.layer("tokens").length} tokens`);
  doc.layer("sentences").forEach((s, i) => {
    lines.push(
      `  ${String(i + 1).padStart(3)}. ${clip(doc.text.slice(s.start, s.end).replace(/\s+/g, " "), 100)}`,
    );
  });
  return lines.join("\n");
}
