import type { KnowledgeBase } from "./kb.js";
import { nameKey } from "./normalize.js";

/** More entities than this behind one word means the word is too ambiguous to expand. */
const MAX_ENTITIES = 3;
const MAX_VARIANTS = 40;

/**
 * For each word of a search, the one-word names in every language of the KB entities the word
 * names, so that "Kursk" also finds "Koursk" and "Курск". Words naming no entity, or too many,
 * are left alone; multi-word names are skipped because a search term is one word.
 */
export function searchVariants(kb: KnowledgeBase, text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const term of text.split(/\s+/)) {
    const key = nameKey(term);
    if (!key || key.includes(" ") || Object.hasOwn(out, term)) continue;
    const ids = new Set(kb.index.lookup(key).map((entry) => entry.id));
    if (ids.size === 0 || ids.size > MAX_ENTITIES) continue;
    const variants = new Set<string>();
    for (const id of ids) {
      for (const name of kb.namesOf(id)) {
        const nameKeyed = nameKey(name.name);
        if (name.kind !== "acronym" && nameKeyed !== key && !nameKeyed.includes(" ")) variants.add(name.name);
      }
    }
    if (variants.size) out[term] = [...variants].slice(0, MAX_VARIANTS);
  }
  return out;
}
