import type { Candidate } from '../objectives.ts';
import type { FrontierPoint } from '../pareto.ts';
import {
  searchInteracting,
  type InteractingBudget,
  type InteractingCertificate,
  type InteractingObjective,
} from './interacting-search.ts';
import type { InteractingDomain } from './interacting-utility.ts';

/**
 * The exact two-party Pareto frontier and the bargaining points of an interacting domain.
 *
 * Frontier (ε-constraint sweep): the first point maximises party A's utility; each next one
 * maximises A's utility among packages that give B more than the previous point gave B, then B's
 * utility among those that keep A's (so ties on A do not cost extra steps). Every
 * sweep step is an exact branch-and-bound, so every frontier vector is found (a frontier point q
 * is weakly dominated by the first step whose threshold lies below q's utility for B, hence equal
 * to it); steps that returned a weakly dominated package (a tie on A) are dropped at the end.
 *
 * Points, over the agreement set (every profile at least its reservation value):
 * Nash and max-welfare by branch-and-bound with a certificate; Kalai–Smorodinsky and egalitarian
 * (max-min points, whose optimum some Pareto point attains) picked from the exact frontier.
 */

export type InteractingFrontier =
  | { size: number; points: FrontierPoint[]; proven: true; searches: number; nodes: number }
  | { size: null; reason: string; points: FrontierPoint[]; proven: false; searches: number; nodes: number };

/** Two frontier utilities closer than this count as one point. */
export const FRONTIER_STEP = 1e-12;

export function interactingFrontier(
  domain: InteractingDomain,
  parties: [number, number] = firstTwoParties(domain),
  budget: InteractingBudget & { maxPoints?: number } = {},
): InteractingFrontier {
  const [a, b] = parties;
  const started = performance.now();
  const found: Candidate[] = [];
  let nodes = 0;
  let threshold = -Infinity;
  const maxPoints = budget.maxPoints ?? 100_000;
  for (;;) {
    const left =
      budget.timeLimitMs === undefined ? undefined : budget.timeLimitMs - (performance.now() - started);
    const floors = domain.profiles.map(() => -Infinity);
    floors[b] =
      threshold === -Infinity ? -Infinity : threshold + FRONTIER_STEP * Math.max(1, Math.abs(threshold));
    const weights = domain.profiles.map((_, q) => (q === a ? 1 : 0));
    const step = searchInteracting(
      domain,
      { kind: 'linear', weights, thresholds: weights.map(() => 0), floors },
      { nodeLimit: budget.nodeLimit, timeLimitMs: left },
    );
    nodes += step.certificate.nodes;
    // Among the packages that reach A's best, take the best for B: a Pareto point, not a tie.
    let refined = step;
    if (step.best && step.certificate.proven) {
      const bestA = step.best.utilities[a]!;
      floors[a] = bestA - FRONTIER_STEP * Math.max(1, Math.abs(bestA));
      refined = searchInteracting(
        domain,
        {
          kind: 'linear',
          weights: weights.map((_, q) => (q === b ? 1 : 0)),
          thresholds: weights.map(() => 0),
          floors,
        },
        { nodeLimit: budget.nodeLimit, timeLimitMs: left },
      );
      nodes += refined.certificate.nodes;
    }
    const points = () => keepNondominated(found, a, b);
    if (!step.certificate.proven || !refined.certificate.proven || (left !== undefined && left <= 0))
      return {
        size: null,
        reason: `the frontier sweep ran out of its budget after ${found.length} steps (${nodes} nodes); the points listed are exact frontier points found so far`,
        points: points(),
        proven: false,
        searches: 2 * found.length + 1,
        nodes,
      };
    if (!refined.best) break;
    found.push(refined.best);
    threshold = refined.best.utilities[b]!;
    if (found.length >= maxPoints)
      return {
        size: null,
        reason: `the frontier has more than ${maxPoints} points`,
        points: points(),
        proven: false,
        searches: 2 * found.length,
        nodes,
      };
  }
  const points = keepNondominated(found, a, b);
  return { size: points.length, points, proven: true, searches: 2 * found.length + 1, nodes };
}

function firstTwoParties(domain: InteractingDomain): [number, number] {
  const parties = domain.profiles.flatMap((p, q) => (p.role === 'party' ? [q] : []));
  if (parties.length !== 2) throw new Error(`the exact frontier needs two parties, not ${parties.length}`);
  return [parties[0]!, parties[1]!];
}

