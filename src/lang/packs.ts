import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../paths.js";

/**
 * Language packs are data: `lang/<code>/` folders at the package root holding the same file
 * names in every language. Code never names a language; it asks the pack of the document's
 * language for a file, and a language without that file simply contributes nothing.
 */
export class LangPack {
  private readonly cache = new Map<string, unknown>();

  constructor(
    readonly code: string,
    readonly dir: string,
  ) {}

  has(file: string): boolean {
    return existsSync(join(this.dir, file));
  }

  /** A one-entry-per-line list; `#` starts a comment, blank lines are skipped. */
  list(file: string): readonly string[] {
    return this.memo(`list:${file}`, () => {
      if (!this.has(file)) return [];
      return readFileSync(join(this.dir, file), "utf8")
        .split(/\r?\n/)
        .map((line) => line.replace(/(^|\s)#.*$/, "").trim())
        .filter((line) => line.length > 0);
    });
  }

  /** A tab-separated table; each row is split into its cells. Comments as in `list`. */
  table(file: string): readonly (readonly string[])[] {
    return this.memo(`table:${file}`, () =>
      this.list(file).map((line) => line.split("\t").map((c) => c.trim())),
    );
  }

  /** A JSON document, for data whose shape a flat list cannot hold. */
  json<T>(file: string, fallback: T): T {
    return this.memo(`json:${file}`, () =>
      this.has(file) ? (JSON.parse(readFileSync(join(this.dir, file), "utf8")) as T) : fallback,
    );
  }

  private memo<T>(key: string, load: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, Object.freeze(load()));
    return this.cache.get(key) as T;
  }
}

export class LangPacks {
  private readonly packs = new Map<string, LangPack>();

  constructor(readonly root: string = defaultPackRoot()) {
    if (!existsSync(root)) throw new Error(`language pack folder not found: ${root}`);
    for (const entry of readdirSync(root, { withFileTypes: true })) {
      if (entry.isDirectory() && /^[a-z]{2,3}$/.test(entry.name)) {
        this.packs.set(entry.name, new LangPack(entry.name, join(root, entry.name)));
      }
    }
  }

  get codes(): string[] {
    return [...this.packs.keys()].sort();
  }

  get(code: string): LangPack | undefined {
    return this.packs.get(code);
  }
}

let shared: LangPacks | undefined;

/** The packs at the default root, read once per process, for code that runs outside a pipeline. */
export function defaultPacks(): LangPacks {
  shared ??= new LangPacks();
  return shared;
}

/** `lang/` beside `package.json`. */
export function defaultPackRoot(): string {
  return join(packageRoot(), "lang");
}
