import type { Document } from "../document/document.js";
import type { EntityValue, RoleValue } from "../document/layers.js";
import type { Resources, Stage } from "../document/pipeline.js";
import type { Annotation } from "../document/span.js";
import type { AliasEntry } from "../kb/alias-index.js";
import type { KnowledgeBase } from "../kb/kb.js";
import type { Entity } from "../kb/schema.js";
import { type Lexicon, lexiconOf } from "./entities-lexicon.js";
import {
  hasEvidence,
  type NameContext,
  officeFor,
  officeTypes,
  scorePeople,
  scorePlace,
} from "./entities-resolve.js";
import { type Item, scan, type Unit, units } from "./entities-scan.js";

type EntityAnnotation = Annotation<EntityValue>;
type RoleAnnotation = Annotation<RoleValue>;

interface Left {
  title?: { item: Item & { kind: "title" }; types: readonly string[]; country: string };
  country: string;
  /** The demonym that gave the country, if one did. */
  demonym?: Item;
  honorific: boolean;
  locative: boolean;
  regionCue: boolean;
}

/**
 * Recognises and links entities: KB names in the document's language (and names every language
 * shares), titles before names, government bodies with their country, capitals standing for
 * governments; unknown capitalised names become lower-confidence candidates. Writes `entities` and
 * `roles` (titles the article gives people).
 */
export const entitiesStage: Stage = {
  name: "entities",
  reads: ["sentences"],
  writes: ["entities", "roles"],
  run(doc: Document, resources: Resources): Document {
    const { entities, roles } = linkEntities(doc, resources.kb, lexiconOf(resources.packs.get(doc.lang)));
    return doc.withLayer("entities", entities).withLayer("roles", roles);
  },
};

export function linkEntities(
  doc: Document,
  kb: KnowledgeBase | undefined,
  lex: Lexicon,
): { entities: EntityAnnotation[]; roles: RoleAnnotation[] } {
  const us = units(doc.text, doc.layer("sentences"));
  const items = scan(us, kb, lex, doc.lang);
  return new Linker(doc, kb, lex, us, items).run();
}

class Linker {
  private readonly entities: EntityAnnotation[] = [];
  private readonly roles: RoleAnnotation[] = [];
  private readonly docCountries = new Map<string, number>();
  /** One sense per discourse: a surface key resolved once keeps its referent. */
  private readonly resolved = new Map<string, { id: string; strong: boolean }>();
  /** Family names of people met by full name, for later short mentions ("Li Qiang … Li"). */
  private readonly byFamilyName = new Map<string, string>();
  private readonly date: string | undefined;
  /** Demonyms that served a title or a body; the others are mentions of their country. */
  private readonly consumed = new Set<Item>();

  constructor(
    private readonly doc: Document,
    private readonly kb: KnowledgeBase | undefined,
    private readonly lex: Lexicon,
    private readonly us: readonly Unit[],
    private readonly items: readonly Item[],
  ) {
    this.date = doc.date?.value.slice(0, 10);
  }

  run(): { entities: EntityAnnotation[]; roles: RoleAnnotation[] } {
    this.collectCountries();
    this.resolveStrongPlaces();
    this.items.forEach((item, k) => {
      if (item.kind === "kb") this.kbItem(item, k);
      else if (item.kind === "cap") this.capItem(item, k);
      else if (item.kind === "body") this.bodyItem(item, k);
    });
    for (const item of this.items)
      if (item.kind === "demonym" && !this.consumed.has(item)) this.demonymItem(item);
    // Bodies are found after the demonyms before them: order by position, then point roles at the new indices.
    const order = this.entities
      .map((_, n) => n)
      .sort((a, b) => {
        const x = this.entities[a] as EntityAnnotation;
        const y = this.entities[b] as EntityAnnotation;
        return x.start - y.start || y.end - x.end;
      });
    const moved = new Map(order.map((old, now) => [old, now]));
    return {
      entities: order.map((n) => this.entities[n] as EntityAnnotation),
      roles: this.roles.map((r) => ({ ...r, entity: moved.get(r.entity) ?? r.entity })),
    };
  }

  private collectCountries(): void {
    const add = (code: string) => this.docCountries.set(code, (this.docCountries.get(code) ?? 0) + 1);
    for (const item of this.items) {
      if (item.kind === "demonym") add(item.code);
      else if (item.kind === "title" && item.title.country) add(item.title.country);
      else if (item.kind === "kb" && this.kb) {
        const country = item.entries.map((e) => this.kb?.entity(e.id)).find((e) => e?.type === "country");
        if (country) add(country.country);
      }
    }
  }

