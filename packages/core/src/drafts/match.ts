import { sharedRareWords, type CandidateOptions } from './candidates.ts';
import { diceUpperBound, sameIds, type TokenIds } from './fingerprint.ts';
import { bagWeight } from './similarity.ts';

/** What the matcher knows about one article or paragraph. */
export interface MatchCandidate {
  /** Set only for ids written in the text (`@id:`): derived ids are positions, not identities. */
  explicitId?: string;
  /** Units with the same key are the same unit (a heading, or a hash of the exact tokens). */
  exactKey?: string | number;
  /** When set on both sides, an equal `exactKey` is confirmed by comparing these. */
  exactIds?: TokenIds;
  num?: string;
  /** Sorted word ids, asked for only if similarity is needed. */
  bag(): TokenIds;
  bagSize: number;
  /** Units of the same group are never paired by similarity (used for moves between articles). */
  group?: number;
}

export type MatchReason = 'id' | 'exact' | 'similar';

export interface Match {
  b: number;
  by: MatchReason;
  /** Share of words in common (Dice over the word multisets): 1 for ids and identical text. */
  similarity: number;
  /** Set when paired by weighted content similarity (see `MatchOptions.weights`): that similarity. */
  content?: number;
}

// A matching number is weak evidence: it tips the balance between similar candidates only.
const SAME_NUMBER_BONUS = 0.1;

export interface MatchOptions {
  /**
   * Rank similar pairs by their words alone, a matching number only breaking ties (it still helps
   * a pair reach the threshold). For the paragraphs of one article: numbers are positions there,
   * and a reordered list is renumbered, so the number would pair each item with its stand-in.
   */
  contentFirst?: boolean;
  /**
   * Word weights by id (see `wordWeights`): when set, similarity is weighted Dice, so rare words
   * count and "the" hardly does, and a matching number gives no bonus. A function is called only
   * if some units are left to pair by similarity.
   */
  weights?: Float64Array | (() => Float64Array);
  /** Above this many pairs, only candidates sharing rare words are scored (see `sharedRareWords`). */
  exhaustiveLimit?: number;
  candidates?: CandidateOptions;
}

// 65,536 pairs scored in full stay within a few milliseconds (the COP21 drafts need 13,317).
const EXHAUSTIVE_LIMIT = 1 << 16;

/**
 * Pairs units of two versions: first by explicit id, then by exact key, then greedily by the
 * most similar words (Dice coefficient at least `threshold`, weighted when `options.weights` is
 * set). Returns, per unit of `a`, its match.
 */
export function matchUnits(
  a: MatchCandidate[],
  b: MatchCandidate[],
  threshold: number,
  options: MatchOptions = {},
): (Match | undefined)[] {
  const result: (Match | undefined)[] = new Array(a.length).fill(undefined);
  const takenB = new Uint8Array(b.length);

  const byId = new Map<string, number>();
  b.forEach((unit, j) => unit.explicitId && byId.set(unit.explicitId, j));
  a.forEach((unit, i) => {
    const j = unit.explicitId ? byId.get(unit.explicitId) : undefined;
    if (j !== undefined && !takenB[j]) {
      result[i] = { b: j, by: 'id', similarity: 1 };
      takenB[j] = 1;
    }
  });

  const byKey = new Map<string | number, number[]>();
  b.forEach((unit, j) => {
    if (takenB[j] || unit.exactKey === undefined) return;
    const queue = byKey.get(unit.exactKey);
    if (queue) queue.push(j);
    else byKey.set(unit.exactKey, [j]);
  });
  for (let i = 0; i < a.length; i++) {
    const unit = a[i] as MatchCandidate;
    const queue = result[i] || unit.exactKey === undefined ? undefined : byKey.get(unit.exactKey);
    if (!queue) continue;
    for (let at = 0; at < queue.length; at++) {
      const j = queue[at] as number;
      if (takenB[j] || !sameExact(unit, b[j] as MatchCandidate)) continue;
      queue.splice(at, 1);
      result[i] = { b: j, by: 'exact', similarity: 1 };
      takenB[j] = 1;
      break;
    }
  }

  const restA: number[] = [];
  const restB: number[] = [];
  for (let i = 0; i < a.length; i++) if (!result[i]) restA.push(i);
  for (let j = 0; j < b.length; j++) if (!takenB[j]) restB.push(j);
  if (restA.length === 0 || restB.length === 0) return result;
  for (const { i, j, similarity, content } of similarPairs(a, b, restA, restB, threshold, options)) {
    if (result[i] || takenB[j]) continue;
    result[i] =
      content === undefined
        ? { b: j, by: 'similar', similarity }
        : { b: j, by: 'similar', similarity, content };
    takenB[j] = 1;
  }
  return result;
}

