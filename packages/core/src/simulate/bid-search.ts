import type { Outcome } from '../bargaining/outcome-space.ts';

/**
 * Bid selection without enumeration: among the packages worth at least `target` to me, one that
 * is best for my model of the other side (both additive: scores[issue][option]).
 *
 * Depth-first branch-and-bound over the issues. A node fixes the first issues (partial sums
 * mine, theirs). Two tests prune it:
 *
 * - feasibility: mine + Σ_free max_option mine < target (no completion reaches the target);
 * - a Lagrangian bound on what the other side can still get: for any λ ≥ 0, every completion
 *   meeting the target satisfies theirs_total ≤ theirs + λ(mine − target) + Σ_free max_option
 *   (their + λ·mine). λ = 0 is the plain best-remaining-per-issue bound; the λ minimising the
 *   root bound (a convex, piecewise-linear function of λ; bestPrice) is the linear
 *   relaxation's dual price and makes the bound tight up to one fractional issue.
 *
 * Among packages equally good for the model, the one closest to my target wins: the search
 * maximises their − CLOSER·mine (CLOSER = 1e-6, far below any difference a model makes), so an
 * empty or flat model yields the package that just meets the target — the concession curve's own
 * offer. Options are tried in decreasing (their − CLOSER·mine) + λ·mine, so the first leaf is the
 * relaxation's greedy package.
 */

export interface BidSearchResult {
  outcome: Outcome;
  mine: number;
  /** The model's value of the package for the other side. */
  theirs: number;
  /** Nodes visited (the work done). */
  nodes: number;
  /** False when the node budget ran out first: then the package meets the target but may not be the best. */
  proven: boolean;
}

/** Default node budget: about a second of search; real profiles need far fewer (docs/simulate.md). */
export const BID_SEARCH_NODES = 2_000_000;

/** Prices above this never matter on the 0..1 scale (an option differs from another by ≥ 1e-6). */
const MAX_PRICE = 1e6;

/** Rounding slack on the target (absolute, 0..1 scale). */
export const SLACK = 1e-12;

/** Weight of the tie-break toward my target: 1e-6 of my utility. */
export const CLOSER = 1e-6;

/** Their value must beat the incumbent by more than this to replace it (absolute, 0..1 scale). */
const IMPROVEMENT = 1e-12;

export function searchBid(
  mine: readonly (readonly number[])[],
  theirsModel: readonly (readonly number[])[],
  target: number,
  maxNodes = BID_SEARCH_NODES,
  /**
   * A package known beforehand (the party's previous offer): when it still meets the target it
   * is the first incumbent, so the search only explores what beats it (reuse of the previous
   * search; the result is the same optimum up to ties within IMPROVEMENT).
   */
  hint?: Outcome,
): BidSearchResult | undefined {
  const n = mine.length;
  const theirs = theirsModel.map((row, i) => row.map((t, j) => t - CLOSER * mine[i]![j]!));
  const maxOf = (row: readonly number[]) => row.reduce((m, x) => Math.max(m, x), -Infinity);
  const suffixMine = new Float64Array(n + 1);
  for (let i = n - 1; i >= 0; i--) suffixMine[i] = suffixMine[i + 1]! + maxOf(mine[i]!);
  // Sums in another order may differ in the last bit: a package within SLACK of the target meets it.
  const need = target - SLACK;
  if (suffixMine[0]! < need) return undefined;

  const bestPriced = (i: number, price: number) => {
    let m = -Infinity;
    const t = theirs[i]!;
    const u = mine[i]!;
    for (let j = 0; j < t.length; j++) m = Math.max(m, t[j]! + price * u[j]!);
    return m;
  };
  const relaxed = (lambda: number) => {
    let g = -lambda * target;
    for (let i = 0; i < n; i++) g += bestPriced(i, lambda);
    return g;
  };
  const lambda = bestPrice(relaxed);
  const suffixBoth = (price: number) => {
    const s = new Float64Array(n + 1);
    for (let i = n - 1; i >= 0; i--) s[i] = s[i + 1]! + bestPriced(i, price);
    return s;
  };
  const box = suffixBoth(0);
  const priced = suffixBoth(lambda);
  const order = mine.map((row, i) =>
    row
      .map((_, j) => j)
      .sort(
        (a, b) =>
          theirs[i]![b]! + lambda * row[b]! - (theirs[i]![a]! + lambda * row[a]!) ||
          row[b]! - row[a]! ||
          a - b,
      ),
  );

  const path = new Array<number>(n).fill(0);
  let best: BidSearchResult | undefined;
  if (hint && hint.length === n) {
    let a = 0;
    let b = 0;
    for (let i = 0; i < n; i++) {
      a += mine[i]![hint[i]!]!;
      b += theirs[i]![hint[i]!]!;
    }
    if (a >= need) best = { outcome: [...hint], mine: a, theirs: b, nodes: 0, proven: true };
  }
  let nodes = 0;
  const descend = (k: number, a: number, b: number) => {
    nodes++;
    if (nodes > maxNodes && best) return;
    if (a + suffixMine[k]! < need) return;
    const line = best ? best.theirs + IMPROVEMENT : -Infinity;
    if (b + box[k]! < line || b + lambda * (a - target) + priced[k]! < line) return;
    if (k === n) {
      best = { outcome: [...path], mine: a, theirs: b, nodes: 0, proven: true };
      return;
    }
    for (const j of order[k]!) {
      path[k] = j;
      descend(k + 1, a + mine[k]![j]!, b + theirs[k]![j]!);
    }
  };
  descend(0, 0, 0);
  if (!best) return undefined;
  const found: BidSearchResult = best;
  const modelled = found.outcome.reduce((s, j, i) => s + theirsModel[i]![j]!, 0);
  return { ...found, theirs: modelled, nodes, proven: nodes <= maxNodes };
}

/**
 * A price close to the minimiser of the convex bound g(λ) on [0, MAX_PRICE]. Any price gives a
 * valid bound, so precision only buys tightness: a ternary search over log λ (g∘exp is unimodal,
 * as a convex function of a monotone reparametrisation), compared with λ = 0.
 */
function bestPrice(g: (price: number) => number): number {
  let lo = Math.log(1e-9);
  let hi = Math.log(MAX_PRICE);
  // 40 steps shrink the bracket to (2/3)^40 ≈ 1e-7 of its 34 units of log λ: ample for a bound.
  for (let k = 0; k < 40; k++) {
    const m1 = lo + (hi - lo) / 3;
    const m2 = hi - (hi - lo) / 3;
    if (g(Math.exp(m1)) <= g(Math.exp(m2))) hi = m2;
    else lo = m1;
  }
  const price = Math.exp((lo + hi) / 2);
  return g(price) < g(0) ? price : 0;
}
