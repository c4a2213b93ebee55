import { searchBest } from './branch-and-bound.ts';
import { deadlineOf, type OptimalityCertificate, type SearchOptions } from './incumbent.ts';
import type { Candidate, SearchObjective } from './objectives.ts';
import { partyIndices, type NegotiationDomain } from './outcome-space.ts';

/**
 * The classic bargaining solutions, each as a package (not only its utilities), computed over the
 * agreement set: packages that give every required signatory at least its reservation value.
 * The disagreement point d is the vector of reservation values.
 *
 * - Nash: maximises the product of the parties' gains over d (only packages with every gain > 0).
 * - Kalai–Smorodinsky: maximises the least normalised gain (u − d)/(ideal − d), where a party's
 *   ideal is the best it can get inside the agreement set (a party whose ideal equals d is left
 *   out of the minimum).
 * - maxWelfare (utilitarian): maximises the sum of the parties' utilities.
 * - egalitarian: maximises the least absolute gain u − d.
 *
 * Ties (within 1e-12, relative) go to the lexicographically larger utility vector, then to the
 * lexicographically smaller option indices (see beats in objectives.ts).
 */

export type SolutionName = 'nash' | 'kalaiSmorodinsky' | 'maxWelfare' | 'egalitarian';
export const SOLUTION_NAMES: SolutionName[] = ['nash', 'kalaiSmorodinsky', 'maxWelfare', 'egalitarian'];

export interface SolutionPoint {
  candidate: Candidate;
  certificate: OptimalityCertificate;
}

export type SolutionOutcome = SolutionPoint | { reason: string; certificate?: OptimalityCertificate };

export interface BargainingSolutions {
  /** Best utility of each party inside the agreement set (undefined when it is empty). */
  ideal?: number[];
  points: Record<SolutionName, SolutionOutcome>;
}

const weightsFor = (domain: NegotiationDomain, weight: (p: number) => number) =>
  domain.stakeholders.map((s, p) => (s.role === 'party' ? weight(p) : 0));

export const thresholdsOf = (domain: NegotiationDomain) => domain.stakeholders.map((s) => s.reservationValue);

/** The objective of one solution concept; KS needs the parties' ideal utilities. */
export function solutionObjective(
  domain: NegotiationDomain,
  name: SolutionName,
  ideal?: number[],
): SearchObjective | undefined {
  const thresholds = thresholdsOf(domain);
  switch (name) {
    case 'nash':
      return { kind: 'nash', weights: weightsFor(domain, () => 1), thresholds, enforceReservation: true };
    case 'maxWelfare':
      return { kind: 'linear', weights: weightsFor(domain, () => 1), thresholds, enforceReservation: true };
    case 'egalitarian':
      return { kind: 'maxmin', weights: weightsFor(domain, () => 1), thresholds, enforceReservation: true };
    case 'kalaiSmorodinsky': {
      if (!ideal) return undefined;
      const weights = weightsFor(domain, (p) => {
        const range = ideal[p]! - thresholds[p]!;
        return range > 0 ? 1 / range : 0;
      });
      if (weights.every((w) => w === 0)) return undefined;
      return { kind: 'maxmin', weights, thresholds, enforceReservation: true };
    }
  }
}

/** Best utility of party p over the agreement set. */
export function idealObjective(domain: NegotiationDomain, p: number): SearchObjective {
  return {
    kind: 'linear',
    weights: domain.stakeholders.map((_, q) => (q === p ? 1 : 0)),
    thresholds: thresholdsOf(domain),
    enforceReservation: true,
  };
}

export function idealPoint(domain: NegotiationDomain, options: SearchOptions = {}): number[] | undefined {
  return provenIdealPoint(domain, options).ideal;
}

/**
 * The ideal point and whether every party's best was proven (a search stopped by its budget
 * gives a lower estimate, and a Kalai–Smorodinsky point built on it is not proven either).
 */
export function provenIdealPoint(
  domain: NegotiationDomain,
  options: SearchOptions = {},
): { ideal?: number[]; proven: boolean } {
  const ideal = domain.stakeholders.map(() => 0);
  let proven = true;
  for (const p of partyIndices(domain)) {
    const result = searchBest(domain, idealObjective(domain, p), options);
    proven &&= result.certificate.proven;
    if (!result.best) return { proven };
    ideal[p] = result.best.utilities[p]!;
  }
  return { ideal, proven };
}

const EMPTY =
  'no package gives every required signatory at least its reservation value (the agreement set is empty)';

const MAXMIN = new Set<SolutionName>(['kalaiSmorodinsky', 'egalitarian']);
const OUT_OF_BUDGET = 'not proven within budget: the search stopped before it found a qualifying package';

export function bargainingSolutions(
  domain: NegotiationDomain,
  options: SearchOptions = {},
  which: SolutionName[] = SOLUTION_NAMES,
): BargainingSolutions {
  // One budget for the whole analysis (ideal point and every point), so it never runs past it.
  const budget: SearchOptions = { ...options, deadline: deadlineOf(options) };
  const { ideal, proven: idealProven } = provenIdealPoint(domain, budget);
  const points = {} as Record<SolutionName, SolutionOutcome>;
  const wanted = SOLUTION_NAMES.filter((n) => which.includes(n));
  // Report order, whatever the order of the searches.
  for (const name of wanted) points[name] = { reason: OUT_OF_BUDGET };
  // The quick points first; each search gets a fair share of what is left, so one hard max-min
  // point cannot leave the next without any time.
  const queue = [...wanted].sort((x, y) => Number(MAXMIN.has(x)) - Number(MAXMIN.has(y)));
  for (const [k, name] of queue.entries()) {
    const left = budget.deadline! - Date.now();
    const share: SearchOptions = { ...budget, deadline: Date.now() + Math.max(0, left) / (queue.length - k) };
    if (!ideal) {
      points[name] = { reason: idealProven ? EMPTY : OUT_OF_BUDGET };
      continue;
    }
    const objective = solutionObjective(domain, name, ideal);
    if (!objective) {
      points[name] = {
        reason: 'every party gets exactly its reservation value in every package of the agreement set',
      };
      continue;
    }
    const result = searchBest(domain, objective, share);
    // KS is defined by the ideal point: an unproven ideal leaves the point unproven too.
    if (name === 'kalaiSmorodinsky' && !idealProven) result.certificate.proven = false;
    points[name] = result.best
      ? { candidate: result.best, certificate: result.certificate }
      : {
          reason: !result.certificate.proven
            ? OUT_OF_BUDGET
            : name === 'nash'
              ? 'no package gives every party strictly more than its reservation value'
              : EMPTY,
          certificate: result.certificate,
        };
  }
  return { ideal, points };
}
