import type { Annotation, Finding } from "./api.js";

/** A mark on the text: an annotation of a layer, or a finding. */
export interface Mark {
  start: number;
  end: number;
  kind: string;
  detail: string;
  /** Where a click leads: a linked entity's page. */
  href?: string;
}

const DETAIL: Record<string, (a: Annotation) => string> = {
  entities: (a) =>
    `${a.name} (${a.type}${a.cameo ? `, ${a.cameo}` : ""}${a.office ? `, ${a.office}` : ""})${a.kbId ? ` · KB ${a.kbId}` : ""}`,
  times: (a) => `${a.type} ${a.value}${a.uncertain ? " (uncertain)" : ""}`,
  amounts: (a) => `${a.modifier ?? ""}${a.value} ${a.unit}`,
  quotes: (a) => {
    const speaker = a.speaker as { name: string } | null;
    const via = a.via as { name: string } | null;
    return `${a.kind} quote — ${speaker?.name ?? "unattributed"}${via ? `, via ${via.name}` : ""}`;
  },
  roles: (a) =>
    `title given: ${(a.officeTypes as string[]).join(", ")}${a.matchesKb ? "" : " — not what the KB has"}`,
};

export const LAYERS = Object.keys(DETAIL);

export function marksOf(analysis: Record<string, unknown>, findings: readonly Finding[]): Mark[] {
  const marks: Mark[] = [];
  for (const layer of LAYERS) {
    for (const a of (analysis[layer] as Annotation[] | undefined) ?? []) {
      marks.push({
        start: a.start,
        end: a.end,
        kind: layer,
        detail: (DETAIL[layer] as (a: Annotation) => string)(a),
        ...(layer === "entities" && a.kbId
          ? { href: `#/entity/${encodeURIComponent(a.kbId as string)}` }
          : {}),
      });
    }
  }
  for (const f of findings)
    marks.push({ start: f.start, end: f.end, kind: `finding-${f.verdict}`, detail: f.message });
  return marks;
}

/**
 * The text cut at every mark boundary, each piece with the marks that cover it. Text is rendered
 * as text nodes only, so markup inside an article is shown, never run.
 */
export function Highlighted({ text, marks }: { text: string; marks: readonly Mark[] }) {
  const cuts = new Set([0, text.length]);
  for (const m of marks) {
    cuts.add(Math.max(0, Math.min(text.length, m.start)));
    cuts.add(Math.max(0, Math.min(text.length, m.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const covering = marks.filter((m) => m.start <= start && m.end >= end && m.start < m.end);
    const piece = text.slice(start, end);
    const href = covering.find((m) => m.href)?.href;
    if (covering.length === 0) pieces.push(piece);
    else
      pieces.push(
        <span
          key={start}
          class={covering.map((m) => `mark ${m.kind}`).join(" ")}
          title={covering.map((m) => m.detail).join("\n")}
          data-start={start}
        >
          {href ? <a href={href}>{piece}</a> : piece}
        </span>,
      );
  }
  return <div class="article-text">{pieces}</div>;
}

/** Where evidence from another stored document leads: the document, and beside this one when stored. */
function DocEvidence({
  e,
  docId,
}: {
  e: { doc: string; text: string; lang: string };
  docId?: string | undefined;
}) {
  return (
    <>
      {e.lang}: {e.text} (<a href={`#/doc/${e.doc}`}>document</a>
      {docId && (
        <>
          {" · "}
          <a class="side-link" href={`#/compare/${docId}/${e.doc}`}>
            side by side
          </a>
        </>
      )}
      )
    </>
  );
}

/** The findings in the margin; `docId` is the stored document they are about, when it is stored. */
export function Findings({ findings, docId }: { findings: readonly Finding[]; docId?: string }) {
  if (findings.length === 0) return <p class="muted">No findings.</p>;
  return (
    <ol class="findings">
      {findings.map((f) => (
        <li key={`${f.start}-${f.kind}`} class={`finding ${f.verdict}`}>
          <strong>{f.verdict}</strong> · {f.kind} · “{f.text}”<div>{f.message}</div>
          {f.evidence.map((e, i) => (
            <div key={i} class="evidence">
              {"kb" in e ? `${e.fact} — ${e.kb}` : <DocEvidence e={e} docId={docId} />}
            </div>
          ))}
        </li>
      ))}
    </ol>
  );
}
