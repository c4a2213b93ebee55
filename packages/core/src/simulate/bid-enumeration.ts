import { ParleyError } from '@parley/model/errors.ts';
import { CLOSER, SLACK, type BidSearchResult } from './bid-search.ts';

/** Enumeration refuses domains above this many packages. */
export const MAX_ENUMERATED = 10_000_000;

/**
 * The baseline bid selection GENIUS and NegMAS use: walk every package and keep, among those
 * worth at least the target to me, the best for the model (ties toward my target, as searchBid).
 * For benchmarks and checks on small domains only.
 */
export function enumerateBid(
  mine: readonly (readonly number[])[],
  theirsModel: readonly (readonly number[])[],
  target: number,
): BidSearchResult | undefined {
  const n = mine.length;
  const count = mine.reduce((p, row) => p * row.length, 1);
  if (count > MAX_ENUMERATED)
    throw new ParleyError('usage', `enumeration refuses ${count} packages (at most ${MAX_ENUMERATED})`);
  const path = new Array<number>(n).fill(0);
  let best: BidSearchResult | undefined;
  let bestValue = -Infinity;
  for (let k = 0; k < count; k++) {
    let a = 0;
    let b = 0;
    for (let i = 0; i < n; i++) {
      a += mine[i]![path[i]!]!;
      b += theirsModel[i]![path[i]!]!;
    }
    const value = b - CLOSER * a;
    if (a >= target - SLACK && value > bestValue + 1e-12) {
      bestValue = value;
      best = { outcome: [...path], mine: a, theirs: b, nodes: k + 1, proven: true };
    }
    for (let i = n - 1; i >= 0; i--) {
      if (++path[i]! < mine[i]!.length) break;
      path[i] = 0;
    }
  }
  return best && { ...best, nodes: count };
}
