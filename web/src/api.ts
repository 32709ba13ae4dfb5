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
  url?: string;
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

export interface FacetCount {
  key: string;
  name: string;
  n: number;
}

export interface Facets {
  total: number;
  lang: FacetCount[];
  outlet: FacetCount[];
  month: FacetCount[];
  entity: FacetCount[];
  eventType: FacetCount[];
}

/** Filters of the document list, as the query string of /api/documents takes them. */
export type Filters = Partial<
  Record<"q" | "lang" | "outlet" | "from" | "to" | "entity" | "story" | "event", string>
>;

export interface StorySummary {
  id: number;
  label: string;
  size: number;
  languages: string[];
  outlets: string[];
  first?: string;
  last?: string;
  entities: { kbId: string; name: string }[];
}

export interface Story extends StorySummary {
  documents: {
    id: string;
    lang: string;
    source?: string;
    date?: string;
    title?: string;
    duplicateOf?: string;
  }[];
  derivations: { id: string; source: string; score: number; coverage: number }[];
  /** Facts the members state: documents, outlets and mentions over the corpus, members stating it. */
  facts: {
    fact: string;
    kind: string;
    label: string;
    mentions: number;
    documents: number;
    outlets: number;
    inStory: number;
  }[];
}

export interface SideSentence {
  index: number;
  text: string;
  changed: { kind: string; key: string; start: number; end: number; text: string }[];
}

export interface DocSummary {
  id: string;
  lang: string;
  title: string | null;
  source: string | null;
  date: string | null;
  url: string | null;
}

export interface SideBySide {
  document: DocSummary;
  source: DocSummary;
  derived: boolean;
  score: number;
  coverage: number;
  rows: {
    status: "aligned" | "added" | "dropped";
    document: SideSentence | null;
    source: SideSentence | null;
    score: number;
  }[];
}

export interface EntityPage {
  id: string;
  entity: {
    name: string;
    type: string;
    kind: string;
    country: string;
    cameo: string;
    wikidata: string;
    lat: number;
    lon: number;
    population: number;
  } | null;
  names: { lang: string; kind: string; name: string }[];
  offices: { officeName: string; from: string; to: string; source: string }[];
  mentionsPerWeek: { week: string; mentions: number; documents: number }[];
  documents: {
    id: string;
    lang: string;
    source: string | null;
    date: string | null;
    title: string | null;
    mentions: number;
  }[];
}

/** A story or a published period: what the map and the actor graph show. */
export type Scope = Partial<Record<"story" | "from" | "to", string>>;

export interface Graph {
  nodes: { id: string; name: string; cameo: string; events: number }[];
  edges: { source: string; target: string; events: number; quad: number[]; goldstein: number }[];
}

export interface Place {
  kbId: string;
  name: string;
  country: string;
  lat: number;
  lon: number;
  events: number;
  documents: number;
}

export interface DyadPoint {
  period: string;
  first: string;
  last: string;
  events: number;
  quad: Record<"1" | "2" | "3" | "4", number>;
  plover: Record<string, number>;
  goldstein: number;
  sources: number;
}

const query = (params: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init);
  const body = await response.json();
  if (!response.ok) throw new Error(body?.message ?? `HTTP ${response.status}`);
  return body as T;
}

export const api = {
  search: (filters: Filters) =>
    call<{ hits: Hit[]; facets: Facets }>(
      `/api/documents?${query({ ...filters, limit: "50", facets: "true" })}`,
    ),
  stories: () => call<{ stories: StorySummary[] }>("/api/stories"),
  story: (id: string) => call<Story>(`/api/stories/${encodeURIComponent(id)}`),
  alignment: (id: string, source: string) =>
    call<SideBySide>(`/api/documents/${encodeURIComponent(id)}/alignment?${query({ source })}`),
  kbSearch: (q: string) =>
    call<{ entities: { id: string; type: string; name: string; country: string }[] }>(
      `/api/kb/entities?${query({ q })}`,
    ),
  entity: (id: string) => call<EntityPage>(`/api/entities/${encodeURIComponent(id)}`),
  graph: (scope: Scope) => call<Graph>(`/api/graph?${query(scope)}`),
  dyad: (a: string, b: string, by: string) =>
    call<{ points: DyadPoint[] }>(`/api/dyads?${query({ a, b, by })}`),
  places: (scope: Scope) => call<{ places: Place[] }>(`/api/places?${query(scope)}`),
  document: (id: string) => call<Analysis>(`/api/documents/${encodeURIComponent(id)}`),
  findings: (id: string) => call<CheckReport>(`/api/documents/${encodeURIComponent(id)}/findings`),
  check: (doc: { text: string; lang?: string; date?: string; title?: string }, token: string) =>
    call<CheckReport & { analysis?: Analysis }>("/api/check", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(doc),
    }),
};
