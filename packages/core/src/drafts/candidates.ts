import type { TokenIds } from './fingerprint.ts';

/** Per A unit `i`, the B units worth scoring: `b[start[i] .. start[i + 1])`, each once. */
export interface CandidateLists {
  start: Int32Array;
  b: Int32Array;
}

export interface CandidateOptions {
  /** How many of a unit's rarest words it is looked up by. */
  signature?: number;
  /** How many units sharing one word are taken, the nearest in position first. */
  perWord?: number;
}

// Eight words and four units per word. Measured on the COP21 drafts, all 548 paragraphs of one
// version against all 424 of the other (232,352 pairs): scoring only the candidates (about 8,000)
// gives 534 of the 548 paragraphs the same partner (or none) as scoring every pair, plain or
// weighted; sixteen units per word gave 540 and 542 at four times the candidates.
// See candidates.test.ts.
const SIGNATURE = 8;
const PER_WORD = 4;

/**
 * Which pairs to score when there are too many to score them all (near-linear, after exact
 * pairing has taken the identical units): each unit is looked up, on the other side, by its
 * rarest words that the other side has (a word shared by few units says more about a pair than
 * "the" or "Parties" does). A word shared by many units (as in a document repeated ten times)
 * yields only the units nearest in relative position. Both sides look the other up, so a pair
 * is found when either unit's rare words survived in the other. Work and memory are linear in
 * the words, times the two constants.
 */
export function sharedRareWords(
  bagsA: readonly TokenIds[],
  bagsB: readonly TokenIds[],
  options: CandidateOptions = {},
): CandidateLists {
  const signature = options.signature ?? SIGNATURE;
  const perWord = options.perWord ?? PER_WORD;
  let largestId = 0;
  for (const bags of [bagsA, bagsB])
    for (const bag of bags)
      for (let w = 0; w < bag.length; w++) largestId = Math.max(largestId, bag[w] as number);
  // A unit without words is looked up by a word of its own, so that it meets other empty units.
  const empty = largestId + 1;
  const seen = new Int32Array(empty + 1).fill(-1);
  const wordsA = distinctWords(bagsA, seen, empty, 0);
  const wordsB = distinctWords(bagsB, seen, empty, bagsA.length);
  const postingsA = postings(wordsA, empty + 1);
  const postingsB = postings(wordsB, empty + 1);
  // Rarity is the number of units, on both sides, holding the word.
  const rarity = new Int32Array(empty + 1);
  for (let w = 0; w <= empty; w++)
    rarity[w] =
      (postingsA.start[w + 1] as number) -
      (postingsA.start[w] as number) +
      (postingsB.start[w + 1] as number) -
      (postingsB.start[w] as number);

  // At most `signature` words per unit, `perWord` units each.
  const capacity = (bagsA.length + bagsB.length) * signature * perWord;
  const pairsA = new Int32Array(capacity);
  const pairsB = new Int32Array(capacity);
  let pairCount = 0;
  const chosen = new Int32Array(signature);
  const lookUp = (from: Lists, to: Postings, fromA: boolean) => {
    const count = from.start.length - 1;
    const otherCount = to.unitCount;
    for (let u = 0; u < count; u++) {
      const near = count > 1 ? Math.round((u * (otherCount - 1)) / (count - 1)) : 0;
      const chosenCount = rarest(from, u, to, rarity, chosen);
      for (let c = 0; c < chosenCount; c++) {
        const w = chosen[c] as number;
        const lo = to.start[w] as number;
        const hi = to.start[w + 1] as number;
        // The `perWord` units of the posting list nearest to `near` (the list is in unit order).
        const last = Math.min(
          hi,
          Math.max(lo, lowerBound(to.units, lo, hi, near) - (perWord >> 1)) + perWord,
        );
        for (let at = Math.max(lo, last - perWord); at < last; at++) {
          pairsA[pairCount] = fromA ? u : (to.units[at] as number);
          pairsB[pairCount++] = fromA ? (to.units[at] as number) : u;
        }
      }
    }
  };
  lookUp(wordsA, postingsB, true);
  lookUp(wordsB, postingsA, false);
  return groupByA(pairsA.subarray(0, pairCount), pairsB.subarray(0, pairCount), bagsA.length, bagsB.length);
}

/** Lists of ids per unit: unit `u` holds `ids[start[u] .. start[u + 1])`. */
interface Lists {
  start: Int32Array;
  ids: Int32Array;
}

