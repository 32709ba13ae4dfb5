import { parentPort } from "node:worker_threads";
import { Analyzer } from "../analysis.js";
import type { DocumentInit } from "../document/document.js";
import { toTransfer } from "./transfer.js";

/** One analysis thread of the pool: its own Analyzer (packs, KB), one document per message. */
if (!parentPort) throw new Error("analysis-worker must run in a worker thread");
const port = parentPort;
const analyzer = new Analyzer();

port.on("message", (msg: { id: number; init: DocumentInit }) => {
  try {
    port.postMessage({ id: msg.id, doc: toTransfer(analyzer.analyze(msg.init)) });
  } catch (error) {
    port.postMessage({ id: msg.id, error: error instanceof Error ? error.message : String(error) });
  }
});
