import type { Document } from "../document/document.js";
import type { KnowledgeBase } from "../kb/kb.js";
import { officeTypes } from "../stages/entities-resolve.js";
import type { Finding } from "./finding.js";

/** Office types in words, singular or plural ("deputy head of government", "deputy heads of government"). */
function typeWords(types: readonly string[], plural = false): string {
  return types
    .map((t) => {
      const words = t.replaceAll("_", " ");
      // The head noun is the first word, or the second after "deputy" or "vice".
      return plural ? words.replace(/^((?:deputy |vice )?\w+)/, "$1s") : words;
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
export function checkRoles(doc: Document, kb: KnowledgeBase): Finding[] {
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
          message: `the article calls ${person.name} "${title}"; on ${date} the KB has ${person.name} as ${matching.map((m) => m.office.name).join(", ")}`,
          evidence: facts,
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
        message: `the article calls ${person.name} "${title}" (${typeWords(role.officeTypes)}); on ${date} ${person.name} was ${held.map((h) => h.office.name).join(", ")} (KB)${who}`,
        evidence: facts,
        confidence: 0.85,
      },
    ];
  });
}
