import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParleyError } from '@parley/model/errors.ts';
import { adjustedWinner } from './adjusted-winner.ts';

/** Random 100-point allocations over 2–8 items. */
const allocation = fc.integer({ min: 2, max: 8 }).chain((n) =>
  fc
    .tuple(
      fc.array(fc.integer({ min: 0, max: 50 }), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: 0, max: 50 }), { minLength: n, maxLength: n }),
    )
    .filter(([a, b]) => a.some((x) => x > 0) && b.some((x) => x > 0))
    .map(([a, b]) => {
      const sa = a.reduce((s, x) => s + x, 0);
      const sb = b.reduce((s, x) => s + x, 0);
      return a.map((x, k) => ({ name: `item-${k}`, a: (100 * x) / sa, b: (100 * b[k]!) / sb }));
    }),
);

describe('adjustedWinner', () => {
  it('is equitable, splits at most one item, and gives each at least 50 points', () => {
    fc.assert(
      fc.property(allocation, (items) => {
        const r = adjustedWinner(items);
        expect(Math.abs(r.pointsA - r.pointsB)).toBeLessThan(1e-9);
        expect(r.shares.filter((s) => s.toA > 0 && s.toA < 1).length).toBeLessThanOrEqual(1);
        expect(r.pointsA).toBeGreaterThanOrEqual(50 - 1e-9);
      }),
      { seed: 5, numRuns: 400 },
    );
  });

  it('is envy-free and efficient: A keeps exactly the items where its ratio a/b is highest', () => {
    fc.assert(
      fc.property(allocation, (items) => {
        const r = adjustedWinner(items);
        // Envy-free: each values its own share at least as much as the other's.
        const aOwn = items.reduce((s, it, k) => s + r.shares[k]!.toA * it.a, 0);
        const aOther = items.reduce((s, it, k) => s + (1 - r.shares[k]!.toA) * it.a, 0);
        const bOwn = items.reduce((s, it, k) => s + (1 - r.shares[k]!.toA) * it.b, 0);
        const bOther = items.reduce((s, it, k) => s + r.shares[k]!.toA * it.b, 0);
        expect(aOwn).toBeGreaterThanOrEqual(aOther - 1e-9);
        expect(bOwn).toBeGreaterThanOrEqual(bOther - 1e-9);
        // Efficiency of a two-party linear division: every item A holds (even partly) has a ratio
        // a/b at least that of every item B holds (even partly).
        const ratio = (k: number) => items[k]!.a / Math.max(items[k]!.b, 1e-300);
        const heldByA = r.shares.flatMap((s, k) => (s.toA > 0 ? [k] : []));
        const heldByB = r.shares.flatMap((s, k) => (s.toA < 1 ? [k] : []));
        for (const i of heldByA)
          for (const j of heldByB) if (i !== j) expect(ratio(i)).toBeGreaterThanOrEqual(ratio(j) - 1e-9);
      }),
      { seed: 6, numRuns: 400 },
    );
  });

  it('splits the textbook example at the right point', () => {
    // A values x most; after giving each item to its higher bidder A leads 60 to 40 (Brams–Taylor style).
    const r = adjustedWinner([
      { name: 'x', a: 60, b: 30 },
      { name: 'y', a: 30, b: 20 },
      { name: 'z', a: 10, b: 50 },
    ]);
    // Start: A holds x, y (90), B holds z (50). A's smallest ratio is y (1.5): moving all of y
    // would give A 60 and B 70, so y is split: 90 − 30t = 50 + 20t → t = 0.8 moves to B.
    expect(r.split).toBe('y');
    expect(r.shares.map((s) => s.toA)).toEqual([1, expect.closeTo(0.2, 12), 0]);
    expect(r.pointsA).toBeCloseTo(66, 10);
    expect(r.pointsB).toBeCloseTo(66, 10);
  });

  it('rejects allocations that do not total 100', () => {
    expect(() => adjustedWinner([{ name: 'x', a: 60, b: 100 }])).toThrow(ParleyError);
  });
});
