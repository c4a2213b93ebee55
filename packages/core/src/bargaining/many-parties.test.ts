import { describe, expect, it } from 'vitest';
import { searchBest } from './branch-and-bound.ts';
import { enumerateOutcomes } from './enumerate.ts';
import { outcomeCount, utilitiesOf } from './outcome-space.ts';
import { randomDomain } from './random-domain.ts';
import { bargainingSolutions, idealPoint, solutionObjective, SOLUTION_NAMES } from './solutions.ts';

// Many parties: the exact searches against brute force on generated domains of up to 10^6
// packages, and what a search stopped by its budget reports.

const shapes = [
  { parties: 3, issues: 6, options: 10, seed: 31, reservationShare: 0.3 },
  { parties: 4, issues: 8, options: 5, seed: 41, reservationShare: 0.4 },
  { parties: 5, issues: 6, options: 8, seed: 51, reservationShare: 0.3 },
  { parties: 6, issues: 10, options: 3, seed: 61, reservationShare: 0.5 },
];

describe('many-party points against enumeration', () => {
  it.each(shapes)(
    '$parties parties, $issues issues × $options options: the same packages and values as brute force',
    (shape) => {
      const domain = randomDomain(shape);
      expect(outcomeCount(domain)).toBeLessThanOrEqual(1e6);
      const ideal = idealPoint(domain);
      const objectives = SOLUTION_NAMES.map((n) => solutionObjective(domain, n, ideal)!);
      const brute = enumerateOutcomes(domain, objectives);
      expect(brute.visited).toBe(outcomeCount(domain));
      objectives.forEach((objective, k) => {
        const found = searchBest(domain, objective);
        const expected = brute.best[k]!;
        expect(found.certificate.proven).toBe(true);
        // Same tie-break, same summation order: the very same package and value.
        expect(found.best!.outcome).toEqual(expected.outcome);
        expect(found.best!.value).toBe(expected.value);
        expect(found.certificate.upperBound).toBe(expected.value);
      });
    },
    60_000,
  );
});

describe('search budgets', () => {
  // 10 parties, 10^50 packages: the egalitarian point is not proven within a fraction of a second.
  const hard = randomDomain({ issues: 50, options: 10, parties: 10, seed: 1, reservationShare: 0.3 });

  it('stops at its time limit and reports the best package with a valid bound', () => {
    const objective = solutionObjective(hard, 'egalitarian')!;
    const start = Date.now();
    const result = searchBest(hard, objective, { timeLimitMs: 300 });
    const elapsed = Date.now() - start;
    expect(result.certificate.proven).toBe(false);
    expect(elapsed).toBeLessThan(3000);
    const best = result.best!;
    expect(best.value).toBe(result.certificate.value);
    // The package is real and qualifies: its value recomputed from its utilities.
    const u = utilitiesOf(hard, best.outcome);
    expect(Math.min(...u.map((x, p) => x - hard.stakeholders[p]!.reservationValue))).toBe(best.value);
    expect(result.certificate.upperBound).toBeGreaterThan(best.value);
    expect(result.certificate.upperBound).toBe(result.certificate.rootBound);
  });

  it('stops at its node limit', () => {
    const objective = solutionObjective(hard, 'egalitarian')!;
    const result = searchBest(hard, objective, { nodeLimit: 50 });
    expect(result.certificate.proven).toBe(false);
    expect(result.certificate.nodes).toBe(51);
  });

  it('shares one budget across the whole analysis and marks what it could not prove', () => {
    const start = Date.now();
    const solutions = bargainingSolutions(hard, { timeLimitMs: 5000 });
    // Past the deadline a search only finishes its current node relaxation.
    expect(Date.now() - start).toBeLessThan(8000);
    const proven = SOLUTION_NAMES.map((n) => {
      const point = solutions.points[n];
      return 'candidate' in point ? point.certificate.proven : point.reason;
    });
    // Nash and welfare finish well inside the budget; the max-min points do not.
    expect(proven[0]).toBe(true);
    expect(proven[2]).toBe(true);
    expect(proven.filter((p) => p === false).length).toBeGreaterThanOrEqual(1);
  });

  it('reports every point unproven when the budget is spent before the searches start', () => {
    const solutions = bargainingSolutions(hard, { timeLimitMs: 0 });
    for (const name of SOLUTION_NAMES) {
      const point = solutions.points[name];
      if ('candidate' in point) expect(point.certificate.proven).toBe(false);
      else expect(point.reason).toMatch(/^not proven within budget/);
    }
  });
});
