import type { DocumentInit } from "../document/document.js";
import { type Decoded, decode } from "./decode.js";
import { maxDocumentBytes, tooLarge } from "./limits.js";
import { errorItem, InputError, type InputSource, type Reader, type ReadOptions } from "./reader.js";

/**
 * Reads and decodes a whole input. One over the size cap is refused before it is read when its
 * size is known (files), and after reading otherwise (standard input).
 */
export async function readWhole(source: InputSource, options: ReadOptions): Promise<Decoded> {
  const max = maxDocumentBytes(options);
  if (source.size !== undefined && source.size > max) throw tooLarge(source.name, source.size, max);
  const bytes = await source.bytes();
  if (bytes.length > max) throw tooLarge(source.name, bytes.length, max);
  const decoded = decode(bytes, source.name);
  if (decoded.text.trim() === "") throw new InputError(source.name, "empty input");
  return decoded;
}

/** Builds a document from a whole decoded input; throws InputError for content it cannot use. */
export type ToInit = (text: string, input: string, options: ReadOptions) => DocumentInit;

/** A reader of a format that makes one document of a whole input, recording its charset as metadata. */
export function wholeInputReader(format: string, sniff: Reader["sniff"], toInit: ToInit): Reader {
  return {
    format,
    sniff,
    async *read(source, options) {
      let init: DocumentInit;
      try {
        const { text, charset } = await readWhole(source, options);
        const built = toInit(text, source.name, options);
        init = { ...built, metadata: { ...built.metadata, charset } };
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        yield errorItem(error);
        return;
      }
      yield { kind: "document", init, where: source.name };
    },
  };
}