interface Scored {
  i: number;
  j: number;
  score: number;
  similarity: number;
  content?: number;
}

/**
 * The pairs of `restA` × `restB` that reach the threshold, best first (among equals, the pair
 * closest in position). All pairs are scored while there are at most `exhaustiveLimit` of them;
 * beyond, only the candidates that share rare words (see `sharedRareWords`).
 */
function similarPairs(
  a: MatchCandidate[],
  b: MatchCandidate[],
  restA: number[],
  restB: number[],
  threshold: number,
  options: MatchOptions,
): Scored[] {
  const weights = typeof options.weights === 'function' ? options.weights() : options.weights;
  // B's words flattened into one typed array (unit k at [startB[k], startB[k + 1])): the
  // scoring loop below then reads one kind of array, whatever arrays the candidates hold.
  const unitsB = restB.map((j) => b[j] as MatchCandidate);
  const bagsB = unitsB.map((unit) => unit.bag());
  const startB = new Int32Array(unitsB.length + 1);
  for (let k = 0; k < bagsB.length; k++)
    startB[k + 1] = (startB[k] as number) + (bagsB[k] as TokenIds).length;
  const wordsB = new Int32Array(startB[unitsB.length] as number);
  let largestId = 0;
  let largestBag = 0;
  for (let k = 0; k < bagsB.length; k++) {
    const bag = bagsB[k] as TokenIds;
    const start = startB[k] as number;
    largestBag = Math.max(largestBag, bag.length);
    for (let w = 0; w < bag.length; w++) {
      const id = bag[w] as number;
      wordsB[start + w] = id;
      if (id > largestId) largestId = id;
    }
  }
  // Weighted sizes, for the weighted bound and Dice.
  const weightB = weights ? Float64Array.from(bagsB, (bag) => bagWeight(bag, weights)) : undefined;
  // A's bags are kept for the scoring below when the candidates need them all anyway (a
  // fingerprint builds its bag anew at each ask).
  const bagsA =
    restA.length * restB.length > (options.exhaustiveLimit ?? EXHAUSTIVE_LIMIT)
      ? restA.map((i) => (a[i] as MatchCandidate).bag())
      : undefined;
  const lists = bagsA ? sharedRareWords(bagsA, bagsB, options.candidates) : undefined;
  // Word counts of the current A unit, indexed by word id: a multiset intersection is then one
  // pass over the B unit, with no sorting and an early exit once the threshold is out of reach.
  const counts = new Int32Array(largestId + 1);
  const taken = new Int32Array(largestBag);
  const overlap = new Float64Array(1);
  const scored: Scored[] = [];
  for (let r = 0; r < restA.length; r++) {
    const i = restA[r] as number;
    const unitA = a[i] as MatchCandidate;
    let bagA: TokenIds | undefined;
    let weightA = 0;
    const first = lists ? (lists.start[r] as number) : 0;
    const last = lists ? (lists.start[r + 1] as number) : unitsB.length;
    for (let at = first; at < last; at++) {
      const k = lists ? (lists.b[at] as number) : at;
      const unitB = unitsB[k] as MatchCandidate;
      if (unitA.group !== undefined && unitA.group === unitB.group) continue;
      const startK = startB[k] as number;
      const endK = startB[k + 1] as number;
      if (weights) {
        // Weighted: words stand on their own, numbers (what renumbering changes) play no part.
        if (!bagA) {
          bagA = bagsA ? (bagsA[r] as TokenIds) : unitA.bag();
          weightA = bagWeight(bagA, weights);
          countWords(counts, bagA, largestId, 1);
        }
        const weightK = weightB?.[k] as number;
        if (diceUpperBound(weightA, weightK) < threshold) continue;
        const total = weightA + weightK;
        const shared = sharedWeighted(
          counts,
          wordsB,
          startK,
          endK,
          weights,
          taken,
          overlap,
          weightK,
          total * threshold,
        );
        if (shared < 0) continue;
        const content = total === 0 ? 1 : (2 * (overlap[0] as number)) / total;
        if (content < threshold) continue;
        const words = unitA.bagSize + endK - startK;
        const similarity = words === 0 ? 1 : (2 * shared) / words;
        scored.push({ i, j: restB[k] as number, score: content, similarity, content });
        continue;
      }
      const bonus = unitA.num !== undefined && unitA.num === unitB.num ? SAME_NUMBER_BONUS : 0;
      if (diceUpperBound(unitA.bagSize, endK - startK) + bonus < threshold) continue;
      if (!bagA) {
        bagA = bagsA ? (bagsA[r] as TokenIds) : unitA.bag();
        countWords(counts, bagA, largestId, 1);
      }
      const similarity = sharedWords(counts, wordsB, startK, endK, unitA.bagSize, threshold - bonus, taken);
      if (similarity + bonus >= threshold) {
        scored.push({ i, j: restB[k] as number, score: similarity + bonus, similarity });
      }
    }
    if (bagA) countWords(counts, bagA, largestId, -1);
  }
  const byScore = options.contentFirst
    ? (x: Scored, y: Scored) => y.similarity - x.similarity || y.score - x.score
    : (x: Scored, y: Scored) => y.score - x.score;
  return scored.sort(
    (x, y) => byScore(x, y) || Math.abs(x.i - x.j) - Math.abs(y.i - y.j) || x.i - y.i || x.j - y.j,
  );
}

