import { SeededRandom } from '../random/seeded-random.ts';
import { searchBest } from './branch-and-bound.ts';
import { deadlineOf, type OptimalityCertificate, type SearchOptions } from './incumbent.ts';
import type { SearchObjective } from './objectives.ts';
import { partyIndices, utilitiesOf, type NegotiationDomain, type Outcome } from './outcome-space.ts';

/**
 * What an analyst can use when the Pareto frontier of three or more parties is too large to list:
 * frontier points found one at a time by scalarisation, each proven Pareto-optimal by the exact
 * search (branch-and-bound.ts), never sampled from enumerated packages.
 *
 * - Weighted sum: the best package for Σ_p λ_p·u_p/range_p with every λ_p > 0. Separable, so
 *   proven at once; it reaches only supported frontier points (on the convex hull).
 * - Chebyshev: the best package for min_p λ_p·(u_p − z_p)/range_p (the max-min search), then
 *   "polished": the best Σ_p u_p/range_p among packages giving every party at least that much.
 *   Every frontier point is the Chebyshev optimum for some λ, unsupported ones included.
 *
 * The polish is what makes a point Pareto-optimal: any package at least as good for every party
 * and better for one would have a larger sum, and the search proved none has. range_p is the span
 * between party p's worst and best package, so λ spreads evenly over normalised utilities.
 * Guarantors play no part (the frontier is the parties').
 */

export type Scalarisation = 'weighted-sum' | 'chebyshev';

export interface ProvenFrontierPoint {
  outcome: Outcome;
  /** Utility of every stakeholder, in domain order. */
  utilities: number[];
  /** λ per stakeholder (0 for non-parties), summing to 1 over the parties. */
  direction: number[];
  /** True when the searches finished: the point is proven Pareto-optimal. */
  proven: boolean;
  /** The certificate of the search that proves Pareto-optimality (the weighted sum or the polish). */
  certificate: OptimalityCertificate;
}

export interface FrontierSample {
  method: Scalarisation;
  points: ProvenFrontierPoint[];
  /** Directions not answered: the budget ran out before or during their search. */
  unanswered: number;
  guarantee: string;
}

export const SAMPLE_GUARANTEE: Record<Scalarisation, string> = {
  'weighted-sum':
    'each point maximises a strictly positive weighted sum of the parties’ normalised utilities (proven by the exact search), so no package is at least as good for every party and better for one; weighted sums reach only frontier points on its convex hull, and the sample is spread over directions, not guaranteed within any distance of every frontier point',
  chebyshev:
    'each point is the proven best sum of normalised utilities among packages at least as good for every party as a Chebyshev optimum, so no package is at least as good for every party and better for one; any frontier point is reachable, and the sample is spread over directions, not guaranteed within any distance of every frontier point',
};

/** Worst and best utility of each stakeholder over all packages (additive: issue by issue). */
export function utilityRanges(domain: NegotiationDomain): { worst: number[]; range: number[] } {
  const worst = domain.stakeholders.map((s) => s.scores.reduce((sum, row) => sum + Math.min(...row), 0));
  const best = domain.stakeholders.map((s) => s.scores.reduce((sum, row) => sum + Math.max(...row), 0));
  return { worst, range: best.map((b, q) => (b - worst[q]! > 0 ? b - worst[q]! : 1)) };
}

/**
 * `count` directions over the parties: the balanced one, then one leaning on each party, then
 * seeded uniform draws from the simplex. Every component is strictly positive.
 */
export function spreadDirections(domain: NegotiationDomain, count: number, seed = 1): number[][] {
  const parties = partyIndices(domain);
  const m = parties.length;
  const out: number[][] = [];
  const widen = (lambda: number[]) => {
    const full = domain.stakeholders.map(() => 0);
    parties.forEach((p, k) => {
      full[p] = lambda[k]!;
    });
    out.push(full);
  };
  if (m === 0) return out;
  widen(parties.map(() => 1 / m));
  const lean = 0.9;
  for (let k = 0; k < m && out.length < count; k++)
    widen(parties.map((_, j) => (j === k ? lean : (1 - lean) / (m - 1 || 1))));
  const random = new SeededRandom(seed);
  while (out.length < count) {
    // Normalised exponential draws are uniform on the simplex; the floor keeps every λ > 0.
    const draws = parties.map(() => -Math.log(Math.max(random.float(), 1e-12)) + 1e-6);
    const total = draws.reduce((s, x) => s + x, 0);
    widen(draws.map((x) => x / total));
  }
  return out.slice(0, count);
}

const linearObjective = (weights: number[], thresholds: number[], enforce: boolean): SearchObjective => ({
  kind: 'linear',
  weights,
  thresholds,
  enforceReservation: enforce,
});

