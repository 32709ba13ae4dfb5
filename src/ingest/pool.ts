import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Document, DocumentInit } from "../document/document.js";
import { fromTransfer, type TransferredDocument } from "./transfer.js";

type Reply = { id: number; doc: TransferredDocument } | { id: number; error: string };

interface Pending {
  resolve(doc: Document): void;
  reject(error: Error): void;
}

/**
 * Documents to keep queued per worker: enough for the workers to go on analysing while the main
 * thread writes a batch and updates the stories (seconds at a time), few enough to bound memory.
 */
export const QUEUE_PER_WORKER = 64;

/** Worker threads default to one per available core. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/**
 * A worker on the module beside this one. When relata itself runs from its TypeScript sources
 * (tests, `tsx`), the worker first registers tsx's loader, which a worker does not inherit.
 */
function startWorker(): Worker {
  const ts = fileURLToPath(import.meta.url).endsWith(".ts");
  const url = new URL(`./analysis-worker.${ts ? "ts" : "js"}`, import.meta.url);
  if (!ts) return new Worker(url);
  // tsx's ESM API module (require.resolve finds its CommonJS twin beside it).
  const api = new URL("./index.mjs", pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api")))
    .href;
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true });
}

/**
 * Analysis on worker_threads: each worker holds its own Analyzer and takes the next document from
 * the least busy one's queue. `analyze` resolves with the analysed Document, or rejects with the
 * analysis error of that document only; the pool goes on with the others.
 */
export class AnalysisPool {
  private readonly workers: { worker: Worker; pending: Map<number, Pending> }[] = [];
  private nextId = 0;
  private failure: Error | undefined;

  constructor(readonly size: number = defaultWorkers()) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`workers must be a positive integer, got ${size}`);
    for (let i = 0; i < size; i++) {
      const pending = new Map<number, Pending>();
      const worker = startWorker();
      worker.on("message", (reply: Reply) => {
        const p = pending.get(reply.id);
        pending.delete(reply.id);
        if ("error" in reply) p?.reject(new Error(reply.error));
        else p?.resolve(fromTransfer(reply.doc));
      });
      worker.on("error", (error) => {
        // A worker that dies takes its queue with it: fail those documents and every later call.
        this.failure = new Error(`analysis worker ${i} failed: ${error.message}`);
        for (const p of pending.values()) p.reject(this.failure);
        pending.clear();
      });
      this.workers.push({ worker, pending });
    }
  }

  analyze(init: DocumentInit): Promise<Document> {
    if (this.failure) return Promise.reject(this.failure);
    const target = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    return new Promise<Document>((resolve, reject) => {
      target.pending.set(id, { resolve, reject });
      target.worker.postMessage({ id, init });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
