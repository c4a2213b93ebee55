import { describe, expect, it } from 'vitest';
import { enumerateOutcomes } from './enumerate.ts';
import { frontierSample, nearestFrontierPoint, spreadDirections, utilityRanges } from './frontier-sample.ts';
import { outcomeCount, utilitiesOf, type Outcome } from './outcome-space.ts';
import { paretoFrontier, projectedFrontier } from './pareto.ts';
import { randomDomain } from './random-domain.ts';

// Four parties, 4^8 = 65,536 packages: small enough to enumerate every package.
const domain = randomDomain({ issues: 8, options: 4, parties: 4, seed: 12 });
const brute = enumerateOutcomes(domain, [], { frontier: true });
const onFrontier = (u: number[]) => brute.frontier!.some((f) => f.every((x, p) => x === u[p]));

/** Every package, for the brute-force maximum below. */
function* packages(): Generator<Outcome> {
  const sizes = domain.issues.map((i) => i.options.length);
  const outcome = sizes.map(() => 0);
  for (let k = 0; k < outcomeCount(domain); k++) {
    yield outcome;
    for (let i = sizes.length - 1; i >= 0 && ++outcome[i]! === sizes[i]!; i--) outcome[i] = 0;
  }
}

describe('proven frontier points', () => {
  it('spreads strictly positive directions: balanced, one leaning on each party, then seeded draws', () => {
    const directions = spreadDirections(domain, 7);
    expect(directions.slice(0, 2)).toEqual([
      [0.25, 0.25, 0.25, 0.25],
      [0.9, (1 - 0.9) / 3, (1 - 0.9) / 3, (1 - 0.9) / 3],
    ]);
    for (const d of directions) {
      expect(d.every((x) => x > 0)).toBe(true);
      expect(Math.abs(d.reduce((s, x) => s + x, 0) - 1)).toBeLessThan(1e-12);
    }
  });

  it.each(['weighted-sum', 'chebyshev'] as const)(
    '%s: every sampled point is on the enumerated frontier',
    (method) => {
      const sample = frontierSample(domain, 10, method);
      expect(sample.unanswered).toBe(0);
      expect(sample.points.length).toBeGreaterThan(3);
      for (const point of sample.points) {
        expect(point.proven).toBe(true);
        expect(onFrontier(point.utilities)).toBe(true);
      }
    },
  );

  it('finds the frontier point nearest a proposal: the largest gain every party gets at once, by brute force', () => {
    const proposal = domain.issues.map(() => 0);
    const x = utilitiesOf(domain, proposal);
    const { range } = utilityRanges(domain);
    let best = -Infinity;
    for (const outcome of packages()) {
      const u = utilitiesOf(domain, outcome);
      best = Math.max(best, Math.min(...u.map((v, p) => (v - x[p]!) / range[p]!)));
    }
    const near = nearestFrontierPoint(domain, proposal)!;
    expect(near.shareProven).toBe(true);
    expect(Math.abs(near.share - best)).toBeLessThan(1e-12);
    expect(near.proven).toBe(true);
    expect(onFrontier(near.utilities)).toBe(true);
    near.utilities.forEach((u, p) => expect(u - x[p]!).toBeGreaterThanOrEqual(best * range[p]! - 1e-12));
  });

  it('returns a Pareto-optimal proposal itself (no party can gain without another losing)', () => {
    const onIt = paretoFrontier(domain);
    if (onIt.size === null) throw new Error('frontier not computed');
    const proposal = onIt.points[3]!.outcome;
    const near = nearestFrontierPoint(domain, proposal)!;
    expect(near.share).toBe(0);
    expect(near.utilities).toEqual(utilitiesOf(domain, proposal));
  });

  it('projects the frontier on two parties exactly', () => {
    const pair = projectedFrontier(domain, 1, 3);
    const twoParty = enumerateOutcomes(
      { issues: domain.issues, stakeholders: [domain.stakeholders[1]!, domain.stakeholders[3]!] },
      [],
      { frontier: true },
    ).frontier!;
    if (pair.size === null) throw new Error('projection not computed');
    expect(pair.parties).toEqual(['party-2', 'party-4']);
    expect(pair.points.map((p) => p.utilities).sort()).toEqual(twoParty.sort());
  });
});
