import type { DocumentInit } from "../document/document.js";

/** A problem with one input or one record of it; the batch goes on. */
export class InputError extends Error {
  constructor(
    /** The file (or "-" for standard input, or a URL) the problem is in. */
    readonly input: string,
    readonly reason: string,
    /** Where in the input: "line 12", "record 3", "byte 4096". */
    readonly location?: string,
  ) {
    super(`${input}${location ? `:${location.replace(/^line /, "")}` : ""}: ${reason}`);
    this.name = "InputError";
  }
}

/** Options the user gives for inputs that do not carry their own metadata (plain text). */
export interface ReadOptions {
  readonly lang?: string | undefined;
  /** ISO date of any precision, as the `--date` flag gives it. */
  readonly date?: string | undefined;
  readonly title?: string | undefined;
  readonly url?: string | undefined;
  /** Largest text accepted for one document, in bytes; larger ones are refused with an error. */
  readonly maxDocumentBytes?: number | undefined;
}

export type ReadItem =
  | { readonly kind: "document"; readonly init: DocumentInit; readonly where: string }
  | { readonly kind: "error"; readonly error: InputError };

/** Bytes to read, named for error messages. */
export interface InputSource {
  readonly name: string;
  /** The first bytes, for format and charset sniffing without reading everything. */
  head(bytes: number): Promise<Buffer>;
  /** The whole input; readers of streamable formats use `stream` instead. */
  bytes(): Promise<Buffer>;
  stream(): NodeJS.ReadableStream;
  /** Size in bytes when known (files), so huge inputs can be refused before reading them. */
  readonly size?: number | undefined;
}

/** One input format. Readers never throw for bad content: they yield error items and go on. */
export interface Reader {
  readonly format: string;
  /** True when the first bytes (and the name, as a hint only) look like this format. */
  sniff(head: Buffer, name: string): boolean;
  read(source: InputSource, options: ReadOptions): AsyncIterable<ReadItem>;
}

export function errorItem(error: InputError): Extract<ReadItem, { kind: "error" }> {
  return { kind: "error", error };
}
