import { describe, expect, it } from 'vitest';
import { SOLUTION_NAMES, solutionObjective } from '../solutions.ts';
import { valueAt } from './box-solvers.ts';
import {
  clampedLinear,
  listedPart,
  mixedUtilities,
  scaled,
  type MixedDomain,
  type MixedOutcome,
} from './mixed-domain.ts';
import { mixedFrontier } from './mixed-frontier.ts';
import { mixedSolutions } from './mixed-solutions.ts';
import { searchMixed } from './mixed-search.ts';

/**
 * A discrete issue and two real issues whose clamped evaluators kink inside the range, so the
 * optimum crosses cells; checked against a fine grid: the exact optimum must score at least every
 * grid package, and at most one grid step (in utility) above the best of them.
 */
const STEPS = 100;

function domainOf(parties: number): MixedDomain {
  const all = [
    {
      discrete: [0.3, 0.1, 0],
      ranges: [
        [0.2, 0.5, 0.1, 0],
        [0.05, 0.4, -0.1, 5],
      ],
      reservation: 0.25,
    },
    {
      discrete: [0, 0.15, 0.25],
      ranges: [
        [0.4, 1.2, -0.25, 0],
        [0.35, 0.9, 0.12, 0],
      ],
      reservation: 0.2,
    },
    {
      discrete: [0.1, 0.3, 0.05],
      ranges: [
        [0.3, 0.3, 0.08, 1],
        [0.2, 0.7, -0.2, 6],
      ],
      reservation: 0.15,
    },
  ].slice(0, parties);
  const ranges = [
    { name: 'Price', lower: 0, upper: 10, integer: false },
    { name: 'Months', lower: 2, upper: 8, integer: false },
  ];
  return {
    discrete: [{ name: 'Venue', options: ['Geneva', 'Vienna', 'Oslo'] }],
    ranges,
    parties: all.map((p, q) => ({
      id: `p${q}`,
      reservationValue: p.reservation,
      discrete: [p.discrete],
      ranges: p.ranges.map(([weight, offset, slope, origin], r) =>
        scaled(clampedLinear(ranges[r]!.lower, ranges[r]!.upper, offset!, slope!, origin!), weight!),
      ),
    })),
  };
}

function* grid(domain: MixedDomain): Generator<MixedOutcome> {
  const [price, months] = domain.ranges;
  for (let o = 0; o < 3; o++)
    for (let i = 0; i <= STEPS; i++)
      for (let j = 0; j <= STEPS; j++)
        yield {
          options: [o],
          values: [
            price!.lower + ((price!.upper - price!.lower) * i) / STEPS,
            months!.lower + ((months!.upper - months!.lower) * j) / STEPS,
          ],
        };
}

const shadow = listedPart;

describe.each([2, 3])('mixed discrete + real domain, %i parties, against a fine grid', (parties) => {
  const domain = domainOf(parties);
  const { points, ideal } = mixedSolutions(domain);
  // Largest change of any utility over one grid step, summed over the two ranges.
  const stepUtility = domain.ranges.reduce((s, range, r) => {
    const slopes = domain.parties.map((p) => {
      const f = p.ranges[r]!;
      return Math.max(...f.xs.slice(1).map((x, k) => Math.abs(f.ys[k + 1]! - f.ys[k]!) / (x - f.xs[k]!)));
    });
    return s + Math.max(...slopes) * ((range.upper - range.lower) / STEPS);
  }, 0);

  it.each(SOLUTION_NAMES)('%s: exact ≥ every grid package, within a grid step of the best', (name) => {
    const objective = solutionObjective(shadow(domain), name, ideal)!;
    const point = points[name];
    if (!('candidate' in point)) throw new Error(point.reason);
    expect(point.certificate.proven).toBe(true);
    const value = (u: number[]) => valueAt({ base: u, rise: [], lower: [], upper: [] }, objective, []);
    // The reported package really scores what is reported.
    expect(value(mixedUtilities(domain, point.candidate.outcome))).toBeCloseTo(point.candidate.value, 12);
    let bestGrid = -Infinity;
    for (const outcome of grid(domain)) bestGrid = Math.max(bestGrid, value(mixedUtilities(domain, outcome)));
    expect(bestGrid).toBeGreaterThan(-Infinity);
    expect(point.candidate.value).toBeGreaterThanOrEqual(bestGrid - 1e-12);
    // Nash compares logs of products: one step changes a gain g by at most stepUtility, its log by
    // at most stepUtility / g. The others move by at most stepUtility (times their weights).
    const gains = point.candidate.utilities.map((u, q) => u - domain.parties[q]!.reservationValue);
    const allowance =
      name === 'nash'
        ? gains.reduce((s, g) => s + stepUtility / (g - stepUtility), 0)
        : stepUtility * Math.max(parties, ...objective.weights);
    expect(point.candidate.value - bestGrid).toBeLessThanOrEqual(allowance);
  });
});

