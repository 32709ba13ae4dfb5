import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { expandPaths, fileSource, stdinSource } from "../../src/readers/input.js";
import { collect, fixture } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "relata-input-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("fileSource", () => {
  it("knows its size, reads only the head asked for, the whole file, or a stream", async () => {
    const path = join(dir, "f.txt");
    writeFileSync(path, "0123456789".repeat(1000));
    const source = fileSource(path);
    expect(source.name).toBe(path);
    expect(source.size).toBe(10_000);
    expect((await source.head(12)).toString()).toBe("012345678901");
    expect((await source.head(20_000)).length).toBe(10_000);
    expect((await source.bytes()).length).toBe(10_000);
    expect(Buffer.concat(await collect(source.stream() as AsyncIterable<Buffer>)).length).toBe(10_000);
  });

  it("has no size for a missing file, and rejects when read", async () => {
    const source = fileSource(join(dir, "missing.txt"));
    expect(source.size).toBeUndefined();
    await expect(source.head(10)).rejects.toMatchObject({ code: "ENOENT" });
  });
});

describe("stdinSource", () => {
  it("buffers its stream once, so sniffing and reading both see it all", async () => {
    const stream = Readable.from([Buffer.from("date 2024-08 Titolo\n"), Buffer.from("\nCorpo.")]);
    const sniffing = stdinSource(stream);
    expect((await sniffing.head(4)).toString()).toBe("date");
    const reading = stdinSource(stream);
    expect(reading.name).toBe("-");
    expect(reading.size).toBeUndefined();
    expect((await reading.bytes()).toString()).toBe("date 2024-08 Titolo\n\nCorpo.");
    expect(Buffer.concat(await collect(reading.stream() as AsyncIterable<Buffer>)).toString()).toBe(
      "date 2024-08 Titolo\n\nCorpo.",
    );
  });
});

describe("expandPaths", () => {
  it("walks folders recursively in name order, skipping dotfiles, and keeps files and - as given", async () => {
    const batch = fixture("batch");
    const items = await collect(expandPaths([batch, fixture("text", "eclipse.en.txt"), "-"]));
    expect(items).toEqual([
      { kind: "file", path: join(batch, "binary.txt") },
      { kind: "file", path: join(batch, "empty.txt") },
      { kind: "file", path: join(batch, "nested", "closing.en.txt") },
      { kind: "file", path: join(batch, "nested", "whitespace.txt") },
      { kind: "file", path: join(batch, "truncated.jsonl") },
      { kind: "file", path: fixture("text", "eclipse.en.txt") },
      { kind: "file", path: "-" },
    ]);
  });

  it("makes a missing path an error item and goes on", async () => {
    const missing = join(dir, "nope");
    const items = await collect(expandPaths([missing, fixture("seed")]));
    expect(items[0]).toMatchObject({ kind: "error", error: { input: missing, reason: "not found" } });
    expect(items.slice(1).map((item) => item.kind)).toEqual(["file", "file", "file"]);
  });

  it("follows symbolic links to files but not to folders, which could loop", async () => {
    const tree = join(dir, "tree");
    const sub = join(tree, "sub");
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(dir, "target.txt"), "text");
    symlinkSync(join(dir, "target.txt"), join(sub, "link.txt"));
    symlinkSync(tree, join(sub, "loop"));
    expect(await collect(expandPaths([tree]))).toEqual([{ kind: "file", path: join(sub, "link.txt") }]);
  });
});
