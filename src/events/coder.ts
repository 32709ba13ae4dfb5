import type { EntityValue, EventActor, EventValue, TimeValue, TokenValue } from "../document/layers.js";
import type { Annotation, Span } from "../document/span.js";
import {
  type CueKind,
  coreWord,
  type EventLexicon,
  isCue,
  matchTrigger,
  type TriggerPattern,
} from "./lexicon.js";
import type { Ontology } from "./ontology.js";

/**
 * The event coder: per sentence, triggers from the pack's lexicon, then source and target actors
 * by shallow syntax over tokens and entity annotations (no parse tree). Clauses are the stretches
 * between punctuation and subordinating conjunctions; an actor right after a preposition is
 * oblique (not a subject); the source is the nearest non-oblique actor before the trigger in its
 * clause, a noun trigger's own modifier ("Ukrainian incursion", "invasion of Ukraine by Russia"),
 * the agent of a passive ("was attacked by X"), or the sentence's main subject when the trigger's
 * clause has none; the target is the next actor after the trigger in its clause, else the country
 * of a place there ("incursion into Kursk" → RUS). Coordinated actors give one event per pair.
 */
export interface CoderInput {
  readonly text: string;
  readonly sentences: readonly Span[];
  readonly tokens: ReadonlyArray<Annotation<TokenValue>>;
  readonly entities: ReadonlyArray<Annotation<EntityValue>>;
  readonly times: ReadonlyArray<Annotation<TimeValue>>;
  /** Reported speech spans: an event inside one is `reported`. */
  readonly reported: readonly Span[];
  /** Publication date (TIMEX3 value) for events whose sentence names none. */
  readonly date: string | null;
}

interface Word {
  readonly start: number;
  readonly end: number;
  readonly word: string;
  /** An elided article or preposition the token starts with ("dell'"). */
  readonly elided: string;
  readonly punct: boolean;
}

interface Mention {
  readonly entity: Annotation<EntityValue>;
  /** Word indices (sentence-local) of the first and last word the mention covers. */
  readonly first: number;
  readonly last: number;
  readonly clause: number;
  readonly oblique: string;
  readonly actor: EventActor;
}

/** How many words a preposition may stand before the actor it governs ("con il premier russo X"). */
const PREP_REACH = 4;
/** How far after a noun trigger its prepositional complement may start ("incontro annuale stabilito con X"). */
const NOUN_REACH = 6;
/** How far before a verb trigger a passive auxiliary may stand ("wurde am Montag von X angegriffen"). */
const PASSIVE_REACH = 6;
/** How many words a negator or planning cue may stand before the trigger. */
const CUE_REACH = 4;

const PLACE_TYPES = new Set(["place"]);
const CLAUSE_PUNCT = /^[,;:()\u2013\u2014]$/;

export function codeEvents(
  input: CoderInput,
  lex: EventLexicon,
  ontology: Ontology,
): Annotation<EventValue>[] {
  const functionWords = new Set(
    ["prep", "genitive", "det"].flatMap((k) => [...(lex.cues.get(k as CueKind) ?? [])]),
  );
  const events: Annotation<EventValue>[] = [];
  let t = 0;
  let e = 0;
  input.sentences.forEach((sentence, index) => {
    const words: Word[] = [];
    while (t < input.tokens.length && (input.tokens[t]?.start ?? 0) < sentence.end) {
      const tok = input.tokens[t++];
      if (!tok || tok.start < sentence.start) continue;
      const raw = input.text.slice(tok.start, tok.end);
      words.push({
        start: tok.start,
        end: tok.end,
        ...coreWord(raw, functionWords),
        punct: tok.kind === "punct",
      });
    }
    const entities: Annotation<EntityValue>[] = [];
    while (e < input.entities.length && (input.entities[e]?.start ?? 0) < sentence.end) {
      const ent = input.entities[e++];
      if (ent && ent.start >= sentence.start) entities.push(ent);
    }
    events.push(...codeSentence(input, index, sentence, words, entities, lex, ontology));
  });
  return events;
}

