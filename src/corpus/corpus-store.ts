import type { DyadPoint, DyadQuery } from "./dyads.js";
import type { FactKind } from "./facts.js";

/** A document's place in the corpus: its duplicate group and its story. */
export interface Placement {
  readonly docId: string;
  readonly groupId: string;
  readonly duplicate: "first" | "exact" | "near";
  readonly storyId: number;
  /** True when the document started the story. */
  readonly newStory: boolean;
  readonly score: number;
}

export interface StoryMember {
  readonly id: string;
  readonly lang: string;
  readonly source: string | undefined;
  readonly date: string | undefined;
  readonly title: string | undefined;
  readonly duplicateOf: string | undefined;
}

export interface StorySummary {
  readonly id: number;
  readonly label: string;
  readonly size: number;
  readonly languages: readonly string[];
  readonly outlets: readonly string[];
  readonly first: string | undefined;
  readonly last: string | undefined;
  /** The entities that characterise the story, most characteristic first (KB id and name). */
  readonly entities: readonly { readonly kbId: string; readonly name: string }[];
  /** Who did what to whom, most characteristic first (the label adds the first when two members report it). */
  readonly events: readonly StoryEvent[];
}

/** An event the members of a story report, language-independent. */
export interface StoryEvent {
  /** Source and target (KB id, else CAMEO code) and CAMEO root: "Q159>Q212:19". */
  readonly key: string;
  /** "Russia ASSAULT Ukraine". */
  readonly name: string;
  /** Members reporting it. */
  readonly documents: number;
}

export interface Story extends StorySummary {
  readonly documents: readonly StoryMember[];
}

/** A coded event of a placed document, as stored (layer `events`, annotation `index`). */
export interface StoredEvent {
  readonly docId: string;
  readonly index: number;
  /** The outlet; "" when the document names none. */
  readonly outlet: string;
  /** The event's own day, else the published day; undefined when neither is a single day. */
  readonly day: string | undefined;
  /** The event's date as coded (TIMEX3), when it has one. */
  readonly date: string | undefined;
  readonly source: StoredActor | undefined;
  readonly target: StoredActor | undefined;
  readonly code: string;
  readonly root: string;
  readonly quad: 1 | 2 | 3 | 4;
  readonly goldstein: number;
  readonly plover: string;
  readonly mode: "asserted" | "negated" | "planned" | "reported";
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
  /** KB id of the place it happened at, when the coder found one. */
  readonly place: string | undefined;
}

export interface StoredActor {
  /** CAMEO actor code ("RUSGOV"), its country part ("RUS"; "" when it has none) and KB id ("" when unlinked). */
  readonly cameo: string;
  readonly country: string;
  readonly kbId: string;
}

export interface EventFilter {
  readonly docId?: string | undefined;
  /** An actor key (CAMEO country part or KB id) that must be the source or the target. */
  readonly actor?: string | undefined;
  /** CAMEO root code ("19"). */
  readonly root?: string | undefined;
  /** PLOVER event type ("ASSAULT"). */
  readonly plover?: string | undefined;
  /** KB id of the place the event happened at. */
  readonly place?: string | undefined;
  /** Inclusive day bounds of any precision; events without a day are left out once a bound is given. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** At most this many events (1000 by default), by day then document. */
  readonly limit?: number | undefined;
}

/** An annotation stating a fact. */
export interface FactSupport {
  readonly docId: string;
  readonly outlet: string;
  readonly layer: string;
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

/**
 * How well a fact is corroborated, counted over the placed documents at the time of asking
 * (GDELT's NumMentions, NumArticles and NumSources, but never frozen).
 */
export interface Corroboration {
  readonly fact: string;
  readonly kind: FactKind;
  readonly label: string;
  /** Annotations stating it. */
  readonly mentions: number;
  /** Distinct documents stating it. */
  readonly documents: number;
  /** Distinct outlets stating it (documents naming no outlet count together as one). */
  readonly outlets: number;
  readonly supports: readonly FactSupport[];
}

/** What removing a document took away. */
export interface Removal {
  readonly docId: string;
  /** The story it left, and whether that story disappeared with it. */
  readonly storyId: number | undefined;
  readonly storyRemoved: boolean;
  readonly events: number;
  readonly supports: number;
}

/**
 * Duplicate groups and stories over the stored documents, kept current as documents arrive.
 * Separate from the document Store so that each stays small; both live in the same database.
 */
export interface CorpusStore {
  /**
   * Places every stored document not placed yet (newest version of each URL), in storage order, and
   * records its events and facts (withdrawing those of the version it replaces).
   */
  update(): Placement[];
  /** Every story, biggest first. */
  stories(): StorySummary[];
  story(id: number): Story | undefined;
  /** The story a placed document belongs to; undefined when the document is unknown or not placed yet. */
  storyOf(docId: string): number | undefined;
  /**
   * The series of events between two actors, one point per bucket from `from` to `to` (or from the
   * first to the last dated event), empty buckets included; bounds widen to whole buckets. Reads
   * only precomputed aggregates. Throws a RangeError naming the problem for an empty actor, an
   * unknown bucket, a malformed date or a range that ends before it starts.
   */
  dyad(query: DyadQuery): DyadPoint[];
  /**
   * Stored events (every mode) of the newest version of placed documents, matching every given
   * condition, by day then document. Throws a RangeError for a malformed date or limit.
   */
  events(filter?: EventFilter): StoredEvent[];
  /** A fact's current counts and supporting annotations; undefined when no placed document states it. */
  corroboration(fact: string): Corroboration | undefined;
  /** The facts a placed document states, each with its counts over the whole corpus. */
  factsOf(docId: string): Corroboration[];
  /**
   * Removes a document everywhere: its row, layers and full-text entry, its place in its duplicate
   * group and story (an emptied story disappears), its events, dyad counts and fact supports.
   * Undefined when no document has this id.
   */
  remove(docId: string): Removal | undefined;
  close(): void;
}
