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
}

export interface Story extends StorySummary {
  readonly documents: readonly StoryMember[];
}

/**
 * Duplicate groups and stories over the stored documents, kept current as documents arrive.
 * Separate from the document Store so that each stays small; both live in the same database.
 */
export interface CorpusStore {
  /** Places every stored document not placed yet (newest version of each URL), in storage order. */
  update(): Placement[];
  stories(): StorySummary[];
  story(id: number): Story | undefined;
  close(): void;
}