/**
 * Shared words between the A unit counted in `counts` and the B unit `words[start, end)`: returns
 * their number and leaves their total weight in `overlap[0]`, or returns -1 as soon as twice that
 * weight cannot reach `atLeast` (the B unit weighing `weightB` in all). `counts` is left as it was found.
 */
function sharedWeighted(
  counts: Int32Array,
  words: Int32Array,
  start: number,
  end: number,
  weights: Float64Array,
  taken: Int32Array,
  overlap: Float64Array,
  weightB: number,
  atLeast: number,
): number {
  // Weights are positive, so the overlap can only lose what the B words not shared weigh. Most
  // pairs are far apart, and stop well before the end; the margin keeps rounding from stopping
  // a pair that the exact sum would let through.
  const reachable = weightB - (atLeast / 2) * (1 - 1e-9);
  let shared = 0;
  let weight = 0;
  let lost = 0;
  for (let k = start; k < end; k++) {
    const id = words[k] as number;
    if ((counts[id] as number) > 0) {
      counts[id] = (counts[id] as number) - 1;
      taken[shared++] = id;
      weight += weights[id] as number;
    } else if ((lost += weights[id] as number) > reachable) {
      shared = -shared - 1;
      break;
    }
  }
  const kept = shared < 0 ? -shared - 1 : shared;
  for (let r = 0; r < kept; r++) counts[taken[r] as number] = (counts[taken[r] as number] as number) + 1;
  overlap[0] = weight;
  return shared < 0 ? -1 : shared;
}

/** Adds `delta` to the count of each word of `bag` (ids above `largestId` are in no B unit: skipped). */
function countWords(counts: Int32Array, bag: TokenIds, largestId: number, delta: number): void {
  for (let w = 0; w < bag.length; w++) {
    const id = bag[w] as number;
    if (id <= largestId) counts[id] = (counts[id] as number) + delta;
  }
}

/**
 * Dice coefficient between the words counted in `counts` (an A unit of `sizeA` words) and the B
 * unit `words[start, end)`, or 0 as soon as `atLeast` is out of reach. `taken` is scratch space at
 * least as long as the B unit; `counts` is left as it was found.
 */
function sharedWords(
  counts: Int32Array,
  words: Int32Array,
  start: number,
  end: number,
  sizeA: number,
  atLeast: number,
  taken: Int32Array,
): number {
  const total = sizeA + end - start;
  if (total === 0) return 1;
  const needed = (atLeast * total) / 2;
  let shared = 0;
  for (let k = start; k < end; k++) {
    if (shared + (end - k) < needed) break;
    const id = words[k] as number;
    if ((counts[id] as number) > 0) {
      counts[id] = (counts[id] as number) - 1;
      taken[shared++] = id;
    }
  }
  for (let r = 0; r < shared; r++) counts[taken[r] as number] = (counts[taken[r] as number] as number) + 1;
  return shared < needed ? 0 : (2 * shared) / total;
}

