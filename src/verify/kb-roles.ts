import type { Document } from "../document/document.js";
import type { KnowledgeBase } from "../kb/kb.js";
import { officeTypes } from "../stages/entities-resolve.js";
import type { Finding } from "./finding.js";
import type { StoryTitle } from "./story-titles.js";

/** Reports of the story quoted as evidence beside the KB fact. */
const EVIDENCE = 3;

/** Office types in words, singular or plural ("deputy head of government", "deputy heads of government"). */
function typeWords(types: readonly string[], plural = false): string {
  return types
    .map((t) => {
      const words = t.replaceAll("_", " ");
      // The head noun comes before "of" ("heads of state"), else last ("foreign ministers").
      return plural ? words.replace(/(\w+)(?= of |$)/, "$1s") : words;
    })
    .join(" or ");
}

const listed = (names: readonly string[]) =>
  names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;

/**
 * Checks each title the article gives a person ("vicepremier") against the offices the KB says
 * that person held on the article's date. A title the KB has for the person corroborates; a
 * different office contradicts, naming what the KB holds and who held the claimed office then;
 * a person the KB knows no office for on that date cannot be checked this way.
 */
export function checkRoles(
  doc: Document,
  kb: KnowledgeBase,
  titles: ReadonlyMap<string, readonly StoryTitle[]> = new Map(),
): Finding[] {
  const date = doc.date?.value;
  if (!date) return [];
  const entities = doc.layer("entities");
  return doc.layer("roles").flatMap((role): Finding[] => {
    const person = entities[role.entity];
    if (!person || !role.kbId) return [];
    const title = doc.text.slice(role.start, role.end);
    const held = kb.officesOn(role.kbId, date);
    const base = { start: role.start, end: role.end, text: title, kind: "role" as const };
    const facts = held.map(({ office, fact }) => ({
      kb: fact.source || "relata KB",
      fact: `holds(${person.name}, ${office.name}, from ${fact.from || "?"}${fact.to ? ` to ${fact.to}` : ""})`,
    }));
    if (held.length === 0) {
      return [
        {
          ...base,
          verdict: "unverifiable",
          message: `the article calls ${person.name} "${title}"; the KB knows no office of ${person.name} on ${date}`,
          evidence: [],
          confidence: 0.3,
        },
      ];
    }
    const others = titles.get(role.kbId) ?? [];
    const sharing = (types: readonly string[]) =>
      others.filter((o) => o.officeTypes.some((t) => types.includes(t)));
    const heldTypes = held.flatMap(({ office }) => officeTypes(office));
    const asKb = sharing(heldTypes);
    const asArticle = sharing(role.officeTypes);
    const inStory = others.length
      ? `; ${asKb.length} of the ${others.length} other report${others.length > 1 ? "s" : ""} of this story that title ${person.name} agree with the KB${asArticle.length ? `, ${asArticle.length} with the article` : ""}`
      : "";
    const matching = held.filter(
      ({ office }) =>
        officeTypes(office).some((t) => role.officeTypes.includes(t)) &&
        (!role.country || office.country === role.country),
    );
    if (matching.length) {
      return [
        {
          ...base,
          verdict: "corroborated",
          message: `the article calls ${person.name} "${title}"; on ${date} the KB has ${person.name} as ${matching.map((m) => m.office.name).join(", ")}${inStory}`,
          evidence: [...facts, ...asArticle.slice(0, EVIDENCE).map((o) => o.evidence)],
          confidence: 0.9,
        },
      ];
    }
    const country = role.country || held[0]?.office.country || "";
    const actual = role.officeTypes.flatMap((t) => (country ? kb.holdersOn(t, country, date) : []));
    const actualNames = [...new Set(actual.map((id) => kb.entity(id)?.name ?? id))];
    const who = actualNames.length
      ? `; the ${typeWords(role.officeTypes, actualNames.length > 1)} then ${actualNames.length > 1 ? "were" : "was"} ${listed(actualNames)}`
      : "";
    return [
      {
        ...base,
        verdict: "contradicted",
        message: `the article calls ${person.name} "${title}" (${typeWords(role.officeTypes)}); on ${date} ${person.name} was ${held.map((h) => h.office.name).join(", ")} (KB${inStory})${who}`,
        evidence: [...facts, ...asKb.slice(0, EVIDENCE).map((o) => o.evidence)],
        confidence: 0.85,
      },
    ];
  });
}
