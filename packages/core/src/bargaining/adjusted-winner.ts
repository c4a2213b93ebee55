import { ParleyError } from '@parley/model/errors.ts';
/**
 * Adjusted Winner (Brams and Taylor, 1996) for two parties. Each party spreads 100 points over
 * the items (issues) in dispute. Every item first goes to the party that values it more; then the
 * party ahead hands items to the other, starting with the item where its advantage is smallest
 * (lowest ratio of its points to the other's), until the totals would cross; that one item is
 * split so that both end with exactly the same number of points.
 *
 * The result is equitable (equal point totals), envy-free, efficient (no other division gives
 * both at least as much and one more) and splits at most one item. Ties (equal points) go to the
 * first party at the start; the equalising transfer then sorts them out.
 */

export interface AdjustedWinnerItem {
  name: string;
  /** Points of party A and party B (each party's points sum to 100). */
  a: number;
  b: number;
}

export interface AdjustedWinnerShare {
  name: string;
  /** Share of the item that goes to A (1: all to A, 0: all to B, between: the split item). */
  toA: number;
}

export interface AdjustedWinnerResult {
  shares: AdjustedWinnerShare[];
  /** Points each party receives by its own valuation. */
  pointsA: number;
  pointsB: number;
  /** The item that was split, if any. */
  split?: string;
}

export function adjustedWinner(items: AdjustedWinnerItem[]): AdjustedWinnerResult {
  for (const [who, key] of [
    ['A', 'a'],
    ['B', 'b'],
  ] as const) {
    const total = items.reduce((s, item) => s + item[key], 0);
    if (items.some((item) => item[key] < 0))
      throw new ParleyError('invalid-model', `party ${who} gives an item negative points`);
    if (Math.abs(total - 100) > 1e-6)
      throw new ParleyError('invalid-model', `party ${who}'s points sum to ${total}, not 100`);
  }
  const toA: number[] = items.map((item) => (item.a >= item.b ? 1 : 0));
  const pointsOf = () => ({
    a: items.reduce((s, item, k) => s + toA[k]! * item.a, 0),
    b: items.reduce((s, item, k) => s + (1 - toA[k]!) * item.b, 0),
  });
  let totals = pointsOf();
  const leaderIsA = totals.a >= totals.b;
  // The leader's items, from the smallest advantage (its points over the other's) up.
  const ratio = (item: AdjustedWinnerItem) =>
    leaderIsA ? item.a / Math.max(item.b, 1e-300) : item.b / Math.max(item.a, 1e-300);
  const order = items
    .map((item, k) => ({ item, k }))
    .filter(({ k }) => toA[k] === (leaderIsA ? 1 : 0))
    .sort((x, y) => ratio(x.item) - ratio(y.item) || x.k - y.k);
  let split: string | undefined;
  for (const { item, k } of order) {
    const lead = leaderIsA ? totals.a - totals.b : totals.b - totals.a;
    if (lead <= 1e-12) break;
    const swing = item.a + item.b;
    if (swing <= lead + 1e-12) {
      // Moving the whole item does not overshoot: move it.
      toA[k] = leaderIsA ? 0 : 1;
    } else {
      // Split: the leader keeps the fraction x with leaderTotal − (1−x)·lp = otherTotal + (1−x)·op.
      const given = lead / swing;
      toA[k] = leaderIsA ? 1 - given : given;
      split = item.name;
    }
    totals = pointsOf();
    if (split) break;
  }
  return {
    shares: items.map((item, k) => ({ name: item.name, toA: toA[k]! })),
    pointsA: totals.a,
    pointsB: totals.b,
    split,
  };
}
