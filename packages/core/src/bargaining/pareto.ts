import { partyIndices, type NegotiationDomain, type Outcome } from './outcome-space.ts';

/**
 * The exact Pareto frontier of the parties' utilities, without enumerating packages.
 *
 * Because utilities are additive, a package whose first k issues form a dominated partial package
 * is itself dominated (swap in the dominating partial package). So the frontier is built issue by
 * issue: frontier(first k+1 issues) = non-dominated(frontier(first k issues) ⊕ options of issue
 * k+1). Partial sums are accumulated in issue order, so every utility is bit-for-bit the value
 * that utilitiesOf computes, and ties are decided exactly as enumeration decides them.
 *
 * A frontier point is a distinct utility vector that no other reachable vector weakly dominates;
 * packages with identical vectors count once, represented by the first in merge order (earlier
 * options of earlier issues first).
 */

export interface FrontierPoint {
  utilities: number[];
  outcome: Outcome;
}

export type FrontierResult =
  | { size: number; points: FrontierPoint[]; parties: string[] }
  | { size: null; reason: string; parties: string[] };

/**
 * Work limits of the frontier computation; above any of them the frontier is reported as not
 * computed, with the reason, instead of running for minutes. With the defaults the computation
 * takes a few seconds at most (docs/deals.md, "Limits").
 */
export interface FrontierLimits {
  /** Candidate points tested in one merge step (partial frontier size × options of the issue). */
  candidates: number;
  /** Candidate points tested over all merge steps together. */
  totalCandidates: number;
  /**
   * Four or more parties: pairwise dominance tests over all merge steps (there the test of a
   * candidate costs one comparison per frontier point kept so far, not a binary search).
   */
  comparisons: number;
}

export const FRONTIER_LIMITS: Readonly<FrontierLimits> = {
  candidates: 2_000_000,
  totalCandidates: 4_000_000,
  comparisons: 50_000_000,
};

/** Above this many candidate points in one merge step the frontier is not computed. */
export const FRONTIER_LIMIT = FRONTIER_LIMITS.candidates;

export function paretoFrontier(
  domain: NegotiationDomain,
  limits: Partial<FrontierLimits> | number = {},
): FrontierResult {
  const limit = { ...FRONTIER_LIMITS, ...(typeof limits === 'number' ? { candidates: limits } : limits) };
  const players = partyIndices(domain);
  const dims = players.length;
  const parties = players.map((p) => domain.stakeholders[p]!.id);
  // Each level keeps, per point, its utilities, its parent point and its option.
  let points = new Float64Array(dims);
  let count = 1;
  const parents: Int32Array[] = [];
  const choices: Int32Array[] = [];
  let tested = 0;
  let comparisons = limit.comparisons;
  for (let i = 0; i < domain.issues.length; i++) {
    const m = domain.issues[i]!.options.length;
    const total = count * m;
    if (total > limit.candidates) {
      return {
        size: null,
        reason: `the partial frontier after ${i} issues has ${count} points; merging issue ${i + 1} would test ${total} candidates, above the limit of ${limit.candidates}`,
        parties,
      };
    }
    tested += total;
    if (tested > limit.totalCandidates) {
      return {
        size: null,
        reason: `the partial frontier after ${i} issues has ${count} points; merging issue ${i + 1} would bring the candidates tested to ${tested}, above the limit of ${limit.totalCandidates}`,
        parties,
      };
    }
    const candidates = new Float64Array(total * dims);
    for (let c = 0; c < count; c++) {
      for (let j = 0; j < m; j++) {
        const at = (c * m + j) * dims;
        for (let d = 0; d < dims; d++) {
          candidates[at + d] = points[c * dims + d]! + domain.stakeholders[players[d]!]!.scores[i]![j]!;
        }
      }
    }
    const swept = nondominatedWithin(candidates, total, dims, comparisons);
    if (swept === null) {
      return {
        size: null,
        reason: `with ${dims} parties the partial frontier after ${i} issues has ${count} points; merging issue ${i + 1} would need more than the limit of ${limit.comparisons} dominance tests`,
        parties,
      };
    }
    const kept = swept.kept;
    comparisons -= swept.comparisons;
    const nextPoints = new Float64Array(kept.length * dims);
    const parent = new Int32Array(kept.length);
    const choice = new Int32Array(kept.length);
    kept.forEach((index, k) => {
      nextPoints.set(candidates.subarray(index * dims, (index + 1) * dims), k * dims);
      parent[k] = Math.floor(index / m);
      choice[k] = index % m;
    });
    parents.push(parent);
    choices.push(choice);
    points = nextPoints;
    count = kept.length;
  }
  const result: FrontierPoint[] = [];
  for (let k = 0; k < count; k++) {
    const outcome: Outcome = new Array(domain.issues.length);
    let at = k;
    for (let i = domain.issues.length - 1; i >= 0; i--) {
      outcome[i] = choices[i]![at]!;
      at = parents[i]![at]!;
    }
    result.push({ utilities: Array.from(points.subarray(k * dims, (k + 1) * dims)), outcome });
  }
  // Present the frontier from the first party's best to its worst.
  result.sort((x, y) => compareDescending(x.utilities, y.utilities));
  return { size: result.length, points: result, parties };
}

