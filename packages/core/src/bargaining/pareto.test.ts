import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enumerateOutcomes } from './enumerate.ts';
import { utilitiesOf } from './outcome-space.ts';
import { nondominated, paretoFrontier } from './pareto.ts';
import { randomDomain } from './random-domain.ts';

const sortVectors = (vs: number[][]) => [...vs].sort((a, b) => a.reduce((d, x, k) => d || b[k]! - x, 0));

describe('paretoFrontier', () => {
  it('equals the enumerated frontier exactly, for two to four parties', () => {
    fc.assert(
      fc.property(
        fc.record({
          issues: fc.integer({ min: 1, max: 5 }),
          options: fc.integer({ min: 1, max: 5 }),
          parties: fc.integer({ min: 2, max: 4 }),
          seed: fc.integer({ min: 0, max: 1e9 }),
        }),
        (shape) => {
          const domain = randomDomain(shape);
          const merged = paretoFrontier(domain);
          const brute = enumerateOutcomes(domain, [], { frontier: true }).frontier!;
          expect(merged.size).toBe(brute.length);
          if (merged.size === null) return;
          expect(sortVectors(merged.points.map((p) => p.utilities))).toEqual(sortVectors(brute));
          // Each point's package really has those utilities.
          for (const p of merged.points) expect(utilitiesOf(domain, p.outcome)).toEqual(p.utilities);
        },
      ),
      { seed: 42, numRuns: 120 },
    );
  });

  it('counts packages with identical utilities once and keeps ties exact', () => {
    const domain = {
      issues: [
        { name: 'a', options: ['x', 'y'] },
        { name: 'b', options: ['x', 'y'] },
      ],
      stakeholders: [
        {
          id: 'p',
          role: 'party' as const,
          scores: [
            [1, 0],
            [0, 1],
          ],
          reservationValue: 0,
        },
        {
          id: 'q',
          role: 'party' as const,
          scores: [
            [0, 1],
            [1, 0],
          ],
          reservationValue: 0,
        },
      ],
    };
    // (x,x) and (y,y) both give (1,1); (x,y) gives (2,0); (y,x) gives (0,2).
    const frontier = paretoFrontier(domain);
    expect(frontier.size).toBe(3);
    if (frontier.size !== null)
      expect(frontier.points.map((p) => p.utilities)).toEqual([
        [2, 0],
        [1, 1],
        [0, 2],
      ]);
  });

  it('returns null with the reason when a merge step exceeds the limit', () => {
    const domain = randomDomain({ issues: 6, options: 8, parties: 4, seed: 1 });
    const result = paretoFrontier(domain, 100);
    expect(result.size).toBeNull();
    if (result.size === null) expect(result.reason).toMatch(/above the limit of 100/);
  });
});

describe('nondominated', () => {
  it('keeps exactly the first copy of every non-dominated vector (3-D staircase vs brute force)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 4 }),
            fc.integer({ min: 0, max: 4 }),
            fc.integer({ min: 0, max: 4 }),
          ),
          { maxLength: 40 },
        ),
        (points) => {
          const flat = Float64Array.from(points.flat());
          const fast = nondominated(flat, points.length, 3).sort((a, b) => a - b);
          const brute = points.flatMap((p, i) =>
            points.some(
              (o, j) => j !== i && o.every((x, d) => x >= p[d]!) && (o.some((x, d) => x > p[d]!) || j < i),
            )
              ? []
              : [i],
          );
          expect(fast).toEqual(brute);
        },
      ),
      { seed: 3, numRuns: 300 },
    );
  });
});
