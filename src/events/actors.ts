import type { EntityValue, EventActor } from "../document/layers.js";
import type { Annotation } from "../document/span.js";
import { governingPrep, startsSubordinate, type Word } from "./clauses.js";
import { type EventLexicon, isCue, matchTrigger } from "./lexicon.js";

/**
 * The actors of one sentence: its entity annotations with their CAMEO actor codes, the group nouns
 * that act by themselves, the places, and the sentence's main subject.
 */
export interface Mention {
  readonly entity: Annotation<EntityValue>;
  /** Word indices (sentence-local) of the first and last word the mention covers. */
  readonly first: number;
  readonly last: number;
  readonly clause: number;
  readonly oblique: string;
  readonly actor: EventActor;
}

/** How far before an unlinked name its nationality and title may start ("Nigerian junior foreign minister X"). */
const TITLE_REACH = 4;
/** How close a role word must stand to a named entity to be part of it rather than a group actor. */
const ROLE_REACH = 2;
const PLACE_TYPES = new Set(["place"]);

export interface SentenceActors {
  /** Actor mentions in word order. */
  readonly actors: readonly Mention[];
  readonly places: readonly Mention[];
  /** Words inside a KB-linked or coded entity, which hold no trigger. */
  readonly inEntity: ReadonlySet<number>;
  /** The first non-oblique actor outside subordinate clauses. */
  readonly mainSubject: Mention | undefined;
}

export function sentenceActors(
  words: readonly Word[],
  texts: readonly string[],
  clauses: readonly number[],
  entities: ReadonlyArray<Annotation<EntityValue>>,
  lex: EventLexicon,
): SentenceActors {
  const wordAt = (offset: number) => words.findIndex((w) => w.end > offset);
  const inEntity = new Set<number>();
  const mentions: Mention[] = [];
  const places: Mention[] = [];
  for (const entity of entities) {
    const first = wordAt(entity.start);
    let last = first;
    while (last + 1 < words.length && (words[last + 1]?.start ?? Infinity) < entity.end) last++;
    // An unknown capitalised run ("PAISES NORDICOS PIDEN A" in a headline) may hold a trigger.
    if (entity.kbId || entity.cameo) for (let i = first; i <= last; i++) inEntity.add(i);
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
        cameo: actorCode(entity, words, texts, first, last, lex),
      },
    };
    const place = PLACE_TYPES.has(entity.type) || (entity.type === "region" && !entity.cameo);
    if (place || (entity.type === "country" && !entity.adjective && isCue(lex, "locative", m.oblique)))
      places.push(m);
    else if (m.actor.cameo) mentions.push(m);
  }
  mentions.push(...groupMentions(words, texts, clauses, inEntity, lex));
  mentions.sort((a, b) => a.first - b.first);
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
  return { actors, places, inEntity, mainSubject };
}

/** Group nouns ("police", "huelguistas") that stand apart from every named entity, as actors coded by the group. */
function groupMentions(
  words: readonly Word[],
  texts: readonly string[],
  clauses: readonly number[],
  inEntity: ReadonlySet<number>,
  lex: EventLexicon,
): Mention[] {
  const out: Mention[] = [];
  texts.forEach((text, i) => {
    const group = lex.groups.get(text);
    const word = words[i];
    if (!group || !word || inEntity.has(i)) return;
    // Beside a named entity it is that entity's role ("Ukrainian forces"), unless a preposition or a
    // trigger parts them ("rebels ambushed French soldiers").
    for (let j = i - ROLE_REACH; j <= i + ROLE_REACH; j++) {
      const lo = Math.min(i, j) + 1;
      const parted = texts
        .slice(lo, Math.max(i, j))
        .some(
          (w, k) => isCue(lex, "prep", w) || isCue(lex, "locative", w) || matchTrigger(lex, texts, lo + k),
        );
      if (inEntity.has(j) && !parted) return;
    }
    // A nationality adjective the entity stage left unmarked ("Ugandan rebels", "campesinos bolivianos").
    const country = lex.demonym(texts[i - 1] ?? "") ?? lex.demonym(texts[i + 1] ?? "") ?? "";
    const cameo = country + group;
    const entity: Annotation<EntityValue> = {
      start: word.start,
      end: word.end,
      type: "group",
      kbId: "",
      name: text,
      wikidata: "",
      country: "",
      cameo,
      officeId: "",
      office: "",
      confidence: 0.5,
    };
    out.push({
      entity,
      first: i,
      last: i,
      clause: clauses[i] ?? 0,
      oblique: governingPrep(words, i, lex),
      actor: { start: word.start, end: word.end, kbId: "", name: text, cameo },
    });
  });
  return out;
}

/**
 * The KB's actor code; a bare country code takes the role or group a neighbouring word gives it
 * ("militare ucraino" → UKRMIL, "French farmers" → FRAAGR). A name the KB does not hold takes the
 * nationality written just before it or as its first word ("Gambian President Dawda Jawara" →
 * GMBGOV, "Serbian Workers' Union" → SRB).
 */
function actorCode(
  entity: EntityValue,
  words: readonly Word[],
  texts: readonly string[],
  first: number,
  last: number,
  lex: EventLexicon,
): string {
  let code = entity.cameo;
  if (!code && !PLACE_TYPES.has(entity.type)) {
    for (let j = first - 1; j >= first - TITLE_REACH && j >= 0 && !words[j]?.punct && !code; j--)
      code = lex.demonym(texts[j] ?? "") ?? "";
    code ||= lex.demonym(texts[first] ?? "") ?? "";
  }
  if (!/^[A-Z]{3}$/.test(code)) return code;
  for (const j of [first - 1, last + 1, first - 2, last + 2]) {
    const role = lex.roles.get(texts[j] ?? "") ?? lex.groups.get(texts[j] ?? "");
    if (role) return code + role;
  }
  return code;
}

/** The actor and those coordinated with it ("Russia and China", "Mishustin e Li"). */
export function group(
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