function compareDescending(x: ArrayLike<number>, y: ArrayLike<number>): number {
  for (let d = 0; d < x.length; d++) if (x[d] !== y[d]) return y[d]! - x[d]!;
  return 0;
}

/**
 * Indices of the distinct non-dominated points (first occurrence of each vector kept). Sorting
 * lexicographically descending means a point can only be dominated by one sorted before it.
 */
export function nondominated(points: Float64Array, count: number, dims: number): number[] {
  return nondominatedWithin(points, count, dims, Infinity)!.kept;
}

/**
 * nondominated, giving up (null) when four or more dimensions would need more than
 * `maxComparisons` pairwise tests; also returns the tests made. One to three dimensions cost a
 * sort and a sweep, so they never give up.
 */
export function nondominatedWithin(
  points: Float64Array,
  count: number,
  dims: number,
  maxComparisons: number,
): { kept: number[]; comparisons: number } | null {
  const order = new Int32Array(count);
  for (let k = 0; k < count; k++) order[k] = k;
  order.sort((a, b) => {
    for (let d = 0; d < dims; d++) {
      const diff = points[b * dims + d]! - points[a * dims + d]!;
      if (diff !== 0) return diff;
    }
    return a - b;
  });
  const kept: number[] = [];
  if (dims === 1) return { kept: count > 0 ? [order[0]!] : [], comparisons: 0 };
  if (dims === 2) {
    let bestSecond = -Infinity;
    for (const index of order) {
      const second = points[index * 2 + 1]!;
      if (second > bestSecond) {
        kept.push(index);
        bestSecond = second;
      }
    }
    return { kept, comparisons: 0 };
  }
  if (dims === 3) return { kept: nondominated3(points, order), comparisons: 0 };
  let comparisons = 0;
  for (const index of order) {
    let dominated = false;
    for (const other of kept) {
      comparisons++;
      let covers = true;
      for (let d = 0; d < dims; d++) {
        if (points[other * dims + d]! < points[index * dims + d]!) {
          covers = false;
          break;
        }
      }
      if (covers) {
        dominated = true;
        break;
      }
    }
    if (comparisons > maxComparisons) return null;
    if (!dominated) kept.push(index);
  }
  return { kept, comparisons };
}

/**
 * Three parties: points arrive with the first utility non-increasing, so a point is dominated
 * exactly when an earlier point is at least as good on the other two. Those earlier points are
 * kept as a two-dimensional staircase (second utility ascending, third descending), where that
 * test is one binary search.
 */
function nondominated3(points: Float64Array, order: Int32Array): number[] {
  const kept: number[] = [];
  const second: number[] = [];
  const third: number[] = [];
  for (const index of order) {
    const b = points[index * 3 + 1]!;
    const c = points[index * 3 + 2]!;
    // First staircase step whose second utility is ≥ b: it has the largest third utility among those.
    let lo = 0;
    let hi = second.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (second[mid]! < b) lo = mid + 1;
      else hi = mid;
    }
    if (lo < second.length && third[lo]! >= c) continue;
    kept.push(index);
    // Steps the new point covers (second ≤ b and third ≤ c) sit just before position lo.
    let from = lo;
    while (from > 0 && third[from - 1]! <= c) from--;
    const end = lo < second.length && second[lo] === b ? lo + 1 : lo;
    second.splice(from, end - from, b);
    third.splice(from, end - from, c);
  }
  return kept;
}

/**
 * The frontier projected on two parties `a` and `b` (stakeholder indices): the exact two-party
 * frontier of their utilities, the other stakeholders ignored. With many parties the full frontier
 * cannot be listed, but this one always can (a sort and a sweep per issue).
 */
export function projectedFrontier(
  domain: NegotiationDomain,
  a: number,
  b: number,
  limits: Partial<FrontierLimits> | number = {},
): FrontierResult {
  const pair = [a, b].map((q) => ({ ...domain.stakeholders[q]!, role: 'party' as const }));
  return paretoFrontier({ issues: domain.issues, stakeholders: pair }, limits);
}
