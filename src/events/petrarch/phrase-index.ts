interface Node<T> {
  /** Next word right after this one, and next word after a blank connector (other words may come between). */
  readonly next: Map<string, Node<T>>;
  readonly gapped: Map<string, Node<T>>;
  values: T[];
}

const node = <T>(): Node<T> => ({ next: new Map(), gapped: new Map(), values: [] });

/** How many words a blank connector in a dictionary phrase may skip. */
const MAX_GAP = 3;

/** Word sequences (upper case) to values, for longest-match lookup in a token list. */
export class PhraseIndex<T> {
  private readonly root: Node<T> = node();
  size = 0;

  /** Adds a phrase; `gaps[k]` lets other words come before word k (a blank connector in the dictionary). */
  add(words: readonly string[], value: T, gaps: readonly boolean[] = []): void {
    if (words.length === 0) return;
    let at = this.root;
    words.forEach((w, k) => {
      const edges = k > 0 && gaps[k] ? at.gapped : at.next;
      let child = edges.get(w);
      if (!child) {
        child = node();
        edges.set(w, child);
      }
      at = child;
    });
    if (at.values.length === 0) this.size++;
    at.values.push(value);
  }

  /**
   * The longest phrase starting at `words[at]`: the number of words it spans and its values. A blank
   * connector skips at most three words, and only words `skippable` allows (none without it).
   */
  longest(
    words: readonly string[],
    at: number,
    skippable: (i: number) => boolean = () => false,
  ): { length: number; values: readonly T[] } | undefined {
    let best: { length: number; values: readonly T[] } | undefined;
    const walk = (n: Node<T>, i: number) => {
      if (n.values.length && (!best || i - at > best.length)) best = { length: i - at, values: n.values };
      const adjacent = n.next.get(words[i] ?? "");
      if (adjacent) walk(adjacent, i + 1);
      if (n.gapped.size === 0) return;
      for (let j = i; j < Math.min(words.length, i + MAX_GAP + 1); j++) {
        const child = n.gapped.get(words[j] ?? "");
        if (child) walk(child, j + 1);
        if (!skippable(j)) break;
      }
    };
    const first = this.root.next.get(words[at] ?? "");
    if (first) walk(first, at + 1);
    return best;
  }
}
