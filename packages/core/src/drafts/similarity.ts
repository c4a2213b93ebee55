import type { TokenIds } from './fingerprint.ts';

/**
 * How telling each word is, by id: the inverse document frequency ln((n + 1) / (df + 0.5)) over
 * `units` (n units, df of them holding the word). "the", "shall" and "Parties" weigh almost
 * nothing, a word found in one article weighs most. Whole-document content similarity is
 * measured with these weights: counted plainly, two unrelated long articles of the COP21 drafts
 * share up to 54% of their words, weighted at most 36%.
 */
export function wordWeights(
  units: readonly TokenIds[],
  vocabularySize: number,
  /** When set, only the ids flagged here count (units given as all their token ids, not bags). */
  isWord?: readonly boolean[],
): Float64Array {
  const df = new Int32Array(vocabularySize);
  const seen = new Int32Array(vocabularySize).fill(-1);
  units.forEach((bag, u) => {
    for (let w = 0; w < bag.length; w++) {
      const id = bag[w] as number;
      if (isWord && !isWord[id]) continue;
      if (seen[id] !== u) {
        seen[id] = u;
        df[id] = (df[id] as number) + 1;
      }
    }
  });
  const weights = new Float64Array(vocabularySize);
  for (let id = 0; id < vocabularySize; id++)
    weights[id] = Math.log((units.length + 1) / ((df[id] as number) + 0.5));
  return weights;
}

/** Total weight of a bag of words. */
export function bagWeight(bag: TokenIds, weights: Float64Array): number {
  let total = 0;
  for (let w = 0; w < bag.length; w++) total += weights[bag[w] as number] ?? 0;
  return total;
}

/**
 * The share of a unit's words rewritten, in whole percent, from the word similarity (Dice) of a
 * pair linked by content: "rewritten 60%". Undefined for pairs linked by id or identical text.
 */
export function rewrittenPercent(similarity: number | undefined): number | undefined {
  if (similarity === undefined || similarity >= 1) return undefined;
  return Math.max(1, Math.round((1 - similarity) * 100));
}
