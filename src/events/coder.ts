import type { EntityValue, EventActor, EventValue, TimeValue, TokenValue } from "../document/layers.js";
import type { Annotation, Span } from "../document/span.js";
import { group, type Mention, sentenceActors } from "./actors.js";
import { clauseIndex, startsSubordinate, type Word } from "./clauses.js";
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
 * (src/events/actors.ts) by shallow syntax (src/events/clauses.ts) over tokens and entity
 * annotations (no parse tree). Clauses are the stretches
 * between punctuation and subordinating conjunctions; an actor right after a preposition is
 * oblique (not a subject); the source is the nearest non-oblique actor before the trigger in its
 * clause, a noun trigger's own modifier ("Ukrainian incursion", "invasion of Ukraine by Russia"),
 * the agent of a passive ("was attacked by X"), or the sentence's main subject when the trigger's
 * clause has none; the target is the next actor after the trigger in its clause, else the country
 * of a place there ("incursion into Kursk" → RUS). Coordinated actors give one event per pair.
 * A group noun with no named entity beside it ("police", "manifestantes") is an actor too, and a
 * clause with no subject of its own (pro-drop, "… and then blocked the road") takes the source of
 * the sentence's previous event. Confidence also carries salience: a trigger in a subordinate
 * clause, or after an earlier trigger of its clause ("demanded the withdrawal"), scores lower, so
 * the highest-confidence event is the sentence's main one (src/events/salience.ts).
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

/** How far after a noun trigger its prepositional complement may start ("incontro annuale stabilito con X"). */
const NOUN_REACH = 6;
/** How far before a verb trigger a passive auxiliary may stand ("wurde am Montag von X angegriffen"). */
const PASSIVE_REACH = 6;
/** How many words a negator or planning cue may stand before the trigger. */
const CUE_REACH = 4;
/** Confidence lost by a trigger that is not the sentence's main predication: more than an actor is worth. */
const SECONDARY_PENALTY = 0.3;
/** Confidence lost by a source borrowed from another clause. */
const BORROWED_PENALTY = 0.1;

/** The source a subject-less verb of the next sentence continues. */
interface Carry {
  sources: EventActor[];
}

export interface CoderOptions {
  /** Also return triggers with no actor (source and target null), for measuring event types alone. */
  readonly unanchored?: boolean;
}

