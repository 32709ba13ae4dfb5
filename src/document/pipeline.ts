import type { KnowledgeBase } from "../kb/kb.js";
import type { LangPacks } from "../lang/packs.js";
import type { Document } from "./document.js";
import type { LayerName } from "./layers.js";

/** Everything a stage may read besides the document. Later issues add the knowledge base here. */
export interface Resources {
  readonly packs: LangPacks;
  /** The knowledge base; stages that link entities skip linking without it. */
  readonly kb?: KnowledgeBase;
}

/**
 * A small, pure step: it reads the layers it names and returns the document with what it adds.
 * The same document and resources always give the same result.
 */
export interface Stage {
  readonly name: string;
  /** Layers that must exist before this stage runs. */
  readonly reads: readonly LayerName[];
  /** Layers this stage adds (empty for stages that only decide document fields, such as language). */
  readonly writes: readonly LayerName[];
  run(doc: Document, resources: Resources): Document;
}

/** Cumulative wall time per stage, for the benchmark's per-stage figures. */
export type StageTimings = Map<string, number>;

export class Pipeline {
  readonly stages: readonly Stage[];

  constructor(
    stages: readonly Stage[],
    readonly resources: Resources,
  ) {
    const written = new Set<LayerName>();
    for (const stage of stages) {
      for (const need of stage.reads) {
        if (!written.has(need))
          throw new Error(`stage "${stage.name}" reads layer "${need}" that no earlier stage writes`);
      }
      for (const layer of stage.writes) written.add(layer);
    }
    this.stages = Object.freeze([...stages]);
  }

  run(doc: Document, timings?: StageTimings): Document {
    let current = doc;
    for (const stage of this.stages) {
      if (!timings) {
        current = stage.run(current, this.resources);
        continue;
      }
      const t0 = performance.now();
      current = stage.run(current, this.resources);
      timings.set(stage.name, (timings.get(stage.name) ?? 0) + performance.now() - t0);
    }
    return current;
  }
}
