import type { AliasEntry } from "../kb/alias-index.js";
import type { KnowledgeBase, OfficeOnDate } from "../kb/kb.js";
import type { Entity } from "../kb/schema.js";

/** What the words around a name say about it. */
export interface NameContext {
  /** Office types of a title before the name ("premier" → head_of_government). */
  readonly titleTypes: readonly string[];
  /** Country named by the title, a demonym or a country next to the name. */
  readonly country: string;
  /** Countries the whole article mentions, with counts. */
  readonly docCountries: ReadonlyMap<string, number>;
  readonly date: string | undefined;
}

/** Offices whose holders titles of the other type are often confused with. */
const RELATED: Readonly<Record<string, string>> = {
  head_of_government: "deputy_head_of_government",
  deputy_head_of_government: "head_of_government",
  head_of_state: "vice_president",
  vice_president: "head_of_state",
};

/** Seniority when a person held several offices on the date. */
const SENIORITY = [
  "head_of_state",
  "supreme_leader",
  "head_of_government",
  "party_leader",
  "vice_president",
  "deputy_head_of_government",
  "foreign_minister",
  "defence_minister",
  "security_council_secretary",
  "central_bank_governor",
  "chief_of_general_staff",
  "military_commander",
  "spokesperson",
  "presidential_aide",
  "secretary_general",
];

export function officeTypes(office: Entity): string[] {
  return office.kind.split("|");
}

const seniority = (o: OfficeOnDate) => {
  const at = SENIORITY.indexOf(officeTypes(o.office)[0] ?? "");
  return at < 0 ? SENIORITY.length : at;
};

/** The office to report for a person on the date: one the title names, else the most senior. */
export function officeFor(kb: KnowledgeBase, person: string, ctx: NameContext): OfficeOnDate | undefined {
  if (!ctx.date) return undefined;
  const held = kb.officesOn(person, ctx.date).sort((a, b) => seniority(a) - seniority(b));
  return held.find((o) => officeTypes(o.office).some((t) => ctx.titleTypes.includes(t))) ?? held[0];
}

export interface Scored {
  readonly id: string;
  readonly score: number;
}

/**
 * Scores the people a name may refer to. A full name counts for more than a family name alone;
 * an office of the type the title names, held on the article date, counts most; any office or
 * dated role on that date, the country named next to the name and the article's countries add.
 */
export function scorePeople(kb: KnowledgeBase, entries: readonly AliasEntry[], ctx: NameContext): Scored[] {
  const best = new Map<string, number>();
  for (const e of entries) {
    const person = kb.entity(e.id);
    if (person?.type !== "person") continue;
    let score = e.kind === "surname" ? 0.5 : e.kind === "name" ? 1 : 0.9;
    const held = ctx.date ? kb.officesOn(e.id, ctx.date) : [];
    const types = held.flatMap((o) => officeTypes(o.office));
    if (ctx.titleTypes.some((t) => types.includes(t))) score += 1;
    else if (ctx.titleTypes.some((t) => RELATED[t] && types.includes(RELATED[t]))) score += 0.3;
    if (held.length) score += 0.5;
    else if (ctx.date && kb.activeRoleOn(e.id, ctx.date)) score += 0.2;
    else if (
      ctx.titleTypes.length &&
      kb.officesOf(e.id).some((o) => officeTypes(o.office).some((t) => ctx.titleTypes.includes(t)))
    )
      score += 0.2;
    const countries = new Set([person.country, ...held.map((o) => o.office.country)]);
    if (ctx.country && countries.has(ctx.country)) score += 0.3;
    if ([...countries].some((c) => c && ctx.docCountries.has(c))) score += 0.1;
    if (score > (best.get(e.id) ?? 0)) best.set(e.id, score);
  }
  return [...best].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || cmp(a.id, b.id));
}

/** How much a context says beyond the name itself: a family name alone needs some of it. */
export function hasEvidence(kb: KnowledgeBase, id: string, ctx: NameContext): boolean {
  if (ctx.titleTypes.length) return true;
  if (ctx.date) return kb.officesOn(id, ctx.date).length > 0 || kb.activeRoleOn(id, ctx.date);
  // Without an article date, having held an office at all is what singles a family name out.
  return kb.officesOf(id).length > 0;
}

/** Priority of non-person readings of a name: a country over a homonymous city, a capital over a town. */
export function scorePlace(
  kb: KnowledgeBase,
  entry: AliasEntry,
  lang: string,
  regionCue: boolean,
  docCountries: ReadonlyMap<string, number>,
): number {
  const e = kb.entity(entry.id);
  if (!e) return -1;
  let score =
    e.type === "country"
      ? 5
      : e.type === "organisation" || e.type === "group"
        ? 4
        : e.type === "region"
          ? e.kind === "admin1"
            ? 1
            : 3
          : e.kind === "capital"
            ? 3
            : 1.5;
  if (regionCue && e.type === "region") score += 4;
  if (e.population > 0) score += Math.log10(e.population) / 4;
  if (e.country && docCountries.has(e.country)) score += 1;
  if (entry.lang === lang) score += 0.3;
  if (entry.kind === "surname") score -= 3;
  return score;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
