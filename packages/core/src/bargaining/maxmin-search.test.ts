import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { marginObjective } from './agreement.ts';
import { domainArbitrary } from './arbitrary-domain.test-support.ts';
import { searchBest } from './branch-and-bound.ts';
import { undominatedOptions } from './dominance.ts';
import { enumerateOutcomes } from './enumerate.ts';
import { MaxminSearch } from './maxmin-search.ts';
import type { SearchObjective } from './objectives.ts';
import type { NegotiationDomain } from './outcome-space.ts';
import { randomDomain } from './random-domain.ts';
import { idealPoint, solutionObjective, SOLUTION_NAMES } from './solutions.ts';

/** Kalai–Smorodinsky, egalitarian and the agreement margin of a domain (those that exist). */
function maxminObjectives(domain: NegotiationDomain): SearchObjective[] {
  const ideal = idealPoint(domain);
  return [
    ...(['kalaiSmorodinsky', 'egalitarian'] as const).flatMap(
      (n) => solutionObjective(domain, n, ideal) ?? [],
    ),
    marginObjective(domain),
  ];
}

/** The same domain with issue `issue` reduced to option `option`. */
function forcing(domain: NegotiationDomain, issue: number, option: number): NegotiationDomain {
  return {
    issues: domain.issues.map((d, i) => (i === issue ? { ...d, options: [d.options[option]!] } : d)),
    stakeholders: domain.stakeholders.map((s) => ({
      ...s,
      scores: s.scores.map((row, i) => (i === issue ? [row[option]!] : row)),
      ...(s.obligedWhen?.issue === issue
        ? { obligedWhen: { issue, options: s.obligedWhen.options.includes(option) ? [0] : [] } }
        : {}),
    })),
  };
}

const slack = (v: number) => 1e-9 * Math.max(1, Math.abs(v));

describe('max-min LP bound', () => {
  it('is never below the best package, nor is any forced-option bound below the best package with that option', () => {
    fc.assert(
      fc.property(domainArbitrary(4), (domain) => {
        for (const objective of maxminObjectives(domain)) {
          const best = enumerateOutcomes(domain, [objective]).best[0];
          const { bound, forced } = new MaxminSearch(domain, objective, {}).rootRelaxation();
          if (best) expect(bound).toBeGreaterThanOrEqual(best.value - slack(best.value));
          for (const [issue, options] of forced) {
            for (const [option, forcedBound] of options) {
              const restricted = enumerateOutcomes(forcing(domain, issue, option), [objective]).best[0];
              if (restricted)
                expect(forcedBound).toBeGreaterThanOrEqual(restricted.value - slack(restricted.value));
            }
          }
        }
      }),
      { seed: 404, numRuns: 150 },
    );
  });

  it('equals the hull optimum on a domain where the LP splits one issue', () => {
    // Two parties, one issue: the package picks a side; mixing both halves gives each 0.5.
    const domain: NegotiationDomain = {
      issues: [{ name: 'split', options: ['x', 'y'] }],
      stakeholders: [
        { id: 'a', role: 'party', scores: [[1, 0]], reservationValue: 0 },
        { id: 'b', role: 'party', scores: [[0, 1]], reservationValue: 0 },
      ],
    };
    const { bound, forced } = new MaxminSearch(domain, marginObjective(domain), {}).rootRelaxation();
    expect(bound).toBeCloseTo(0.5, 12);
    // The optimal multipliers (½, ½) price both options alike: zero reduced cost, so the forced
    // bounds stay at 0.5 — valid (forcing gives 0) but loose; the branching closes the gap.
    expect(forced.get(0)!.get(0)).toBeCloseTo(0.5, 12);
    expect(forced.get(0)!.get(1)).toBeCloseTo(0.5, 12);
    expect(searchBest(domain, marginObjective(domain)).best!.value).toBe(0);
  });
});

describe('max-min search against enumeration', () => {
  it('finds the same packages with an LP, reduced-cost fixing and branching at every node', () => {
    fc.assert(
      fc.property(domainArbitrary(6), (domain) => {
        for (const objective of maxminObjectives(domain)) {
          const brute = enumerateOutcomes(domain, [objective]).best[0];
          const found = searchBest(domain, objective, { smallSubtree: 1 });
          expect(found.certificate.proven).toBe(true);
          expect(found.best?.outcome).toEqual(brute?.outcome);
          if (found.best && brute) {
            expect(Math.abs(found.best.value - brute.value)).toBeLessThanOrEqual(1e-12);
            expect(found.certificate.upperBound).toBeLessThanOrEqual(
              found.best.value + slack(found.best.value),
            );
          }
        }
      }),
      { seed: 1729, numRuns: 120 },
    );
  });

  it('certifies the exact agreement margin of a 30-issue, 5-party domain (10^30 packages)', () => {
    const domain = randomDomain({ issues: 30, options: 10, parties: 5, seed: 1 });
    const result = searchBest(domain, marginObjective(domain));
    expect(result.certificate.proven).toBe(true);
    // The value HiGHS's exact MILP reports for this instance (to its 1e-14 print precision).
    expect(result.certificate.value).toBeCloseTo(0.72628777241277, 13);
    expect(result.certificate.upperBound).toBe(result.certificate.value);
    expect(result.certificate.nodes).toBeLessThan(100_000);
  });
});

describe('dominance pruning', () => {
  it('keeps the exact best package of every objective when dominated options are dropped', () => {
    fc.assert(
      fc.property(domainArbitrary(4), (domain) => {
        const triggers = new Set(
          domain.stakeholders.flatMap((s) => (s.obligedWhen ? [s.obligedWhen.issue] : [])),
        );
        const kept = domain.issues.map((issue, i) => {
          const all = issue.options.map((_, j) => j);
          return triggers.has(i) ? all : undominatedOptions(domain, i, all);
        });
        const restricted: NegotiationDomain = {
          issues: domain.issues.map((issue, i) => ({
            ...issue,
            options: kept[i]!.map((j) => issue.options[j]!),
          })),
          stakeholders: domain.stakeholders.map((s) => ({
            ...s,
            scores: s.scores.map((row, i) => kept[i]!.map((j) => row[j]!)),
          })),
        };
        const ideal = idealPoint(domain);
        const objectives = [
          ...SOLUTION_NAMES.flatMap((n) => solutionObjective(domain, n, ideal) ?? []),
          marginObjective(domain),
        ];
        const full = enumerateOutcomes(domain, objectives).best;
        const pruned = enumerateOutcomes(restricted, objectives).best;
        objectives.forEach((_, k) => {
          const back = pruned[k]?.outcome.map((option, i) => kept[i]![option]!);
          expect(back).toEqual(full[k]?.outcome);
        });
      }),
      { seed: 99, numRuns: 150 },
    );
  });

  it('drops an option another matches or beats for everyone, keeping the first of identical twins', () => {
    const domain: NegotiationDomain = {
      issues: [{ name: 'i', options: ['a', 'b', 'c', 'd'] }],
      stakeholders: [
        { id: 'x', role: 'party', scores: [[0.5, 0.4, 0.5, 0.9]], reservationValue: 0 },
        { id: 'y', role: 'party', scores: [[0.5, 0.5, 0.5, 0.1]], reservationValue: 0 },
      ],
    };
    // b is beaten by a; c is a's identical twin; d trades off against a.
    expect(undominatedOptions(domain, 0, [0, 1, 2, 3])).toEqual([0, 3]);
  });
});
