import { Document, type DocumentInit } from "./document/document.js";
import { Pipeline, type StageTimings } from "./document/pipeline.js";
import { type KnowledgeBase, loadKb } from "./kb/kb.js";
import { LangPacks } from "./lang/packs.js";
import { defaultStages } from "./stages/index.js";

/** The default pipeline with its resources, built once and reused for every document. */
export class Analyzer {
  readonly pipeline: Pipeline;

  constructor(
    packs: LangPacks = new LangPacks(),
    readonly kb: KnowledgeBase = loadKb(),
  ) {
    this.pipeline = new Pipeline(defaultStages(), { packs, kb });
  }

  analyze(init: DocumentInit, timings?: StageTimings): Document {
    return this.pipeline.run(Document.create(init), timings);
  }
}