function codeSentence(
  input: CoderInput,
  index: number,
  sentence: Span,
  words: readonly Word[],
  entities: ReadonlyArray<Annotation<EntityValue>>,
  lex: EventLexicon,
  ontology: Ontology,
): Annotation<EventValue>[] {
  if (words.length === 0) return [];
  const texts = words.map((w) => w.word);
  const clauses = clauseIndex(words, lex);
  const wordAt = (offset: number) => words.findIndex((w) => w.end > offset);
  const inEntity = new Set<number>();
  const mentions: Mention[] = [];
  const places: Mention[] = [];
  for (const entity of entities) {
    const first = wordAt(entity.start);
    let last = first;
    while (last + 1 < words.length && (words[last + 1]?.start ?? Infinity) < entity.end) last++;
    for (let i = first; i <= last; i++) inEntity.add(i);
    const m: Mention = {
      entity,
      first,
      last,
      clause: clauses[first] ?? 0,
      oblique: governingPrep(words, first, lex),
      actor: {
        start: entity.start,
        end: entity.end,
        kbId: entity.kbId,
        name: entity.name,
        cameo: actorCode(entity, texts, first, last, lex),
      },
    };
    const place = PLACE_TYPES.has(entity.type) || (entity.type === "region" && !entity.cameo);
    if (place || (entity.type === "country" && !entity.adjective && isCue(lex, "locative", m.oblique)))
      places.push(m);
    else if (m.actor.cameo) mentions.push(m);
  }
  // A nationality adjective right before a named person or body ("premier russo Mikhail Mishustin") is part of it.
  const actors = mentions.filter(
    (m, i) =>
      !(
        m.entity.adjective &&
        (mentions[i + 1]?.first ?? Infinity) - m.last <= 2 &&
        !mentions[i + 1]?.entity.adjective
      ),
  );
  const mainSubject = actors.find((m) => !m.oblique && !startsSubordinate(words, clauses, m.clause, lex));
  const out: Annotation<EventValue>[] = [];
  let previousTrigger = -1;
  for (let i = 0; i < words.length; i++) {
    if (inEntity.has(i) || words[i]?.punct) continue;
    const match = matchTrigger(lex, texts, i);
    if (!match) continue;
    const [pattern, lastWord] = match;
    const code = ontology.get(pattern.code);
    if (!code) continue;
    const trigger = { start: words[i]?.start ?? 0, end: words[lastWord]?.end ?? 0 };
    const roles = assignRoles(
      pattern,
      i,
      lastWord,
      previousTrigger,
      words,
      texts,
      clauses,
      actors,
      mainSubject,
      lex,
    );
    previousTrigger = lastWord;
    const place = nearestPlace(places, i);
    const placeTarget =
      place && place.clause === clauses[lastWord] && (place.entity.type === "country" || code.quad >= 3);
    if (!roles.targets.length && placeTarget && place.entity.country) {
      // A country named as the place is the target ("aid to Turkey"); a city or region is, of fighting there.
      roles.targets.push({ ...place.actor, cameo: place.entity.country });
    }
    if (!roles.sources.length && !roles.targets.length) {
      i = lastWord;
      continue;
    }
    const mode = modeOf(words, texts, i, trigger, input.reported, lex);
    const date = nearestDate(input.times, sentence, trigger.start) ?? input.date;
    for (const [source, target] of pairs(roles.sources, roles.targets)) {
      if (source && target && source.cameo === target.cameo && source.kbId === target.kbId) continue;
      out.push({
        ...trigger,
        sentence: index,
        code: code.code,
        root: code.root,
        quad: code.quad,
        goldstein: code.goldstein,
        plover: code.plover,
        mode,
        source,
        target,
        date,
        place: place
          ? {
              start: place.actor.start,
              end: place.actor.end,
              kbId: place.entity.kbId,
              name: place.entity.name,
              country: place.entity.country,
            }
          : null,
        confidence: Math.round((0.4 + (source ? 0.25 : 0) + (target ? 0.25 : 0) - roles.penalty) * 100) / 100,
      });
    }
    i = lastWord;
  }
  return out;
}

/** Clause number of each word: a new clause starts after clause punctuation and at a subordinator. */
function clauseIndex(words: readonly Word[], lex: EventLexicon): number[] {
  let clause = 0;
  return words.map((w, i) => {
    if (i > 0 && (CLAUSE_PUNCT.test(words[i - 1]?.word ?? "") || isCue(lex, "subordinator", w.word)))
      clause++;
    return clause;
  });
}

/**
 * A clause that cannot share the sentence's main subject: one opened by a subordinator, or a later
 * clause opened by a preposition (", after the imposition of sanctions"). A fronted prepositional
 * phrase ("During his meeting with X, Y said") does share it.
 */
