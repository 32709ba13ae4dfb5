import { InputError, type ReadOptions } from "./reader.js";

export const DEFAULT_MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export function maxDocumentBytes(options: ReadOptions): number {
  return options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
}

export function tooLarge(input: string, size: number, max: number, location?: string): InputError {
  return new InputError(
    input,
    `too large for one document: ${formatBytes(size)} > ${formatBytes(max)} (raise --max-bytes)`,
    location,
  );
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
