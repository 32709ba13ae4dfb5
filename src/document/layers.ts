/**
 * The value types of every layer a stage may add. A stage declares which layer it writes by
 * naming a key of `LayerTypes`; later issues add keys here as their stages land.
 */
export interface SentenceValue {
  /** Index of the paragraph the sentence belongs to (the headline is paragraph 0 when present). */
  readonly paragraph: number;
}

export type TokenKind = "word" | "number" | "punct" | "symbol";

export interface TokenValue {
  readonly kind: TokenKind;
}

export interface ParagraphValue {
  /** True for the headline, which the seed and HTML readers put first. */
  readonly headline: boolean;
}

/** A mention of a person, organisation, place or group, linked to the KB when it could be. */
export interface EntityValue {
  readonly type: "person" | "organisation" | "group" | "country" | "place" | "region";
  /** KB id; empty for an unknown name (a candidate with lower confidence). */
  readonly kbId: string;
  /** Canonical name (English), or the text for an unknown name. */
  readonly name: string;
  readonly wikidata: string;
  /** ISO 3166 alpha-3 of the entity's country. */
  readonly country: string;
  /** CAMEO actor code on the article date (RUSGOV, IGOWSTNAT, WST). */
  readonly cameo: string;
  /** For a person: the office the KB says they held on the article date (KB office id and name). */
  readonly officeId: string;
  readonly office: string;
  readonly confidence: number;
  /** For a metonym ("Pechino" as the Chinese government): the KB id of the place named. */
  readonly metonymOf?: string;
  /** True for an adjective naming the entity ("statunitense", "Russian"): a mention, not a name. */
  readonly adjective?: boolean;
}

/** A title the article gives a person ("vicepremier"), to compare with the offices the KB knows. */
export interface RoleValue {
  /** Index of the person's annotation in the `entities` layer. */
  readonly entity: number;
  readonly kbId: string;
  /** Office types the title denotes (head_of_government, deputy_head_of_government…). */
  readonly officeTypes: readonly string[];
  /** Country the title names (from a demonym or the title itself); empty when it names none. */
  readonly country: string;
  /** Whether the KB has the person in an office of these types on the article date. */
  readonly matchesKb: boolean;
}

/** A temporal expression normalised TIMEX3-style (stage `times`, docs/MENTIONS.md). */
export interface TimeValue {
  readonly type: "DATE" | "TIME" | "DURATION" | "SET";
  /** TIMEX3 value: "2024-06", "2024-W31", "2024-08-21T16:30", "P4D", "P1Y", "PRESENT_REF"; a range is "a/b". */
  readonly value: string;
  /** TIMEX3 mod: START, MID, END, MORE_THAN, LESS_THAN, APPROX, EQUAL_OR_MORE, EQUAL_OR_LESS. */
  readonly mod?: string;
  /** The publication date the value was resolved against, or null when the expression is absolute. */
  readonly anchor: string | null;
  /** True when the value could not be resolved as finely as the expression says. */
  readonly uncertain: boolean;
}

/** A span inside the text with what a stage read there. */
export interface SubSpan {
  readonly start: number;
  readonly end: number;
}

/** A number with what it counts (stage `amounts`). */
export interface AmountValue {
  readonly kind: "money" | "percent" | "count" | "measure" | "ordinal";
  readonly value: number;
  /** ISO 4217 code, "%", "pp", a unit of measure, or the counted noun's lemma ("" when none). */
  readonly unit: string;
  /** ">" more than, "<" less than, "~" about, "≥" at least, "≤" up to. */
  readonly modifier?: ">" | "<" | "~" | "≥" | "≤";
  /** The noun or entity the number quantifies, when a simple rule finds it. */
  readonly quantifies?: SubSpan & { readonly name: string; readonly kbId?: string };
  /** True when the number's separators were read against the language's convention. */
  readonly uncertain: boolean;
}

/** Who said something, or who reported it: an entity annotation's span, or a described source. */
export interface Attribution extends SubSpan {
  /** The KB name when linked, else the text as the article gives it. */
  readonly name: string;
  readonly kbId?: string;
  readonly confidence: number;
}

/** Reported speech (stage `quotes`): the annotation spans the quoted or reported words. */
export interface QuoteValue {
  readonly kind: "direct" | "partial" | "indirect";
  readonly speaker: Attribution | null;
  /** The reporting verb or phrase ("ha dichiarato", "said", "según"). */
  readonly cue: (SubSpan & { readonly verb: string }) | null;
  /** The source that relayed the words ("secondo i media di stato russi"). */
  readonly via: Attribution | null;
}

/** Lexicon tone as GDELT reports it; a weak signal (stage `tone`). */
export interface ToneValue {
  readonly scope: "document" | "sentence";
  /** Positive minus negative word share, in percent of words (GDELT's tone). */
  readonly tone: number;
  readonly positive: number;
  readonly negative: number;
  /** Positive plus negative word share: how charged the text is, whatever the sign. */
  readonly polarity: number;
  readonly words: number;
  readonly signal: "weak";
}

/** An actor of an event: an entity annotation's span with its KB link and CAMEO actor code. */
export interface EventActor extends SubSpan {
  readonly kbId: string;
  readonly name: string;
  /** CAMEO actor code: the KB's code, or a country plus the role the text gives it (UKR + MIL). */
  readonly cameo: string;
}

/** A coded political event (stage `events`, docs/EVENTS.md); the annotation spans the trigger. */
export interface EventValue {
  /** Index of the sentence in the `sentences` layer. */
  readonly sentence: number;
  /** CAMEO event code, its root, QuadClass and Goldstein score (data/ontology/). */
  readonly code: string;
  readonly root: string;
  readonly quad: 1 | 2 | 3 | 4;
  readonly goldstein: number;
  /** PLOVER event type from the CAMEO→PLOVER crosswalk. */
  readonly plover: string;
  /** asserted; negated ("did not condemn"); planned ("will visit"); reported (inside reported speech). */
  readonly mode: "asserted" | "negated" | "planned" | "reported";
  readonly source: EventActor | null;
  readonly target: EventActor | null;
  /** TIMEX3 value of the nearest date in the sentence, else the publication date, else null. */
  readonly date: string | null;
  readonly place:
    | (SubSpan & { readonly kbId: string; readonly name: string; readonly country: string })
    | null;
  readonly confidence: number;
}

export interface LayerTypes {
  entities: EntityValue;
  roles: RoleValue;
  paragraphs: ParagraphValue;
  sentences: SentenceValue;
  tokens: TokenValue;
  times: TimeValue;
  amounts: AmountValue;
  quotes: QuoteValue;
  tone: ToneValue;
  events: EventValue;
}

export type LayerName = keyof LayerTypes;
