import type { Document } from "../document/document.js";
import type { CheckReport } from "./check.js";
import type { Finding } from "./finding.js";

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Every character that could start markup or end an attribute, escaped: article text is never HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const STYLE = `
body{font:15px/1.55 system-ui,sans-serif;margin:0;color:#1d1d1f}
header{padding:.6rem 1.5rem;background:#20232a;color:#fff}
main{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:2rem;padding:1rem 1.5rem}
.text{white-space:pre-wrap}
mark{background:none;border-radius:2px}
mark.contradicted{outline:2px solid #dc2626}
mark.unsupported{outline:2px dashed #ea580c}
mark.corroborated{border-bottom:2px solid #15803d}
mark.unverifiable{border-bottom:2px dotted #999}
li{margin-bottom:.8rem}
.v-contradicted{color:#dc2626}.v-unsupported{color:#ea580c}.v-corroborated{color:#15803d}
.evidence{font-size:.85em;color:#444;border-left:3px solid #ccc;padding-left:.5rem;margin-top:.2rem}
`;

/** The text with each finding's characters marked; overlapping findings keep the first (most severe). */
function markedText(text: string, findings: readonly Finding[]): string {
  const marks = [...findings].map((f, i) => ({ f, i })).sort((a, b) => a.f.start - b.f.start);
  let out = "";
  let at = 0;
  for (const { f, i } of marks) {
    if (f.start < at) continue;
    out += escapeHtml(text.slice(at, f.start));
    out += `<mark class="${f.verdict}" id="m${i}" title="${escapeHtml(f.message)}">${escapeHtml(text.slice(f.start, f.end))}</mark>`;
    at = f.end;
  }
  return out + escapeHtml(text.slice(at));
}

function evidenceHtml(f: Finding): string {
  return f.evidence
    .map((e) =>
      "kb" in e
        ? `<div class="evidence">${escapeHtml(e.fact)} — ${escapeHtml(e.kb)}</div>`
        : `<div class="evidence">[${escapeHtml(e.lang)}] ${escapeHtml(e.text)} ${e.url ? `<a href="${escapeHtml(e.url)}" rel="noreferrer">source</a>` : escapeHtml(e.doc)}</div>`,
    )
    .join("");
}

/** One self-contained page: the article with its findings in place and their evidence beside it. */
export function htmlReport(doc: Document, report: CheckReport): string {
  const items = report.findings
    .map(
      (f, i) =>
        `<li><a href="#m${i}" class="v-${f.verdict}"><strong>${f.verdict}</strong></a> · ${escapeHtml(f.kind)} · “${escapeHtml(f.text.length > 80 ? `${f.text.slice(0, 79)}…` : f.text)}”<div>${escapeHtml(f.message)}</div>${evidenceHtml(f)}</li>`,
    )
    .join("\n");
  const sources = report.derivedFrom
    .map(
      (d) =>
        `<li>${escapeHtml(d.lang)} ${d.url ? escapeHtml(d.url) : escapeHtml(d.doc)} (score ${d.score})</li>`,
    )
    .join("");
  return `<!doctype html>
<html lang="${escapeHtml(doc.lang)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>relata check: ${escapeHtml(doc.title ?? doc.id)}</title><style>${STYLE}</style></head>
<body><header><strong>relata check</strong> · ${escapeHtml(doc.id)} · ${escapeHtml(doc.lang)} · ${escapeHtml(doc.date?.value ?? "undated")}${report.story !== null ? ` · story ${report.story}` : ""}</header>
<main><article class="text">${markedText(doc.text, report.findings)}</article>
<aside><h3>Findings (${report.findings.length})</h3><ol>${items}</ol>${sources ? `<h3>Likely sources</h3><ul>${sources}</ul>` : ""}</aside></main>
</body></html>
`;
}
