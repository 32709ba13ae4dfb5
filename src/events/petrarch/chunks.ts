import type { Span } from "../../document/span.js";
import type { AgentEntry } from "./actors.js";
import type { Mention } from "./mentions.js";
import { AUXILIARIES, CLAUSE_BREAKS, COORDINATORS, LINKS, PREPOSITIONS } from "./word-classes.js";
import type { Word } from "./words.js";

/** An actor of a dictionary-coded event: its composed code and the words it was read from. */
export interface DictionaryActor extends Span {
  readonly code: string;
  readonly name: string;
}

/** A participant of a chunk: `part` tells coordinated members apart ("Gondor and Osgiliath"). */
export interface Participant extends DictionaryActor {
  readonly part: number;
}

/** A noun-phrase chunk (word indices `from`–`to`) with the participants it names. */
export interface Chunk {
  readonly from: number;
  readonly to: number;
  readonly actors: readonly Participant[];
}

type Role = "actor" | "agent" | "coord" | "link" | "bound" | "fill";
type Range = { from: number; to: number };

/** Joins agent codes to an actor code, leaving out an agent code the actor code already holds. */
export function compose(actor: string, agents: readonly AgentEntry[]): string {
  const chunks = (c: string): string[] => c.match(/.{1,3}/g) ?? [];
  let code = actor;
  for (const a of agents) {
    const have = chunks(code);
    if (chunks(a.code).every((c) => have.includes(c))) continue;
    code = a.position === "after" ? `${code}${a.code}` : `${a.code}${code}`;
  }
  return code;
}

/**
 * The noun-phrase chunks of a sentence: runs of words between verbs, auxiliaries, prepositions,
 * clause words and punctuation. A comma coordinates only in a list closed by and/or/nor; a run whose
 * last part names no actor joins the run its link word opens ("the government of Gondor").
 */
export class SentenceChunks {
  readonly roles: Role[];
  readonly list: Chunk[] = [];

  constructor(
    private readonly text: string,
    words: readonly Word[],
    private readonly mentionAt: readonly (Mention | undefined)[],
    isVerb: (i: number) => boolean,
  ) {
    const ws = words.map((w) => w.w);
    this.roles = ws.map((w, i) => {
      const m = mentionAt[i];
      if (m) return m.kind;
      if (isVerb(i) || AUXILIARIES.has(w) || PREPOSITIONS.has(w) || CLAUSE_BREAKS.has(w) || w === "THAT")
        return "bound";
      if (COORDINATORS.has(w)) return "coord";
      if (LINKS.has(w)) return "link";
      return /^[^\w']+$/.test(w) ? "bound" : "fill";
    });
    for (let i = 0; i < ws.length; i++) {
      if (ws[i] !== ",") continue;
      let list = false;
      for (let j = i + 1; j < ws.length && this.roles[j] !== "bound" && !list; j++)
        list = ws[j] !== "," && this.roles[j] === "coord";
      if (!list) this.roles[i] = "bound";
    }
    for (const run of this.runs()) {
      const actors = this.participants(run.from, run.to);
      if (actors.length) this.list.push({ from: run.from, to: run.to, actors });
    }
  }

  /** The chunk a pattern element or object search can start at `i`: `i` is at or before its first mention. */
  startingAt(i: number): Chunk | undefined {
    return this.list.find((c) => c.from <= i && i < c.to && this.firstMention(c) >= i);
  }

  containing(i: number): Chunk | undefined {
    return this.list.find((c) => c.from <= i && i < c.to);
  }

  private firstMention(c: Chunk): number {
    for (let i = c.from; i < c.to; i++) if (this.mentionAt[i]) return i;
    return c.to;
  }

  private runs(): Range[] {
    const merged: Range[] = [];
    let start = -1;
    let linkBefore = false;
    for (let i = 0; i <= this.roles.length; i++) {
      const r = this.roles[i];
      if (i < this.roles.length && r !== "bound" && r !== "link") {
        if (start < 0) start = i;
        continue;
      }
      if (start >= 0) {
        const last = merged[merged.length - 1];
        if (linkBefore && last && last.to === start - 1 && !this.has(this.lastPart(last), "actor"))
          last.to = i;
        else merged.push({ from: start, to: i });
      }
      start = -1;
      linkBefore = r === "link";
    }
    return merged;
  }

  /** The last coordinated part of a run ("the government" in "Ithilen and the government"). */
  private lastPart(run: Range): Range {
    let from = run.to;
    while (from > run.from && this.roles[from - 1] !== "coord") from--;
    return { from, to: run.to };
  }

  private has(run: Range, role: Role): boolean {
    for (let i = run.from; i < run.to; i++) if (this.roles[i] === role) return true;
    return false;
  }

  /**
   * The participants of a chunk: each part's first actor (as PETRARCH reads a noun phrase: "Russia's
   * President Vladimir Putin" is RUS with the agent PRESIDENT) with the part's own agents, or with the
   * agent-only parts whose scope it is: the actors after the link word that follows them ("lawmakers
   * and officials in Fornost and Gondor"), else every actor of the chunk ("Danish media and
   * government"). Agents without any actor get the null actor "---".
   */
  private participants(from: number, to: number): Participant[] {
    const parts: { ms: Mention[]; link: number }[] = [{ ms: [], link: 0 }];
    let links = 0;
    let previous: Mention | undefined;
    for (let i = from; i < to; i++) {
      const role = this.roles[i];
      const current = parts[parts.length - 1];
      if (role === "coord" || role === "link") {
        if (role === "link") links++;
        if (current?.ms.length) parts.push({ ms: [], link: links });
        else if (current) current.link = links;
        continue;
      }
      const m = this.mentionAt[i];
      if (m && m !== previous) current?.ms.push(m);
      previous = m;
    }
    const actorParts = parts.filter((p) => p.ms.some((m) => m.kind === "actor"));
    const agentOnly = parts
      .filter((p) => p.ms.length && p.ms.every((m) => m.kind === "agent"))
      .map((p) => ({
        agents: p.ms.map((m) => m.agent as AgentEntry),
        ms: p.ms,
        scope: p.link < links ? actorParts.filter((a) => a.link > p.link) : actorParts,
      }));
    const out: Participant[] = [];
    const add = (code: string, ms: readonly Mention[], part: number) => {
      const sorted = [...ms].sort((a, b) => a.start - b.start);
      const first = sorted[0];
      const last = sorted[sorted.length - 1];
      if (!first || !last || out.some((a) => a.code === code)) return;
      out.push({
        code,
        name: this.text.slice(first.start, last.end),
        start: first.start,
        end: last.end,
        part,
      });
    };
    actorParts.forEach((part, k) => {
      const own = part.ms.filter((m) => m.kind === "agent").map((m) => m.agent as AgentEntry);
      const scoped = agentOnly.filter((g) => g.scope.includes(part));
      const head = part.ms.find((m) => m.kind === "actor");
      for (const code of head?.codes ?? []) {
        if (own.length || !scoped.length) add(compose(code, own), part.ms, k);
        for (const g of scoped) add(compose(code, g.agents), [...g.ms, head as Mention], k);
      }
    });
    if (!actorParts.length)
      agentOnly.forEach((g, k) => {
        add(compose("---", g.agents), g.ms, k);
      });
    return out;
  }
}