function sameExact(x: MatchCandidate, y: MatchCandidate): boolean {
  return x.exactIds && y.exactIds ? sameIds(x.exactIds, y.exactIds) : true;
}

/** One row of an alignment: a unit present in A, in B, or in both. */
export interface OrderedPair {
  a?: number;
  b?: number;
  /** True when the pair is out of order relative to the longest run of pairs kept in order. */
  moved: boolean;
  match?: Match;
}

/**
 * Puts matched pairs in B's order, marks as moved the pairs outside a longest increasing
 * subsequence of A positions, and places each A-only unit right after the B position of the
 * nearest preceding in-order A unit (where a reader of B would look for it).
 */
export function orderPairs(matches: (Match | undefined)[], bCount: number): OrderedPair[] {
  const aOfB = new Int32Array(bCount).fill(-1);
  matches.forEach((match, i) => {
    if (match) aOfB[match.b] = i;
  });
  const strong = new Uint8Array(bCount);
  matches.forEach((match) => {
    if (match && match.by !== 'similar') strong[match.b] = 1;
  });
  const inOrder = longestIncreasing(aOfB, strong);

  const deletionsAfter = new Map<number, number[]>();
  let anchor = -1;
  matches.forEach((match, i) => {
    if (match) {
      if (inOrder.has(match.b)) anchor = match.b;
      return;
    }
    const list = deletionsAfter.get(anchor);
    if (list) list.push(i);
    else deletionsAfter.set(anchor, [i]);
  });

  const rows: OrderedPair[] = [];
  const pushDeletions = (at: number) => {
    for (const a of deletionsAfter.get(at) ?? []) rows.push({ a, moved: false });
  };
  pushDeletions(-1);
  for (let j = 0; j < bCount; j++) {
    const a = aOfB[j] as number;
    if (a >= 0) rows.push({ a, b: j, moved: !inOrder.has(j), match: matches[a] });
    else rows.push({ b: j, moved: false });
    pushDeletions(j);
  }
  return rows;
}

/**
 * B indexes of a longest subsequence whose A positions increase, in O(n log n). Among the longest,
 * the one keeping the most pairs found by id or identical text: when an article linked only by
 * its content and an article linked by its heading are out of order, the content-linked one is
 * the one shown as moved ("Article 5, now 8"), not its unchanged neighbour. Further ties go to
 * the run ending latest in B.
 */
function longestIncreasing(aOfB: Int32Array, strong: Uint8Array): Set<number> {
  // Fenwick tree over A positions: the best run ending at an A position below a given one.
  const size = aOfB.length === 0 ? 0 : Math.max(...aOfB) + 1;
  const treeRank = new Float64Array(size + 1).fill(-1);
  const treeEnd = new Int32Array(size + 1).fill(-1);
  const rankOf = new Float64Array(aOfB.length);
  const previous = new Int32Array(aOfB.length).fill(-1);
  // A run's rank: its length first, then its strong pairs (fewer than 2^20 units).
  const STRONG = 1 / 2 ** 20;
  let bestRank = -1;
  let bestEnd = -1;
  for (let j = 0; j < aOfB.length; j++) {
    const a = aOfB[j] as number;
    if (a < 0) continue;
    let rank = 0;
    let before = -1;
    for (let at = a; at > 0; at -= at & -at) {
      if ((treeRank[at] as number) >= rank && (treeEnd[at] as number) >= 0) {
        if ((treeRank[at] as number) > rank || (treeEnd[at] as number) > before) {
          rank = treeRank[at] as number;
          before = treeEnd[at] as number;
        }
      }
    }
    previous[j] = before;
    rank += 1 + (strong[j] ? STRONG : 0);
    rankOf[j] = rank;
    for (let at = a + 1; at <= size; at += at & -at) {
      if (rank > (treeRank[at] as number) || (rank === treeRank[at] && j > (treeEnd[at] as number))) {
        treeRank[at] = rank;
        treeEnd[at] = j;
      }
    }
    if (rank >= bestRank) {
      bestRank = rank;
      bestEnd = j;
    }
  }
  const kept = new Set<number>();
  for (let j = bestEnd; j >= 0; j = previous[j] as number) kept.add(j);
  return kept;
}
