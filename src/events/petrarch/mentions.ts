import type { Span } from "../../document/span.js";
import { type ActorEntry, type AgentEntry, actorCodes } from "./actors.js";
import type { PetrarchDictionaries } from "./load.js";
import { AUXILIARIES, CLAUSE_BREAKS, COORDINATORS, LINKS, PREPOSITIONS } from "./word-classes.js";
import type { Word } from "./words.js";

const BOUNDARIES = [AUXILIARIES, CLAUSE_BREAKS, COORDINATORS, LINKS, PREPOSITIONS, new Set(["THAT"])];

/** An actor or agent phrase found in a sentence; `from`/`to` index its words. */
export interface Mention extends Span {
  readonly kind: "actor" | "agent";
  readonly from: number;
  readonly to: number;
  /** An actor's codes on the document date ("---" codes left out). */
  readonly codes: readonly string[];
  readonly agent?: AgentEntry;
}

/**
 * Actors and agents by longest match of whole words, left to right (an actor wins a tie); the result
 * gives each word its mention, if any.
 */
export function findMentions(
  words: readonly Word[],
  dicts: PetrarchDictionaries,
  date: string | null,
): (Mention | undefined)[] {
  const ws = words.map((w) => w.w);
  const at: (Mention | undefined)[] = new Array(words.length).fill(undefined);
  // A blank in a dictionary phrase skips only words that stay inside a noun phrase.
  const skippable = (i: number) => {
    const w = ws[i] ?? "";
    return /\w/.test(w) && !BOUNDARIES.some((set) => set.has(w)) && !dicts.verbs.forms.has(w);
  };
  for (let i = 0; i < ws.length; ) {
    const actor = dicts.actors.longest(ws, i, skippable);
    const agent = dicts.agents.longest(ws, i, skippable);
    const len = actor && (!agent || actor.length >= agent.length) ? actor.length : (agent?.length ?? 0);
    if (len === 0) {
      i++;
      continue;
    }
    const span = { start: words[i]?.start ?? 0, end: words[i + len - 1]?.end ?? 0, from: i, to: i + len };
    const entry = agent?.values[0];
    const m: Mention =
      actor && len === actor.length
        ? {
            kind: "actor",
            codes: actor.values.flatMap((e: ActorEntry) => actorCodes(e, date)).filter((c) => c !== "---"),
            ...span,
          }
        : { kind: "agent", codes: entry ? [entry.code] : [], agent: entry, ...span };
    at.fill(m, i, i + len);
    i += len;
  }
  return at;
}
