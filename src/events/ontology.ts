import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../paths.js";

/** One CAMEO event code with what GDELT and PLOVER attach to it (data/ontology/, docs/EVENTS.md). */
export interface CameoCode {
  readonly code: string;
  /** The two-digit root ("04"). */
  readonly root: string;
  /** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  readonly quad: 1 | 2 | 3 | 4;
  readonly goldstein: number;
  readonly name: string;
  /** PLOVER event type, mode and context from the crosswalk ("" when it has none). */
  readonly plover: string;
  readonly ploverMode: string;
  readonly ploverContext: string;
}

export class Ontology {
  constructor(private readonly codes: ReadonlyMap<string, CameoCode>) {}

  /** The code, or its nearest listed ancestor (a four-digit code falls back to its three-digit parent). */
  get(code: string): CameoCode | undefined {
    for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
      const found = this.codes.get(c);
      if (found) return found;
    }
    return undefined;
  }

  get size(): number {
    return this.codes.size;
  }

  all(): IterableIterator<CameoCode> {
    return this.codes.values();
  }
}

function rows(path: string): string[][] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`cannot read ontology table ${path}: ${(error as Error).message}`);
  }
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() && !line.startsWith("#"))
    .map((line) => line.split("\t"));
}

/** Reads cameo.tsv and cameo-plover.tsv from `dir` (data/ontology by default). */
export function loadOntology(dir = join(packageRoot(), "data", "ontology")): Ontology {
  const crosswalk = new Map(rows(join(dir, "cameo-plover.tsv")).map(([code = "", ...rest]) => [code, rest]));
  const codes = new Map<string, CameoCode>();
  for (const [code = "", root = "", quad = "", goldstein = "", name = ""] of rows(join(dir, "cameo.tsv"))) {
    const q = Number(quad);
    if (!/^\d{2,4}$/.test(code) || q < 1 || q > 4 || goldstein === "" || Number.isNaN(Number(goldstein)))
      throw new Error(`bad row in ${join(dir, "cameo.tsv")}: "${code}\t${root}\t${quad}\t${goldstein}"`);
    const plover = [code, code.slice(0, 3), code.slice(0, 2)].map((c) => crosswalk.get(c)).find((row) => row);
    const [type = "", mode = "", context = ""] = plover ?? [];
    codes.set(code, {
      code,
      root,
      quad: q as CameoCode["quad"],
      goldstein: Number(goldstein),
      name,
      plover: type,
      ploverMode: mode,
      ploverContext: context,
    });
  }
  return new Ontology(codes);
}

let shared: Ontology | undefined;
/** The project's ontology, read once. */
export function defaultOntology(): Ontology {
  shared ??= loadOntology();
  return shared;
}