/** Sweep results arrive with A non-increasing and B increasing; drop those a later one covers. */
function keepNondominated(found: Candidate[], a: number, b: number): FrontierPoint[] {
  return found
    .filter((c, k) => {
      const next = found[k + 1];
      return (
        !next || next.utilities[a]! < c.utilities[a]! - FRONTIER_STEP * Math.max(1, Math.abs(c.utilities[a]!))
      );
    })
    .map((c) => ({ utilities: [c.utilities[a]!, c.utilities[b]!], outcome: c.outcome }));
}

export type InteractingPoint =
  | { candidate: Candidate; certificate?: InteractingCertificate; method: 'branch-and-bound' | 'frontier' }
  | { reason: string; certificate?: InteractingCertificate; method: 'branch-and-bound' | 'frontier' };

export interface InteractingSolutions {
  ideal?: number[];
  nash: InteractingPoint;
  maxWelfare: InteractingPoint;
  kalaiSmorodinsky: InteractingPoint;
  egalitarian: InteractingPoint;
}

const partyWeights = (domain: InteractingDomain) => domain.profiles.map((p) => (p.role === 'party' ? 1 : 0));
const reservations = (domain: InteractingDomain) => domain.profiles.map((p) => p.reservationValue);

function searched(
  domain: InteractingDomain,
  objective: InteractingObjective,
  budget: InteractingBudget,
  empty: string,
): InteractingPoint {
  const result = searchInteracting(domain, objective, budget);
  if (result.best)
    return { candidate: result.best, certificate: result.certificate, method: 'branch-and-bound' };
  return {
    reason: result.certificate.proven
      ? empty
      : 'not proven within the search budget; no qualifying package found',
    certificate: result.certificate,
    method: 'branch-and-bound',
  };
}

export function interactingSolutions(
  domain: InteractingDomain,
  frontier?: InteractingFrontier,
  budget: InteractingBudget = {},
): InteractingSolutions {
  const weights = partyWeights(domain);
  const floors = reservations(domain);
  const nash = searched(
    domain,
    { kind: 'nash', weights, thresholds: floors, floors },
    budget,
    'no package gives every party more than its reservation value',
  );
  const maxWelfare = searched(
    domain,
    { kind: 'linear', weights, thresholds: floors, floors },
    budget,
    'no package gives every profile its reservation value',
  );
  const idealSearches = domain.profiles.map((p, q) =>
    p.role === 'party'
      ? searchInteracting(
          domain,
          { kind: 'linear', weights: weights.map((_, r) => (r === q ? 1 : 0)), thresholds: floors, floors },
          budget,
        )
      : undefined,
  );
  const ideal = idealSearches.some((s) => s && !s.best)
    ? undefined
    : idealSearches.map((s, q) => s?.best?.utilities[q] ?? floors[q]!);
  const fromFrontier = (which: 'ks' | 'egalitarian'): InteractingPoint => {
    if (domain.profiles.some((p) => p.role !== 'party'))
      return {
        reason: 'picked from the two-party frontier, which needs every profile to be a party',
        method: 'frontier',
      };
    if (!frontier || !frontier.proven)
      return { reason: 'picked from the exact Pareto frontier, which was not computed', method: 'frontier' };
    if (!ideal) return { reason: 'the agreement set is empty', method: 'frontier' };
    let best: { point: (typeof frontier.points)[number]; value: number } | undefined;
    for (const point of frontier.points) {
      if (point.utilities.some((u, q) => u < floors[q]!)) continue;
      let least = Infinity;
      point.utilities.forEach((u, q) => {
        const span = ideal[q]! - floors[q]!;
        if (which === 'egalitarian') least = Math.min(least, u - floors[q]!);
        else if (span > 0) least = Math.min(least, (u - floors[q]!) / span);
      });
      if (!best || least > best.value) best = { point, value: least };
    }
    if (!best) return { reason: 'the agreement set is empty', method: 'frontier' };
    return {
      candidate: { outcome: best.point.outcome, utilities: best.point.utilities, value: best.value },
      method: 'frontier',
    };
  };
  return {
    ideal,
    nash,
    maxWelfare,
    kalaiSmorodinsky: fromFrontier('ks'),
    egalitarian: fromFrontier('egalitarian'),
  };
}