function startsSubordinate(
  words: readonly Word[],
  clauses: readonly number[],
  clause: number,
  lex: EventLexicon,
): boolean {
  const first = words[clauses.indexOf(clause)];
  const word = first?.elided || first?.word || "";
  return isCue(lex, "subordinator", word) || (clause > 0 && isCue(lex, "prep", word));
}

/** The preposition governing the noun phrase that starts at `first`, or "" (a subject or object). */
function governingPrep(words: readonly Word[], first: number, lex: EventLexicon): string {
  const elided = words[first]?.elided ?? "";
  if (elided && !isCue(lex, "det", elided)) return elided;
  for (let j = first - 1; j >= 0 && j >= first - PREP_REACH; j--) {
    const w = words[j]?.word ?? "";
    // "the president of France": a genitive after a role word names whose officer it is, not an oblique.
    if (isCue(lex, "genitive", w) && lex.roles.has(words[j - 1]?.word ?? "")) return "";
    if (
      isCue(lex, "prep", w) ||
      isCue(lex, "genitive", w) ||
      isCue(lex, "agent", w) ||
      isCue(lex, "locative", w)
    )
      return w;
    if (
      words[j]?.punct ||
      isCue(lex, "coord", w) ||
      isCue(lex, "subordinator", w) ||
      isCue(lex, "passive", w)
    )
      return "";
  }
  return "";
}

/** The KB's actor code; a bare country code takes the role a neighbouring word gives it ("militare ucraino"). */
function actorCode(
  entity: EntityValue,
  texts: readonly string[],
  first: number,
  last: number,
  lex: EventLexicon,
): string {
  if (!/^[A-Z]{3}$/.test(entity.cameo)) return entity.cameo;
  for (const j of [first - 1, last + 1, first - 2, last + 2]) {
    const role = lex.roles.get(texts[j] ?? "");
    if (role) return entity.cameo + role;
  }
  return entity.cameo;
}

interface Roles {
  sources: EventActor[];
  targets: EventActor[];
  penalty: number;
}

function assignRoles(
  pattern: TriggerPattern,
  i: number,
  lastWord: number,
  previousTrigger: number,
  words: readonly Word[],
  texts: readonly string[],
  clauses: readonly number[],
  actors: readonly Mention[],
  mainSubject: Mention | undefined,
  lex: EventLexicon,
): Roles {
  const clause = clauses[i] ?? 0;
  const before = actors.filter((m) => m.last < i && m.clause === clause);
  // Words inside a split trigger ("kündigte … an") are after its first word.
  const after = actors.filter((m) => m.first > i && m.clause === clauses[lastWord]);
  const subjects = before.filter((m) => !m.oblique);
  let sourceGroup: Mention[] = [];
  let penalty = 0;
  const passive =
    !pattern.noun &&
    texts
      .slice(Math.max(0, i - PASSIVE_REACH), i)
      .some((w, k, all) => isCue(lex, "passive", w) && clauses[i - all.length + k] === clause);
  const isAgent = (m: Mention) => passive && isCue(lex, "agent", m.oblique);
  const agent = after.find(isAgent) ?? before.find(isAgent);
  if (passive && agent) {
    const patient = before.find((m) => !m.oblique);
    const patients = patient ? group(actors, patient, lex, texts) : [];
    return {
      sources: group(actors, agent, lex, texts).map((m) => m.actor),
      targets: patients.map((m) => m.actor),
      penalty,
    };
  }
  let objectOfNoun: Mention | undefined;
  if (pattern.noun) {
    // The noun's own modifiers: an adjective right after or before it, a possessor before it, and
    // genitives after it ("invasion of Ukraine by…": a lone genitive of a conflict noun is its object).
    const genitives = after.filter(
      (m, k) =>
        m.first - (k ? (after[k - 1]?.last ?? 0) : lastWord) <= 3 && isCue(lex, "genitive", m.oblique),
    );
    const adjective = after.find((m) => m.first - lastWord <= 3 && m.entity.adjective);
    const possessor = before.find((m) => i - m.last <= 2 && (m.entity.adjective || !m.oblique));
    const conflict = Number(pattern.code.slice(0, 2)) >= 9;
    const [g1, g2] = genitives;
    const modifier = adjective ?? possessor ?? (g1 && (g2 || !conflict) ? g1 : undefined);
    objectOfNoun = g2 ?? (g1 && g1 !== modifier ? g1 : undefined);
    if (modifier) sourceGroup = [modifier];
  }
  // A noun after another trigger is that verb's object ("sought to repel the incursion"): the subject is not its source.
  const ownSubject = !pattern.noun || !subjects.length || (subjects.at(-1)?.last ?? 0) > previousTrigger;
  if (!sourceGroup.length && subjects.length && ownSubject)
    sourceGroup = group(actors, subjects.at(-1) as Mention, lex, texts);
  if (
    !sourceGroup.length &&
    !subjects.length &&
    mainSubject &&
    !startsSubordinate(words, clauses, clause, lex) &&
    mainSubject.clause !== clause
  ) {
    sourceGroup = group(actors, mainSubject, lex, texts);
    penalty = 0.1;
  }
  const used = new Set(sourceGroup);
  // A noun's target is its complement ("meeting with X", "sanctions against X"), not a later verb's object.
  const target =
    objectOfNoun ??
    after.find(
      (m) =>
        !used.has(m) && m !== agent && (!pattern.noun || (m.oblique && m.first - lastWord <= NOUN_REACH)),
    );
  const targets = target ? group(actors, target, lex, texts).filter((m) => !used.has(m)) : [];
  // "X and Y agreed": with no target, each member of a coordinated subject is the other's partner.
  if (!targets.length && sourceGroup.length > 1) {
    const [head, ...rest] = sourceGroup;
    return { sources: head ? [head.actor] : [], targets: rest.map((m) => m.actor), penalty };
  }
  return { sources: sourceGroup.map((m) => m.actor), targets: targets.map((m) => m.actor), penalty };
}

