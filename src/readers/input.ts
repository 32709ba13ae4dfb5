import { createReadStream, type Dirent, statSync } from "node:fs";
import { open, readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { errorItem, InputError, type InputSource, type ReadItem } from "./reader.js";

/** The path that names standard input. */
export const STDIN = "-";

export function fileSource(path: string): InputSource {
  return {
    name: path,
    size: sizeOf(path),
    async head(bytes) {
      const file = await open(path);
      try {
        const buffer = Buffer.alloc(bytes);
        const { bytesRead } = await file.read(buffer, 0, bytes, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await file.close();
      }
    },
    bytes: () => readFile(path),
    stream: () => createReadStream(path),
  };
}

function sizeOf(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}

// Standard input can be read only once, yet sniffing and reading each want it from the start.
const buffered = new WeakMap<NodeJS.ReadableStream, Promise<Buffer>>();

/** Standard input (or another stream), buffered on first use and shared by every source over it. */
export function stdinSource(input: NodeJS.ReadableStream = process.stdin): InputSource {
  const bytes = () => {
    const all = buffered.get(input) ?? collect(input);
    buffered.set(input, all);
    return all;
  };
  return {
    name: STDIN,
    head: async (n) => (await bytes()).subarray(0, n),
    bytes,
    stream: () =>
      Readable.from(
        (async function* () {
          yield await bytes();
        })(),
      ),
  };
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

export function openSource(path: string): InputSource {
  return path === STDIN ? stdinSource() : fileSource(path);
}

export type PathItem =
  | { readonly kind: "file"; readonly path: string }
  | Extract<ReadItem, { kind: "error" }>;

/**
 * The files to read: files as given, folders walked recursively in name order, skipping dotfiles
 * and symbolic links to folders (which could loop). A path that cannot be used is an error item.
 */
export async function* expandPaths(paths: readonly string[]): AsyncGenerator<PathItem> {
  for (const path of paths) {
    if (path === STDIN) {
      yield { kind: "file", path };
      continue;
    }
    const info = await stat(path).catch((error: unknown) => new InputError(path, ioReason(error)));
    if (info instanceof InputError) yield errorItem(info);
    else if (info.isDirectory()) yield* walk(path);
    else if (info.isFile()) yield { kind: "file", path };
    else yield errorItem(new InputError(path, "not a file or folder"));
  }
}

async function* walk(dir: string): AsyncGenerator<PathItem> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield errorItem(new InputError(dir, ioReason(error)));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    const linkedFile = entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isFile();
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile() || linkedFile) yield { kind: "file", path };
  }
}

/** A file system error as a reason a user understands. */
export function ioReason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case "ENOENT":
      return "not found";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a folder";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
