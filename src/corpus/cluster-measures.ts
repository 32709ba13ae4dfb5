/** Agreement between predicted and gold clusterings of the same items (item → cluster label). */
export interface ClusterScores {
  readonly pairwise: { readonly precision: number; readonly recall: number; readonly f1: number };
  readonly bcubed: { readonly precision: number; readonly recall: number; readonly f1: number };
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/**
 * Pairwise precision/recall over pairs of items put together, and B-cubed (per-item overlap of
 * its predicted and gold clusters, averaged). Items whose gold label `singleton` accepts (noise)
 * are each their own gold cluster.
 */
export function clusterScores(
  gold: ReadonlyMap<string, string>,
  predicted: ReadonlyMap<string, string>,
  singleton: (label: string) => boolean = () => false,
): ClusterScores {
  const items = [...gold.keys()].filter((i) => predicted.has(i));
  const goldOf = (i: string) => {
    const g = gold.get(i) as string;
    return singleton(g) ? `\u0000${i}` : g;
  };
  const predOf = (i: string) => predicted.get(i) as string;
  let both = 0;
  let inPred = 0;
  let inGold = 0;
  for (let a = 0; a < items.length; a++) {
    for (let b = a + 1; b < items.length; b++) {
      const x = items[a] as string;
      const y = items[b] as string;
      const p = predOf(x) === predOf(y);
      const g = goldOf(x) === goldOf(y);
      if (p) inPred++;
      if (g) inGold++;
      if (p && g) both++;
    }
  }
  let bp = 0;
  let br = 0;
  for (const i of items) {
    const sameP = items.filter((j) => predOf(j) === predOf(i));
    const sameG = items.filter((j) => goldOf(j) === goldOf(i));
    const common = sameP.filter((j) => goldOf(j) === goldOf(i)).length;
    bp += common / sameP.length;
    br += common / sameG.length;
  }
  const n = items.length || 1;
  const pp = inPred ? both / inPred : 1;
  const pr = inGold ? both / inGold : 1;
  return {
    pairwise: { precision: pp, recall: pr, f1: f1(pp, pr) },
    bcubed: { precision: bp / n, recall: br / n, f1: f1(bp / n, br / n) },
  };
}
