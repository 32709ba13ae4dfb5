import type { Store } from "../store/store.js";
import { type DocEvidence, evidenceOf } from "./finding.js";

/** How one other document of the story titles a person. */
export interface StoryTitle {
  /** The office types of its titles for that person ("head_of_government"…). */
  readonly officeTypes: readonly string[];
  /** Where it titles them first. */
  readonly evidence: DocEvidence;
}

/** Documents of a story read for their titles: enough to count, bounded for a story of thousands. */
const READ = 60;

/**
 * The titles the other documents of a story give each KB person, by person: what a role claim
 * is counted against ("3 of 4 reports of this story call him Premier").
 */
export function storyTitles(
  store: Store,
  documents: readonly string[],
  except: string,
): Map<string, StoryTitle[]> {
  const byPerson = new Map<string, StoryTitle[]>();
  for (const id of documents.filter((d) => d !== except).slice(0, READ)) {
    const doc = store.get(id);
    if (!doc) continue;
    const seen = new Map<string, { types: Set<string>; evidence: DocEvidence }>();
    for (const role of doc.layers.roles ?? []) {
      if (!role.kbId || role.officeTypes.length === 0) continue;
      const known = seen.get(role.kbId);
      if (known) for (const t of role.officeTypes) known.types.add(t);
      else
        seen.set(role.kbId, {
          types: new Set(role.officeTypes),
          evidence: evidenceOf(doc, role),
        });
    }
    for (const [kbId, { types, evidence }] of seen)
      byPerson.set(kbId, [...(byPerson.get(kbId) ?? []), { officeTypes: [...types], evidence }]);
  }
  return byPerson;
}