  /** Names read with a region word next to them ("regione di Kursk") fix the reading of the bare name. */
  private resolveStrongPlaces(): void {
    this.items.forEach((item, k) => {
      if (item.kind !== "kb" || !this.kb) return;
      const left = this.leftContext(k);
      if (!left.regionCue && !this.regionAfter(item)) return;
      const choice = this.bestPlace(item.entries, true);
      if (choice) this.resolved.set(this.keyOf(item), { id: choice.id, strong: true });
    });
  }

  private keyOf(item: Item): string {
    return this.us
      .slice(item.i, item.i + item.n)
      .map((u) => u.key)
      .join(" ");
  }

  private span(item: Item): { start: number; end: number } {
    return { start: (this.us[item.i] as Unit).start, end: (this.us[item.i + item.n - 1] as Unit).end };
  }

  private regionAfter(item: Item): boolean {
    const next = this.us[item.i + item.n];
    return (
      !!next &&
      next.sentence === (this.us[item.i] as Unit).sentence &&
      this.lex.words.regionWords.has(next.key)
    );
  }

  /** Titles, demonyms, countries, honorifics and prepositions just before item k, in the same sentence. */
  private leftContext(k: number): Left {
    const left: Left = { country: "", honorific: false, locative: false, regionCue: false };
    const sentence = (this.us[(this.items[k] as Item).i] as Unit).sentence;
    const w = this.lex.words;
    let steps = 0;
    for (let j = k - 1; j >= 0 && steps < 6; j--, steps++) {
      const item = this.items[j] as Item;
      const first = this.us[item.i] as Unit;
      if (first.sentence !== sentence) break;
      const after = this.us[item.i + item.n] as Unit;
      // Only an appositive comma may separate a title from the name; other punctuation ends the context.
      if (/[^\s\-'’.,]/.test(after.gap) || (after.gap.includes(",") && steps > 0 && !left.title)) break;
      if (item.kind === "title") {
        if (left.title) break;
        left.title = { item, types: item.title.types, country: item.title.country };
        if (item.title.country && !left.country) left.country = item.title.country;
      } else if (item.kind === "demonym") {
        if (!left.country) {
          left.country = item.code;
          left.demonym = item;
        }
      } else if (item.kind === "kb" && this.kb) {
        const country = item.entries.map((e) => this.kb?.entity(e.id)).find((e) => e?.type === "country");
        if (!country || left.country) break;
        left.country = country.country;
      } else if (item.kind === "word") {
        const key = first.key;
        if (steps === 0 && w.locative.has(key)) left.locative = true;
        if (w.regionWords.has(key)) left.regionCue = true;
        if (w.honorifics.has(key)) left.honorific = true;
        else if (
          !w.articles.has(key) &&
          !w.of.has(key) &&
          !w.possessive.has(key) &&
          !w.regionWords.has(key) &&
          !(this.lex.genitive && key === this.lex.genitive)
        )
          break;
      } else break;
    }
    return left;
  }

  private context(left: Left): NameContext {
    return {
      titleTypes: left.title?.types ?? [],
      country: left.country,
      docCountries: this.docCountries,
      date: this.date,
    };
  }

  private kbItem(item: Item & { kind: "kb" }, k: number): void {
    const kb = this.kb as KnowledgeBase;
    const key = this.keyOf(item);
    const left = this.leftContext(k);
    const people = item.entries.filter((e) => kb.entity(e.id)?.type === "person");
    const others = item.entries.filter((e) => kb.entity(e.id)?.type !== "person");
    const personContext = !!left.title || left.honorific || this.byFamilyName.has(key);
    // "Mr Hollis" is a person even where the KB only knows a town of that name (a title is not enough:
    // "segretario generale dell'Onu", "presidente de Venezuela").
    if (left.honorific && people.length === 0) {
      this.capItem(item, k);
      return;
    }
    const fullName = people.some((e) => e.kind !== "surname");
    if (people.length && (personContext || fullName || others.length === 0 || this.resolved.has(key))) {
      if (this.linkPerson(item, k, key, people, left)) return;
      if (others.length === 0) return;
    }
    this.linkOther(item, key, others.length ? others : item.entries, left);
  }

  private linkPerson(
    item: Item & { kind: "kb" },
    k: number,
    key: string,
    people: readonly AliasEntry[],
    left: Left,
  ): boolean {
    const kb = this.kb as KnowledgeBase;
    const ctx = this.context(left);
    const family = this.byFamilyName.get(key);
    const earlier = this.resolved.get(key);
    let id: string | undefined;
    let confidence: number;
    if (family && people.some((e) => e.id === family)) {
      id = family;
      confidence = 0.9;
    } else if (earlier && !left.title && people.some((e) => e.id === earlier.id)) {
      id = earlier.id;
      confidence = 0.85;
    } else {
      const scored = scorePeople(kb, people, ctx);
      const top = scored[0];
      if (!top) return false;
      const margin = top.score - (scored[1]?.score ?? 0);
      const surnameOnly = people.every((e) => e.kind === "surname" || e.id !== top.id);
      if (surnameOnly && !hasEvidence(kb, top.id, ctx)) {
        // A family name alone and unexplained is a candidate, unless every noun is capitalised ("Mann").
        if (!(this.lex.capitalisedNouns && item.n === 1))
          this.push(item, this.unknown(item, "person", left, 0.45), left);
        return true;
      }
      id = top.id;
      confidence = Math.min(0.97, (surnameOnly ? 0.55 : 0.75) + 0.15 * Math.min(margin, 2));
    }
    this.resolved.set(key, { id, strong: false });
    if (people.some((e) => e.id === id && e.kind !== "surname")) {
      for (const n of kb.namesOf(id))
        if (n.kind === "surname") this.byFamilyName.set(n.name.toLowerCase(), id);
      const last = this.us[item.i + item.n - 1] as Unit;
      this.byFamilyName.set(last.key, id);
      const firstUnit = this.us[item.i] as Unit;
      if (item.n > 1) this.byFamilyName.set(firstUnit.key, id);
    }
    const person = kb.entity(id) as Entity;
    const office = officeFor(kb, id, ctx);
    this.push(
      item,
      {
        type: "person",
        kbId: id,
        name: person.name,
        wikidata: person.wikidata,
        country: person.country || office?.office.country || "",
        cameo: this.date ? kb.cameoOn(id, this.date) : person.cameo,
        officeId: office?.office.id ?? "",
        office: office?.office.name ?? "",
        confidence: round(confidence),
      },
      left,
      k,
    );
    return true;
  }

  private linkOther(
    item: Item & { kind: "kb" },
    key: string,
    entries: readonly AliasEntry[],
    left: Left,
  ): void {
    const kb = this.kb as KnowledgeBase;
    const strong = this.resolved.get(key);
    const regionCue = left.regionCue || this.regionAfter(item);
    const choice =
      strong?.strong && !regionCue && entries.some((e) => e.id === strong.id)
        ? { id: strong.id, score: 1, unique: true }
        : this.bestPlace(entries, regionCue);
    if (!choice) return;
    const e = kb.entity(choice.id) as Entity;
    // A one-word name of a town or province is often a common word or a surname ("Zug", "Hof", "Lincoln"):
    // it needs a large population, its country named in the article, or a preposition or region word.
    const small =
      item.n === 1 &&
      ((e.type === "place" && e.kind === "city" && e.population < 200_000) ||
        (e.type === "region" && e.kind === "admin1"));
    if (small && !regionCue && !left.locative && !this.docCountries.has(e.country)) {
      this.capItem(item, this.items.indexOf(item));
      return;
    }
    let confidence = choice.unique ? 0.92 : 0.75;
    // A capital doing or saying something is its government ("Pechino ha condannato…").
    if (e.kind === "capital" && !left.locative && !regionCue && !this.ofBefore(item)) {
      const gov = kb.byKind("government", e.country);
      if (gov) {
        this.push(item, { ...this.value(gov, 0.65), metonymOf: e.id }, left);
        return;
      }
    }
    if (e.type === "person") confidence = 0.5;
    this.push(item, this.value(e, confidence), left);
  }

  private ofBefore(item: Item): boolean {
    const prev = this.us[item.i - 1];
    return !!prev && prev.sentence === (this.us[item.i] as Unit).sentence && this.lex.words.of.has(prev.key);
  }

  private bestPlace(entries: readonly AliasEntry[], regionCue: boolean) {
    const kb = this.kb as KnowledgeBase;
    const scored = entries
      .map((e) => ({ id: e.id, score: scorePlace(kb, e, this.doc.lang, regionCue, this.docCountries) }))
      .filter((s) => s.score >= 0)
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    const top = scored[0];
    if (!top) return undefined;
    const distinct = new Set(scored.map((s) => s.id));
    return {
      id: top.id,
      score: top.score,
      unique: distinct.size === 1 || top.score - (scored.find((s) => s.id !== top.id)?.score ?? 0) > 2,
    };
  }

  private value(e: Entity, confidence: number): EntityValue {
    const kb = this.kb as KnowledgeBase;
    return {
      type: e.type === "office" ? "organisation" : e.type,
      kbId: e.id,
      name: e.name,
      wikidata: e.wikidata,
      country: e.country,
      cameo: this.date ? kb.cameoOn(e.id, this.date) : e.cameo,
      officeId: "",
      office: "",
      confidence: round(confidence),
    };
  }

  /** Capitalised words no KB name covers: a person after a title, a place after "in", else by their words. */
  private capItem(item: Item, k: number): void {
    const key = this.keyOf(item);
    const left = this.leftContext(k);
    const family = this.byFamilyName.get(key);
    if (family && this.kb) {
      const person = this.kb.entity(family);
      if (person) {
        const ctx = this.context(left);
        const office = officeFor(this.kb, family, ctx);
        this.push(
          item,
          {
            type: "person",
            kbId: family,
            name: person.name,
            wikidata: person.wikidata,
            country: person.country,
            cameo: this.date ? this.kb.cameoOn(family, this.date) : person.cameo,
            officeId: office?.office.id ?? "",
            office: office?.office.name ?? "",
            confidence: 0.85,
          },
          left,
          k,
        );
        return;
      }
    }
    if (left.title && this.kb && this.date) {
      const holder = this.holderNamed(item, left);
      if (holder) {
        const ctx = this.context(left);
        const office = officeFor(this.kb, holder.id, ctx);
        this.push(
          item,
          {
            type: "person",
            kbId: holder.id,
            name: holder.name,
            wikidata: holder.wikidata,
            country: holder.country,
            cameo: this.kb.cameoOn(holder.id, this.date),
            officeId: office?.office.id ?? "",
            office: office?.office.name ?? "",
            confidence: 0.8,
          },
          left,
          k,
        );
        return;
      }
    }
    const w = this.lex.words;
    // "Stadt Sudscha", "the town of Sudzha": the place word makes a place, and is not part of the name.
    if (item.n > 1 && w.placeWords.has((this.us[item.i] as Unit).key)) {
      this.capItem({ kind: "cap", i: item.i + 1, n: item.n - 1 }, k);
      return;
    }
    const words = this.us.slice(item.i, item.i + item.n);
    const before = this.us
      .slice(Math.max(0, item.i - 2), item.i)
      .filter((u) => u.sentence === words[0]?.sentence);
    const placeWord = before.some((u) => w.placeWords.has(u.key));
    const acronym = item.n === 1 && /^\p{Lu}{2,}$/u.test((words[0] as Unit).text);
    const type: EntityValue["type"] =
      words.some((u) => w.orgWords.has(u.key)) || acronym
        ? "organisation"
        : left.title || left.honorific
          ? "person"
          : left.locative || placeWord
            ? "place"
            : "person";
    // Names of events and documents ("Kazan Declaration", "Seconda Guerra Mondiale") are not people,
    // places or organisations; nor is a word that only continues a known name ("BRICS Summit").
    if (words.some((u) => w.miscWords.has(u.key))) return;
    const before1 = this.items[k - 1];
    if (item.n === 1 && before1?.kind === "kb" && (this.us[item.i] as Unit).gap === " ") return;
    // The family name of an unknown person met earlier by full name ("Hedy Lamarr … Lamarr").
    if (item.n === 1 && this.byFamilyName.get(key) === "") {
      this.push(item, this.unknown(item, "person", left, 0.6), left, k);
      return;
    }
    // A lone common noun of names ("Council", "Minister"), or an adjective of people ("Macedonian"), is no name.
    if (
      item.n === 1 &&
      (w.orgWords.has(key) ||
        w.placeWords.has(key) ||
        this.lex.titles.match([key], 0, 1) ||
        this.lex.adjectiveEndings.some((ending) => key.endsWith(ending)))
    )
      return;
    // Where every noun is capitalised (German), capitalised words say little by themselves: only a
    // known given name, an organisation word or the context makes them a name.
    const given = !!this.kb?.givenNames.has((words[0] as Unit).key);
    const context = left.title || left.honorific || left.locative || placeWord;
    if (this.lex.capitalisedNouns && !context && !given && !(item.n > 1 && type === "organisation")) return;
    // One unknown capitalised word with nothing around it is more often a term than a person.
    if (item.n === 1 && !context && !given && type === "person") return;
    const confidence =
      left.title || left.honorific ? 0.6 : given && type === "person" ? 0.55 : item.n > 1 ? 0.45 : 0.35;
    const value = this.unknown(item, type, left, confidence);
    if (type === "person" && item.n > 1) {
      const last = (words[words.length - 1] as Unit).key;
      if (!this.byFamilyName.has(last)) this.byFamilyName.set(last, "");
    }
    this.push(item, value, left, type === "person" ? k : undefined);
  }

  /** The holder, on the article date, of the office the title names whose family name is the text. */
  private holderNamed(item: Item, left: Left): Entity | undefined {
    const kb = this.kb as KnowledgeBase;
    const country = left.country;
    if (!country || !left.title || !this.date) return undefined;
    const words = new Set(this.us.slice(item.i, item.i + item.n).map((u) => u.key));
    for (const type of left.title.types) {
      for (const id of kb.holdersOn(type, country, this.date)) {
        const names = kb.namesOf(id).map((n) => n.name.toLowerCase());
        if (names.some((n) => words.has(n.split(" ").pop() ?? ""))) return kb.entity(id);
      }
    }
    return undefined;
  }

  private unknown(item: Item, type: EntityValue["type"], left: Left, confidence: number): EntityValue {
    const role =
      this.kb && left.title ? this.kb.entity(`r:${left.country}.${left.title.types[0]}`) : undefined;
    return {
      type,
      kbId: "",
      name: this.doc.text.slice(this.span(item).start, this.span(item).end),
      wikidata: "",
      country: type === "person" ? left.country : "",
      cameo: role?.cameo ?? "",
      officeId: "",
      office: "",
      confidence,
    };
  }

  /** An adjective of a country or group ("statunitense", "Western") that no title or body took. */
  private demonymItem(item: Item & { kind: "demonym" }): void {
    const kb = this.kb;
    const e = kb?.byKind("country", item.code) ?? kb?.byKind("cameo", item.code);
    if (e) this.entities.push({ ...this.span(item), ...this.value(e, 0.7), adjective: true });
  }

  /** A body ("Ministero degli Esteri") with its country from a demonym or "of <country>" next to it. */
  private bodyItem(item: Item & { kind: "body" }, k: number): void {
    const kb = this.kb;
    if (!kb) return;
    const found: { code: string; item: Item }[] = [];
    const next = this.items[k + 1];
    const sameSentence = (other: Item) =>
      (this.us[other.i] as Unit).sentence === (this.us[item.i] as Unit).sentence;
    if (next?.kind === "demonym" && sameSentence(next)) found.push({ code: next.code, item: next });
    else if (next?.kind === "word" && this.lex.words.of.has((this.us[next.i] as Unit).key)) {
      const after = this.items.slice(k + 2, k + 4).find((x) => x.kind !== "word");
      const country =
        after?.kind === "kb"
          ? after.entries.map((e) => kb.entity(e.id)).find((e) => e?.type === "country")
          : undefined;
      if (after && country && sameSentence(after)) found.push({ code: country.country, item: after });
    }
    if (!found.length) {
      // Demonyms before the body, coordinated ("Chinese and Russian state media", "ministère chinois des Affaires étrangères").
      const w = this.lex.words;
      for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
        const prev = this.items[j] as Item;
        if (!sameSentence(prev)) break;
        const key = (this.us[prev.i] as Unit).key;
        if (prev.kind === "demonym") found.push({ code: prev.code, item: prev });
        else if (!(prev.kind === "word" && (w.and.has(key) || w.of.has(key) || w.articles.has(key)))) break;
      }
    }
    const spanOf = (a: Item, b: Item) => ({
      start: Math.min(this.span(a).start, this.span(b).start),
      end: Math.max(this.span(a).end, this.span(b).end),
    });
    for (const f of found) this.consumed.add(f.item);
    found.forEach((f, n) => {
      const body = kb.byKind(item.body, f.code);
      if (!body) return;
      const span = n === 0 ? spanOf(item, f.item) : this.span(f.item);
      this.entities.push({ ...span, ...this.value(body, 0.85) });
    });
  }

  private push(item: Item, value: EntityValue, left: Left, k?: number): void {
    const span = this.span(item);
    this.entities.push({ ...span, ...value });
    if (k === undefined || value.type !== "person" || !left.title) return;
    // "After the Indian Prime Minister, Putin…": a title naming another country than the
    // person's is not theirs (an appositive comma also separates list items).
    if (left.country && value.country && left.country !== value.country) return;
    if (left.demonym) this.consumed.add(left.demonym);
    const title = left.title;
    const types = title.types;
    const held = this.kb && this.date && value.kbId ? this.kb.officesOn(value.kbId, this.date) : [];
    this.roles.push({
      ...this.span(title.item),
      entity: this.entities.length - 1,
      kbId: value.kbId,
      officeTypes: types,
      country: left.country,
      matchesKb: held.some(
        (o) =>
          officeTypes(o.office).some((t) => types.includes(t)) &&
          (!left.country || o.office.country === left.country),
      ),
    });
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