/** The actor and those coordinated with it ("Russia and China", "Mishustin e Li"). */
function group(
  actors: readonly Mention[],
  head: Mention,
  lex: EventLexicon,
  texts: readonly string[],
): Mention[] {
  const at = actors.indexOf(head);
  const joined = (a: Mention | undefined, b: Mention | undefined) =>
    !!a &&
    !!b &&
    b.first > a.last &&
    b.first - a.last <= 3 &&
    texts.slice(a.last + 1, b.first).some((w) => isCue(lex, "coord", w)) &&
    texts
      .slice(a.last + 1, b.first)
      .every(
        (w) => isCue(lex, "coord", w) || isCue(lex, "prep", w) || isCue(lex, "genitive", w) || w.length <= 3,
      );
  let lo = at;
  while (joined(actors[lo - 1], actors[lo])) lo--;
  let hi = at;
  while (joined(actors[hi], actors[hi + 1])) hi++;
  return actors.slice(lo, hi + 1);
}

function* pairs(
  sources: readonly EventActor[],
  targets: readonly EventActor[],
): Generator<[EventActor | null, EventActor | null]> {
  for (const s of sources.length ? sources : [null])
    for (const t of targets.length ? targets : [null]) yield [s, t];
}

function modeOf(
  words: readonly Word[],
  texts: readonly string[],
  i: number,
  trigger: Span,
  reported: readonly Span[],
  lex: EventLexicon,
): EventValue["mode"] {
  for (let j = i - 1; j >= 0 && j >= i - CUE_REACH && !words[j]?.punct; j--) {
    const w = texts[j] ?? "";
    if (isCue(lex, "negator", w)) return "negated";
    if (isCue(lex, "planned", w)) return "planned";
  }
  const word = texts[i] ?? "";
  if (lex.futureEndings.some((ending) => word.endsWith(ending) && word.length > ending.length + 2))
    return "planned";
  if (reported.some((r) => r.start <= trigger.start && trigger.end <= r.end)) return "reported";
  return "asserted";
}

function nearestPlace(places: readonly Mention[], i: number): Mention | undefined {
  let best: Mention | undefined;
  for (const p of places) {
    const distance = p.first > i ? p.first - i : (i - p.last) * 2;
    if (!best || distance < (best.first > i ? best.first - i : (i - best.last) * 2)) best = p;
  }
  return best;
}

function nearestDate(times: ReadonlyArray<Annotation<TimeValue>>, sentence: Span, at: number): string | null {
  let best: Annotation<TimeValue> | undefined;
  for (const t of times) {
    if (t.type !== "DATE" || t.start < sentence.start || t.end > sentence.end) continue;
    if (!best || Math.abs(t.start - at) < Math.abs(best.start - at)) best = t;
  }
  return best?.value ?? null;
}