/** The best weighted sum for one direction: proven Pareto-optimal when the search finished. */
export function weightedSumPoint(
  domain: NegotiationDomain,
  direction: number[],
  options: SearchOptions = {},
): ProvenFrontierPoint | undefined {
  const { range } = utilityRanges(domain);
  const weights = direction.map((l, q) => l / range[q]!);
  const result = searchBest(
    domain,
    linearObjective(
      weights,
      weights.map(() => 0),
      false,
    ),
    options,
  );
  if (!result.best) return undefined;
  return {
    outcome: result.best.outcome,
    utilities: result.best.utilities,
    direction,
    proven: result.certificate.proven,
    certificate: result.certificate,
  };
}

/**
 * The Pareto-optimal package that keeps every party at least as well off as `floor` and has the
 * largest sum of normalised utilities. `start` (meeting the floor) seeds the search.
 */
export function polish(
  domain: NegotiationDomain,
  start: Outcome,
  options: SearchOptions = {},
): { outcome: Outcome; utilities: number[]; certificate: OptimalityCertificate } {
  const { worst, range } = utilityRanges(domain);
  const parties = new Set(partyIndices(domain));
  const floor = utilitiesOf(domain, start);
  const weights = domain.stakeholders.map((_, q) => (parties.has(q) ? 1 / range[q]! : 0));
  // Non-parties get their worst utility as threshold: never binding.
  const thresholds = floor.map((u, q) => (parties.has(q) ? u : worst[q]!));
  const result = searchBest(domain, linearObjective(weights, thresholds, true), {
    ...options,
    feasible: start,
  });
  const best = result.best ?? { outcome: start, utilities: floor };
  return { outcome: best.outcome, utilities: best.utilities, certificate: result.certificate };
}

/**
 * The Chebyshev optimum for one direction from reference utilities `reference`, polished to a
 * Pareto-optimal package. `improvement` is the optimum's value t = min_p λ_p·(u_p − z_p)/range_p
 * (the polish only raises utilities), `improvementProven` whether t is proven the largest.
 */
export function chebyshevPoint(
  domain: NegotiationDomain,
  direction: number[],
  reference: number[],
  options: SearchOptions = {},
): (ProvenFrontierPoint & { improvement: number; improvementProven: boolean }) | undefined {
  const budget: SearchOptions = { ...options, deadline: deadlineOf(options) };
  const { range } = utilityRanges(domain);
  const weights = direction.map((l, q) => l / range[q]!);
  const objective: SearchObjective = {
    kind: 'maxmin',
    weights,
    thresholds: reference,
    enforceReservation: false,
  };
  const first = searchBest(domain, objective, budget);
  if (!first.best) return undefined;
  const polished = polish(domain, first.best.outcome, budget);
  return {
    outcome: polished.outcome,
    utilities: polished.utilities,
    direction,
    proven: polished.certificate.proven,
    certificate: polished.certificate,
    improvement: first.best.value,
    improvementProven: first.certificate.proven,
  };
}

/** A spread of proven frontier points; one budget for the whole sample. */
export function frontierSample(
  domain: NegotiationDomain,
  count: number,
  method: Scalarisation = 'weighted-sum',
  options: SearchOptions = {},
): FrontierSample {
  const budget: SearchOptions = { ...options, deadline: deadlineOf(options) };
  const { worst } = utilityRanges(domain);
  const points: ProvenFrontierPoint[] = [];
  const seen = new Set<string>();
  let unanswered = 0;
  for (const direction of spreadDirections(domain, count)) {
    if (Date.now() > budget.deadline!) {
      unanswered++;
      continue;
    }
    const point =
      method === 'weighted-sum'
        ? weightedSumPoint(domain, direction, budget)
        : chebyshevPoint(domain, direction, worst, budget);
    if (!point) {
      unanswered++;
      continue;
    }
    const key = point.outcome.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    points.push(point);
  }
  return { method, points, unanswered, guarantee: SAMPLE_GUARANTEE[method] };
}

/**
 * The frontier point nearest a proposed package: the Chebyshev optimum from the package's own
 * utilities with equal λ (the largest gain every party gets at once, as a share of its utility
 * range: `share`), polished. When the package is already Pareto-optimal, the improvement is 0 and the
 * answer has the package's utilities.
 */
export function nearestFrontierPoint(
  domain: NegotiationDomain,
  proposal: Outcome,
  options: SearchOptions = {},
): (ProvenFrontierPoint & { share: number; shareProven: boolean }) | undefined {
  const parties = partyIndices(domain);
  const direction = domain.stakeholders.map((_, q) => (parties.includes(q) ? 1 / parties.length : 0));
  const found = chebyshevPoint(domain, direction, utilitiesOf(domain, proposal), options);
  if (!found) return undefined;
  const { improvement, improvementProven, ...point } = found;
  // With equal λ = 1/m, t·m is the least gain of any party as a share of its range.
  return { ...point, share: improvement * parties.length, shareProven: improvementProven };
}