export function codeEvents(
  input: CoderInput,
  lex: EventLexicon,
  ontology: Ontology,
  options: CoderOptions = {},
): Annotation<EventValue>[] {
  const functionWords = new Set(
    ["prep", "genitive", "det"].flatMap((k) => [...(lex.cues.get(k as CueKind) ?? [])]),
  );
  const events: Annotation<EventValue>[] = [];
  let t = 0;
  let e = 0;
  const carry: Carry = { sources: [] };
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
    events.push(...codeSentence(input, index, sentence, words, entities, lex, ontology, options, carry));
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
  options: CoderOptions,
  carry: Carry,
): Annotation<EventValue>[] {
  if (words.length === 0) return [];
  const texts = words.map((w) => w.word);
  const clauses = clauseIndex(words, lex);
  const { actors, places, inEntity, mainSubject } = sentenceActors(words, texts, clauses, entities, lex);
  const out: Annotation<EventValue>[] = [];
  let previousTrigger = -1;
  let previousSources: EventActor[] = [];
  for (let i = 0; i < words.length; i++) {
    // A group noun is an actor, not a trigger ("manifestantes" is not "manifestar").
    if (inEntity.has(i) || words[i]?.punct || lex.groups.has(texts[i] ?? "")) continue;
    const match = matchTrigger(lex, texts, i);
    if (!match) continue;
    const [pattern, lastWord] = match;
    const code = ontology.get(pattern.code);
    // A pattern with no CAMEO code ("sin embargo", 000) keeps its words from triggering anything.
    if (!code) {
      i = lastWord;
      continue;
    }
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
    // The first trigger of a clause heads it; a later one is its complement ("demanded the withdrawal",
    // "accused X of violating"), and a subordinate clause is not the main predication.
    const secondary =
      startsSubordinate(words, clauses, clauses[i] ?? 0, lex) ||
      (previousTrigger >= 0 && clauses[previousTrigger] === clauses[i]);
    previousTrigger = lastWord;
    // A verb with no subject in a sentence that names none continues the previous sentence's source
    // (pro-drop: "I manifestanti si sono radunati. Hanno poi bloccato la strada.").
    const borrowed = previousSources.length || pattern.noun || mainSubject ? previousSources : carry.sources;
    if (!roles.sources.length && borrowed.length && !roles.subjectInClause) {
      roles.sources = borrowed;
      roles.penalty = BORROWED_PENALTY;
    }
    if (roles.sources.length) previousSources = roles.sources;
    if (secondary) roles.penalty += SECONDARY_PENALTY;
    const place = nearestPlace(places, i);
    const placeTarget =
      place && place.clause === clauses[lastWord] && (place.entity.type === "country" || code.quad >= 3);
    if (!roles.targets.length && placeTarget && place.entity.country) {
      // A country named as the place is the target ("aid to Turkey"); a city or region is, of fighting there.
      roles.targets.push({ ...place.actor, cameo: place.entity.country });
    }
    if (!roles.sources.length && !roles.targets.length && !options.unanchored) {
      i = lastWord;
      continue;
    }
    const mode = modeOf(words, texts, i, trigger, input.reported, lex);
    const date = nearestDate(input.times, sentence, trigger.start) ?? input.date;
    // An actor is not its own target ("Iraqi Kurds demonstrated … for independence from Iraq").
    const targets = roles.targets.filter(
      (t) => !roles.sources.some((s) => s.cameo === t.cameo && s.kbId === t.kbId),
    );
    for (const [source, target] of pairs(roles.sources, targets)) {
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
  // A sentence that names a new subject without coding its event ends the previous one's reach.
  if (previousSources.length) carry.sources = previousSources;
  else if (mainSubject) carry.sources = [];
  return out;
}

interface Roles {
  sources: EventActor[];
  targets: EventActor[];
  penalty: number;
  /** The trigger's clause names a subject before it (so it borrows none from an earlier clause). */
  subjectInClause: boolean;
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
      subjectInClause: true,
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
  // Verb-final order after an auxiliary ("Die Polizei hat Demonstranten festgenommen"): with no actor
  // after the verb, the subject before the auxiliary is the source and the one after it the object.
  const [firstSubject] = subjects;
  const lastSubject = subjects.at(-1);
  const bracketed =
    !pattern.noun &&
    !after.length &&
    firstSubject &&
    lastSubject &&
    texts.slice(firstSubject.last + 1, lastSubject.first).some((w) => isCue(lex, "bracket", w));
  const finalObject = bracketed ? lastSubject : undefined;
  if (!sourceGroup.length && subjects.length && ownSubject)
    sourceGroup = group(actors, (bracketed ? firstSubject : lastSubject) as Mention, lex, texts);
  if (
    !sourceGroup.length &&
    !subjects.length &&
    mainSubject &&
    !startsSubordinate(words, clauses, clause, lex) &&
    mainSubject.clause !== clause
  ) {
    sourceGroup = group(actors, mainSubject, lex, texts);
    penalty = BORROWED_PENALTY;
  }
  const used = new Set(sourceGroup);
  // A noun's target is its complement ("meeting with X", "sanctions against X"), not a later verb's object.
  const target =
    objectOfNoun ??
    finalObject ??
    after.find(
      (m) =>
        !used.has(m) && m !== agent && (!pattern.noun || (m.oblique && m.first - lastWord <= NOUN_REACH)),
    );
  const targets = target ? group(actors, target, lex, texts).filter((m) => !used.has(m)) : [];
  // "X and Y agreed": with no target, each member of a coordinated subject is the other's partner.
  if (!targets.length && sourceGroup.length > 1) {
    const [head, ...rest] = sourceGroup;
    return {
      sources: head ? [head.actor] : [],
      targets: rest.map((m) => m.actor),
      penalty,
      subjectInClause: true,
    };
  }
  return {
    sources: sourceGroup.map((m) => m.actor),
    targets: targets.map((m) => m.actor),
    penalty,
    subjectInClause: subjects.length > 0,
  };
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
