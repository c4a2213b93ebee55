import { describe, expect, it } from 'vitest';
import { matchUnits, orderPairs, type MatchCandidate } from './match.ts';

/** A unit with these word ids; the exact key is left out so that only similarity can pair it. */
function unit(bag: number[], extra: Partial<MatchCandidate> = {}): MatchCandidate {
  return { bag: () => bag, bagSize: bag.length, ...extra };
}

describe('matchUnits', () => {
  it('scores similar units by the Dice coefficient of their word multisets', () => {
    // Shared multiset {1, 1, 2}: 2·3 / (4 + 4) = 0.75. The 5 in A and the 3 in B are not shared.
    const matches = matchUnits([unit([1, 1, 2, 5])], [unit([9, 9, 9, 9]), unit([2, 1, 3, 1])], 0.5);
    expect(matches).toEqual([{ b: 1, by: 'similar', similarity: 0.75 }]);
  });

  it('counts a repeated word only as often as both units have it', () => {
    // A has 1 four times, B once: shared {1}, 2·1 / 8 = 0.25.
    expect(matchUnits([unit([1, 1, 1, 1])], [unit([1, 7, 8, 9])], 0.2)).toEqual([
      { b: 0, by: 'similar', similarity: 0.25 },
    ]);
    expect(matchUnits([unit([1, 1, 1, 1])], [unit([1, 7, 8, 9])], 0.3)).toEqual([undefined]);
  });

  it('gives each B unit to the most similar A unit first, and never to two', () => {
    const a = [unit([1, 2, 3, 4]), unit([1, 2, 3, 5])];
    const b = [unit([1, 2, 3, 5])];
    // A[1] is identical in words (1.0); A[0] shares three of four (0.75) but B[0] is taken.
    expect(matchUnits(a, b, 0.5)).toEqual([undefined, { b: 0, by: 'similar', similarity: 1 }]);
  });

  it('pairs by explicit id and by exact key before similarity', () => {
    const a = [unit([1], { explicitId: 'x' }), unit([2, 3], { exactKey: 7, exactIds: [2, 3] })];
    const b = [unit([2, 3], { exactKey: 7, exactIds: [2, 3] }), unit([4], { explicitId: 'x' })];
    expect(matchUnits(a, b, 0.5)).toEqual([
      { b: 1, by: 'id', similarity: 1 },
      { b: 0, by: 'exact', similarity: 1 },
    ]);
  });

  it('does not pair units whose exact keys collide but whose tokens differ', () => {
    const a = [unit([1, 2], { exactKey: 7, exactIds: [1, 2] })];
    const b = [
      unit([8, 9], { exactKey: 7, exactIds: [8, 9] }),
      unit([1, 2], { exactKey: 7, exactIds: [1, 2] }),
    ];
    expect(matchUnits(a, b, 0.5)).toEqual([{ b: 1, by: 'exact', similarity: 1 }]);
  });

  it('never pairs units of the same group by similarity', () => {
    expect(matchUnits([unit([1, 2], { group: 0 })], [unit([1, 2], { group: 0 })], 0.5)).toEqual([undefined]);
    expect(matchUnits([unit([1, 2], { group: 0 })], [unit([1, 2], { group: 1 })], 0.5)).toEqual([
      { b: 0, by: 'similar', similarity: 1 },
    ]);
  });

  it('lets a matching number tip a pair over the threshold without changing its similarity', () => {
    // Dice 2·2 / 10 = 0.4; with the same number the score is 0.5.
    const a = [unit([1, 2, 3, 4, 5], { num: '3' })];
    const b = [unit([1, 2, 6, 7, 8], { num: '3' })];
    expect(matchUnits(a, b, 0.5)).toEqual([{ b: 0, by: 'similar', similarity: 0.4 }]);
    expect(matchUnits(a, [unit([1, 2, 6, 7, 8], { num: '4' })], 0.5)).toEqual([undefined]);
  });

  it('finds the same pairs as a plain all-pairs count on random units', () => {
    // Reference: exact multiset Dice for every pair, then the same greedy order.
    let seed = 7;
    const random = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    const bag = () => Array.from({ length: 1 + random(12) }, () => random(10));
    const a = Array.from({ length: 30 }, () => unit(bag()));
    const b = Array.from({ length: 25 }, () => unit(bag()));
    const dice = (x: ArrayLike<number>, y: ArrayLike<number>) => {
      const left = Array.from(x);
      let shared = 0;
      for (const id of Array.from(y)) {
        const at = left.indexOf(id);
        if (at >= 0) {
          left.splice(at, 1);
          shared++;
        }
      }
      return (2 * shared) / (x.length + y.length);
    };
    const pairs = a.flatMap((ua, i) =>
      b.map((ub, j) => ({ i, j, similarity: dice(ua.bag(), ub.bag()) })).filter((p) => p.similarity >= 0.6),
    );
    pairs.sort(
      (x, y) => y.similarity - x.similarity || Math.abs(x.i - x.j) - Math.abs(y.i - y.j) || x.i - y.i,
    );
    const expected: unknown[] = a.map(() => undefined);
    const takenB = new Set<number>();
    for (const { i, j, similarity } of pairs) {
      if (expected[i] || takenB.has(j)) continue;
      expected[i] = { b: j, by: 'similar', similarity };
      takenB.add(j);
    }
    expect(expected.filter(Boolean).length).toBeGreaterThan(3);
    expect(matchUnits(a, b, 0.6)).toEqual(expected);
  });

  it('with weights, scores by weighted Dice, reports the plain share too, and ignores numbers', () => {
    // Word 0 weighs 0.1, words 1 to 3 weigh 1. Shared: {0, 0, 1}. Weighted 2·1.2 / (2.2 + 2.2).
    const weights = Float64Array.from([0.1, 1, 1, 1]);
    const a = [unit([0, 0, 1, 2], { num: '5' })];
    const b = [unit([0, 0, 1, 3], { num: '5' })];
    expect(matchUnits(a, b, 0.5, { weights })).toEqual([
      { b: 0, by: 'similar', similarity: 0.75, content: 2.4 / 4.4 },
    ]);
    // Weighted 0.545 is below 0.6, and the matching number gives no bonus.
    expect(matchUnits(a, b, 0.6, { weights })).toEqual([undefined]);
  });

  it('scores only candidates sharing rare words above the exhaustive limit', () => {
    // Units 0 and 1 share the rare word 50; unit 1 of A and unit 0 of B share only the common 0.
    const a = [unit([0, 50, 51]), unit([0, 1, 2])];
    const b = [unit([0, 1, 3]), unit([0, 50, 51, 52])];
    const expected = [
      { b: 1, by: 'similar', similarity: 6 / 7 },
      { b: 0, by: 'similar', similarity: 4 / 6 },
    ];
    expect(matchUnits(a, b, 0.5)).toEqual(expected);
    expect(matchUnits(a, b, 0.5, { exhaustiveLimit: 0 })).toEqual(expected);
  });
});

describe('orderPairs', () => {
  it('shows as moved the pair linked only by similarity when it and an exact pair are out of order', () => {
    // B order: A0, A1, A3 (exact), A2 (similar): either A2 or A3 is out of order.
    const rows = orderPairs(
      [
        { b: 0, by: 'exact', similarity: 1 },
        { b: 1, by: 'exact', similarity: 1 },
        { b: 3, by: 'similar', similarity: 0.4 },
        { b: 2, by: 'exact', similarity: 1 },
      ],
      4,
    );
    expect(rows.map((r) => `${r.a}->${r.b}${r.moved ? ' moved' : ''}`)).toEqual([
      '0->0',
      '1->1',
      '3->2',
      '2->3 moved',
    ]);
    // With both exact, the run ending latest in B is kept, as before.
    const exact = orderPairs(
      [
        { b: 0, by: 'exact', similarity: 1 },
        { b: 1, by: 'exact', similarity: 1 },
        { b: 3, by: 'exact', similarity: 1 },
        { b: 2, by: 'exact', similarity: 1 },
      ],
      4,
    );
    expect(exact.map((r) => r.moved)).toEqual([false, false, true, false]);
  });
});