describe('mixed two-party frontier', () => {
  const domain = domainOf(2);
  const frontier = mixedFrontier(domain);
  if (!frontier.pieces) throw new Error(frontier.reason);
  const pieces = frontier.pieces;

  it('is attained: every piece end is the utility of its package, and the midpoint too', () => {
    for (const p of pieces) {
      for (const end of [p.from, p.to]) {
        const u = mixedUtilities(domain, end.outcome);
        expect(u[0]).toBeCloseTo(end.utilities[0], 12);
        expect(u[1]).toBeCloseTo(end.utilities[1], 12);
      }
      const mid = {
        options: p.from.outcome.options,
        values: p.from.outcome.values.map((v, r) => (v + p.to.outcome.values[r]!) / 2),
      };
      const u = mixedUtilities(domain, mid);
      expect(u[0]).toBeCloseTo((p.from.utilities[0] + p.to.utilities[0]) / 2, 12);
      expect(u[1]).toBeCloseTo((p.from.utilities[1] + p.to.utilities[1]) / 2, 12);
    }
  });

  it('weakly dominates every grid package, and no piece end dominates another', () => {
    const onOrAbove = (u: number[]) =>
      pieces.some((p) => {
        const [ax, ay] = p.from.utilities;
        const [bx, by] = p.to.utilities;
        if (u[0]! <= ax + 1e-12) return u[1]! <= ay + 1e-12;
        if (u[0]! > bx + 1e-12) return false;
        const line = bx - ax <= 1e-15 ? Math.max(ay, by) : ay + ((u[0]! - ax) / (bx - ax)) * (by - ay);
        return u[1]! <= line + 1e-12;
      });
    for (const outcome of grid(domain)) expect(onOrAbove(mixedUtilities(domain, outcome))).toBe(true);
    const ends = pieces.flatMap((p) => [
      ...(p.openFrom ? [] : [p.from.utilities]),
      ...(p.openTo ? [] : [p.to.utilities]),
    ]);
    for (const a of ends)
      for (const b of ends)
        expect(b[0] >= a[0] - 1e-12 && b[1] >= a[1] - 1e-12 && b[0] + b[1] > a[0] + a[1] + 1e-9).toBe(false);
    expect(pieces.length).toBeGreaterThan(2);
  });

  it('contains the Nash point of the same domain', () => {
    const nash = mixedSolutions(domain).points.nash;
    if (!('candidate' in nash)) throw new Error(nash.reason);
    const [x, y] = nash.candidate.utilities;
    const on = pieces.some((p) => {
      const [ax, ay] = p.from.utilities;
      const [bx, by] = p.to.utilities;
      if (x! < ax - 1e-9 || x! > bx + 1e-9) return false;
      const line = bx - ax <= 1e-15 ? ay : ay + ((x! - ax) / (bx - ax)) * (by - ay);
      return Math.abs(line - y!) <= 1e-9;
    });
    expect(on).toBe(true);
  });
});

describe('integer ranges: branch-and-bound agrees with listing every whole number', () => {
  it('matches enumeration on a small integer range with kinks', () => {
    const domain: MixedDomain = {
      discrete: [{ name: 'Venue', options: ['a', 'b'] }],
      ranges: [{ name: 'Seats', lower: 0, upper: 37, integer: true }],
      parties: [
        {
          id: 'x',
          reservationValue: 0.11,
          discrete: [[0.2, 0]],
          ranges: [scaled(clampedLinear(0, 37, -0.2, 0.043, 0), 0.8)],
        },
        {
          id: 'y',
          reservationValue: 0.05,
          discrete: [[0, 0.3]],
          ranges: [scaled(clampedLinear(0, 37, 1.3, -0.031, 0), 0.7)],
        },
      ],
    };
    const objectives = SOLUTION_NAMES.filter((n) => n !== 'kalaiSmorodinsky').map((n) =>
      solutionObjective(shadow(domain), n)!,
    );
    for (const objective of objectives) {
      const result = searchMixed(domain, objective);
      let best = -Infinity;
      let arg = -1;
      for (let o = 0; o < 2; o++)
        for (let seats = 0; seats <= 37; seats++) {
          const v = valueAt(
            {
              base: mixedUtilities(domain, { options: [o], values: [seats] }),
              rise: [],
              lower: [],
              upper: [],
            },
            objective,
            [],
          );
          if (v > best + 1e-12) {
            best = v;
            arg = seats;
          }
        }
      expect(result.certificate.proven).toBe(true);
      expect(result.best!.value).toBeCloseTo(best, 10);
      expect(result.best!.outcome.values[0]).toBe(arg);
      expect(Number.isInteger(result.best!.outcome.values[0])).toBe(true);
    }
  });
});