/** Units holding each word: word `w` is in `units[start[w] .. start[w + 1])`, in unit order. */
interface Postings {
  start: Int32Array;
  units: Int32Array;
  unitCount: number;
}

function distinctWords(bags: readonly TokenIds[], seen: Int32Array, empty: number, stampBase: number): Lists {
  const start = new Int32Array(bags.length + 1);
  // Room for every word (or the one `empty` word) of every unit: a typed array filled in one
  // pass, where a growing list of numbers was copied as it grew.
  let room = 0;
  for (let u = 0; u < bags.length; u++) room += Math.max(1, (bags[u] as TokenIds).length);
  const ids = new Int32Array(room);
  let count = 0;
  for (let u = 0; u < bags.length; u++) {
    const bag = bags[u] as TokenIds;
    const stamp = stampBase + u;
    for (let w = 0; w < bag.length; w++) {
      const id = bag[w] as number;
      if (seen[id] !== stamp) {
        seen[id] = stamp;
        ids[count++] = id;
      }
    }
    if (bag.length === 0) ids[count++] = empty;
    start[u + 1] = count;
  }
  return { start, ids: ids.slice(0, count) };
}

function postings(lists: Lists, wordCount: number): Postings {
  const start = new Int32Array(wordCount + 1);
  for (let k = 0; k < lists.ids.length; k++) {
    const w = lists.ids[k] as number;
    start[w + 1] = (start[w + 1] as number) + 1;
  }
  for (let w = 0; w < wordCount; w++) start[w + 1] = (start[w + 1] as number) + (start[w] as number);
  const fill = start.slice(0, wordCount);
  const units = new Int32Array(lists.ids.length);
  const unitCount = lists.start.length - 1;
  for (let u = 0; u < unitCount; u++) {
    for (let k = lists.start[u] as number; k < (lists.start[u + 1] as number); k++) {
      const w = lists.ids[k] as number;
      units[fill[w] as number] = u;
      fill[w] = (fill[w] as number) + 1;
    }
  }
  return { start, units, unitCount };
}

/**
 * Fills `chosen` with the rarest words of unit `u` that the other side holds too (ties: lower id
 * first) and returns how many it holds: a bounded insertion, the signature being short.
 */
function rarest(from: Lists, u: number, to: Postings, rarity: Int32Array, chosen: Int32Array): number {
  let count = 0;
  for (let k = from.start[u] as number; k < (from.start[u + 1] as number); k++) {
    const w = from.ids[k] as number;
    if ((to.start[w + 1] as number) === (to.start[w] as number)) continue;
    const r = rarity[w] as number;
    let at = count < chosen.length ? count++ : chosen.length;
    while (at > 0) {
      const before = chosen[at - 1] as number;
      const rb = rarity[before] as number;
      if (rb < r || (rb === r && before < w)) break;
      if (at < chosen.length) chosen[at] = before;
      at--;
    }
    if (at < chosen.length) chosen[at] = w;
  }
  return count;
}

function lowerBound(values: Int32Array, lo: number, hi: number, value: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The pairs as lists per A unit, each without repeats. */
function groupByA(pairsA: Int32Array, pairsB: Int32Array, countA: number, countB: number): CandidateLists {
  const start = new Int32Array(countA + 1);
  // An index loop: iterating a typed array with `for … of` made a result object per pair.
  for (let at = 0; at < pairsA.length; at++) {
    const i = pairsA[at] as number;
    start[i + 1] = (start[i + 1] as number) + 1;
  }
  for (let i = 0; i < countA; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const fill = start.slice(0, countA);
  const grouped = new Int32Array(pairsA.length);
  for (let at = 0; at < pairsA.length; at++) {
    const i = pairsA[at] as number;
    grouped[fill[i] as number] = pairsB[at] as number;
    fill[i] = (fill[i] as number) + 1;
  }
  // Repeats removed in place, list by list.
  const seen = new Int32Array(countB).fill(-1);
  const unique = new Int32Array(countA + 1);
  let out = 0;
  for (let i = 0; i < countA; i++) {
    for (let at = start[i] as number; at < (start[i + 1] as number); at++) {
      const j = grouped[at] as number;
      if (seen[j] === i) continue;
      seen[j] = i;
      grouped[out++] = j;
    }
    unique[i + 1] = out;
  }
  return { start: unique, b: grouped.slice(0, out) };
}
