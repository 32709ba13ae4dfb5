/** The slice of the relata API the web app reads; shapes follow schema/analysis.v1.json. */
export interface Annotation {
  start: number;
  end: number;
  text: string;
  [field: string]: unknown;
}

export interface Analysis {
  id: string;
  url: string | null;
  source: string | null;
  lang: string;
  date: string | null;
  title: string | null;
  text: string;
  [layer: string]: unknown;
}

export interface Hit {
  id: string;
  lang: string;
  date?: string;
  source?: string;
  title?: string;
  snippet: string;
}

export interface Finding {
  start: number;
  end: number;
  text: string;
  kind: string;
  verdict: string;
  message: string;
  evidence: ({ kb: string; fact: string } | { doc: string; text: string; lang: string })[];
}

export interface CheckReport {
  doc: string;
  findings: Finding[];
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init);
  const body = await response.json();
  if (!response.ok) throw new Error(body?.message ?? `HTTP ${response.status}`);
  return body as T;
}

export const api = {
  search: (q: string) => call<{ hits: Hit[] }>(`/api/documents?q=${encodeURIComponent(q)}&limit=50`),
  document: (id: string) => call<Analysis>(`/api/documents/${encodeURIComponent(id)}`),
  findings: (id: string) => call<CheckReport>(`/api/documents/${encodeURIComponent(id)}/findings`),
  check: (doc: { text: string; lang?: string; date?: string; title?: string }, token: string) =>
    call<CheckReport & { analysis?: Analysis }>("/api/check", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(doc),
    }),
};
