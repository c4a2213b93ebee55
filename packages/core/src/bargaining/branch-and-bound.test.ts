import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementSet, marginObjective } from './agreement.ts';
import { searchBest } from './branch-and-bound.ts';
import { enumerateOutcomes } from './enumerate.ts';
import { domainArbitrary } from './arbitrary-domain.test-support.ts';
import type { NegotiationDomain } from './outcome-space.ts';
import { randomDomain } from './random-domain.ts';
import { idealPoint, solutionObjective, SOLUTION_NAMES } from './solutions.ts';

const close = (a: number[] | undefined, b: number[] | undefined) =>
  a === undefined || b === undefined
    ? a === b
    : a.length === b.length && a.every((x, k) => Math.abs(x - b[k]!) <= 1e-9);

describe('branch-and-bound against enumeration', () => {
  it('finds the same Nash, Kalai–Smorodinsky, welfare and egalitarian packages (utilities within 1e-9)', () => {
    fc.assert(
      fc.property(domainArbitrary(), (domain) => {
        const ideal = idealPoint(domain);
        const objectives = SOLUTION_NAMES.flatMap((n) => solutionObjective(domain, n, ideal) ?? []);
        const brute = enumerateOutcomes(domain, objectives);
        objectives.forEach((objective, k) => {
          const found = searchBest(domain, objective);
          expect(close(found.best?.utilities, brute.best[k]?.utilities)).toBe(true);
          expect(found.certificate.proven).toBe(true);
          if (found.best) {
            // The certificate proves optimality: nothing above the found value.
            expect(found.certificate.upperBound).toBeLessThanOrEqual(
              found.best.value + 1e-9 * Math.max(1, Math.abs(found.best.value)),
            );
          }
        });
      }),
      { seed: 20220329, numRuns: 150 },
    );
  });

  it('computes the exact agreement margin, guarantor obligations included', () => {
    fc.assert(
      fc.property(domainArbitrary(), (domain) => {
        const brute = enumerateOutcomes(domain, [marginObjective(domain)]).best[0]!;
        const set = agreementSet(domain);
        expect(Math.abs(set.margin - brute.value)).toBeLessThanOrEqual(1e-12);
        expect(set.open).toBe(brute.value >= -1e-12);
      }),
      { seed: 7, numRuns: 150 },
    );
  });

  it('respects a fixed issue', () => {
    const domain = randomDomain({ issues: 5, options: 4, parties: 2, seed: 3 });
    const objective = solutionObjective(domain, 'nash')!;
    const fixed = new Map([[2, 3]]);
    const found = searchBest(domain, objective, { fixed })!.best!;
    expect(found.outcome[2]).toBe(3);
    const restricted: NegotiationDomain = {
      ...domain,
      stakeholders: domain.stakeholders.map((s) => ({
        ...s,
        scores: s.scores.map((row, i) => (i === 2 ? row.map((v, j) => (j === 3 ? v : -1e9)) : row)),
      })),
    };
    expect(found.utilities).toEqual(enumerateOutcomes(restricted, [objective]).best[0]!.utilities);
  });

  it('certifies the exact Nash point of a 30-issue, 3-party domain without enumerating it', () => {
    const domain = randomDomain({ issues: 30, options: 6, parties: 3, seed: 11 });
    const result = searchBest(domain, solutionObjective(domain, 'nash')!);
    expect(result.certificate.proven).toBe(true);
    expect(result.certificate.upperBound).toBe(result.certificate.value);
    expect(result.certificate.rootBound).toBeGreaterThanOrEqual(result.certificate.value);
    // 6^30 ≈ 2·10^23 packages; the search visits a few thousand nodes at most.
    expect(result.certificate.nodes).toBeLessThan(20_000);
  });

  it('reports no point and a proven empty agreement set when reservation values cannot all be met', () => {
    const domain: NegotiationDomain = {
      issues: [{ name: 'split', options: ['a', 'b'] }],
      stakeholders: [
        { id: 'x', role: 'party', scores: [[1, 0]], reservationValue: 0.6 },
        { id: 'y', role: 'party', scores: [[0, 1]], reservationValue: 0.6 },
      ],
    };
    const result = searchBest(domain, solutionObjective(domain, 'nash')!);
    expect(result.best).toBeUndefined();
    expect(result.certificate.proven).toBe(true);
    expect(result.certificate.upperBound).toBe(-Infinity);
    expect(agreementSet(domain).margin).toBeCloseTo(-0.6, 12);
  });
});
