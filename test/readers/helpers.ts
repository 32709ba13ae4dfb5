import { join } from "node:path";
import { Readable } from "node:stream";
import type { InputSource, Reader, ReadItem, ReadOptions } from "../../src/readers/reader.js";

export const fixture = (...parts: string[]) =>
  join(import.meta.dirname, "..", "fixtures", "readers", ...parts);

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** The single item a reader makes of a whole-input format. */
export async function readOne(
  reader: Reader,
  source: InputSource,
  options: ReadOptions = {},
): Promise<ReadItem> {
  const items = await collect(reader.read(source, options));
  if (items.length !== 1) throw new Error(`expected one item, got ${items.length}`);
  return items[0] as ReadItem;
}

/** An input held in memory, delivered by `stream` in chunks of `chunkSize` bytes. */
export function memorySource(name: string, content: string | Buffer, chunkSize = 64 * 1024): InputSource {
  const bytes = Buffer.from(content);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  return {
    name,
    size: bytes.length,
    head: async (n) => bytes.subarray(0, n),
    bytes: async () => bytes,
    stream: () => Readable.from(chunks),
  };
}
