import { readFileSync } from "node:fs";
import { type ActorEntry, type AgentEntry, readActors, readAgents } from "./actors.js";
import { dictionaryLines, phraseWords } from "./lines.js";
import { PhraseIndex } from "./phrase-index.js";
import { parseVerbDictionary, type VerbDictionary } from "./verbs.js";

export interface PetrarchDictionaries {
  readonly verbs: VerbDictionary;
  readonly actors: PhraseIndex<ActorEntry>;
  readonly agents: PhraseIndex<AgentEntry>;
  /** Discard phrases: a sentence holding one is not coded; a story phrase (`+` in the file) stops the whole text. */
  readonly discards: { readonly sentence: readonly string[][]; readonly story: readonly string[][] };
  /** What was left out as PETRARCH leaves it out (patterns with undefined synsets, bad date blocks), `file:line: reason`. */
  readonly skipped: readonly string[];
}

export interface PetrarchFiles {
  readonly verbs: string;
  readonly actors: readonly string[];
  readonly agents?: string | undefined;
  readonly discards?: string | undefined;
}

function read(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`cannot read dictionary ${file}: ${(error as Error).message}`);
  }
}

/** Reads a discard list: one phrase a line, `+` marking a story-level discard. */
export function parseDiscards(text: string): PetrarchDictionaries["discards"] {
  const sentence: string[][] = [];
  const story: string[][] = [];
  for (const line of dictionaryLines(text)) {
    const t = line.text.trim();
    const words = phraseWords(t.replace(/^\+/, ""));
    if (words.length) (t.startsWith("+") ? story : sentence).push(words);
  }
  return { sentence, story };
}

/**
 * Loads a set of PETRARCH dictionaries. All files are read and parsed before anything is returned,
 * so a bad line anywhere fails the whole load (with its file:line) and nothing half-loaded is used.
 */
export function loadPetrarchDictionaries(files: PetrarchFiles): PetrarchDictionaries {
  const verbs = parseVerbDictionary(read(files.verbs), files.verbs);
  const actors = new PhraseIndex<ActorEntry>();
  const skipped = [...verbs.skipped];
  for (const file of files.actors) skipped.push(...readActors(read(file), file, actors));
  const agents = new PhraseIndex<AgentEntry>();
  if (files.agents) skipped.push(...readAgents(read(files.agents), files.agents, agents));
  const discards = files.discards ? parseDiscards(read(files.discards)) : { sentence: [], story: [] };
  return { verbs, actors, agents, discards, skipped };
}
