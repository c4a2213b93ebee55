import { beats, objectiveValue, type Candidate } from '../objectives.ts';
import { partyIndices, type NegotiationDomain, type Outcome } from '../outcome-space.ts';
import { nondominated, paretoFrontier, type FrontierPoint, type FrontierResult } from '../pareto.ts';
import { solutionObjective, type SolutionName } from '../solutions.ts';

/**
 * Which definition of a bargaining point a report follows. Parley's own (the default) are the
 * textbook ones, computed exactly by the branch-and-bound (solutions.ts). The two others reproduce
 * the figures published with the research tools, computed over the Pareto frontier as those tools
 * compute them (written from their published definitions, not from their code):
 *
 * - `genius` (GENIUS BidSpace): Nash maximises Π(uᵢ − rvᵢ) over the frontier without requiring
 *   uᵢ ≥ rvᵢ (a product must exceed −1, GENIUS's starting value); Kalai–Smorodinsky is the
 *   frontier point with the smallest Σ over pairs i<j of |uᵢ − uⱼ| (no reservation values, no
 *   ideal point), provided it is below 2, GENIUS's starting value. GENIUS walks its frontier in
 *   ascending utility of the first party, and the first point found wins a tie.
 * - `negmas` (NegMAS): over the frontier points giving every party uᵢ ≥ rvᵢ, with rᵢ = max(rvᵢ,
 *   the party's worst utility) and bestᵢ its best utility over all outcomes, Nash maximises
 *   Π(uᵢ − rᵢ) and Kalai–Smorodinsky minimises the spread (max − min) of the normalised gains
 *   (uᵢ − rᵢ)/(bestᵢ − rᵢ). The first point in frontier order wins a tie.
 *
 * Neither tool defines maxWelfare or egalitarian differently, so those follow Parley's
 * definitions under every convention.
 */

export type Convention = 'parley' | 'genius' | 'negmas';
export const CONVENTIONS: Convention[] = ['parley', 'genius', 'negmas'];

const PARLEY: Record<SolutionName, string> = {
  nash: 'max Π(uᵢ − rvᵢ) over packages giving every party more than its reservation value',
  kalaiSmorodinsky:
    'max of the least (uᵢ − rvᵢ)/(idealᵢ − rvᵢ), ideal = best inside the agreement set (u ≥ rv)',
  maxWelfare: 'max Σuᵢ over the agreement set (u ≥ rv)',
  egalitarian: 'max of the least gain uᵢ − rvᵢ over the agreement set (u ≥ rv)',
};

/** The convention a point follows, and its definition in one line. */
export function conventionOf(
  convention: Convention,
  name: SolutionName,
): { convention: Convention; definition: string } {
  if (convention === 'genius' && name === 'nash')
    return {
      convention,
      definition: 'max Π(uᵢ − rvᵢ) over the Pareto frontier, gains may be negative (u < rv allowed)',
    };
  if (convention === 'genius' && name === 'kalaiSmorodinsky')
    return {
      convention,
      definition: 'the frontier point with the smallest Σ|uᵢ − uⱼ| over pairs, if below 2 (no rv, no ideal)',
    };
  if (convention === 'negmas' && name === 'nash')
    return {
      convention,
      definition: 'max Π(uᵢ − rᵢ) over frontier points with u ≥ rv, rᵢ = max(rvᵢ, worstᵢ)',
    };
  if (convention === 'negmas' && name === 'kalaiSmorodinsky')
    return {
      convention,
      definition:
        'min spread (max − min) of (uᵢ − rᵢ)/(bestᵢ − rᵢ) over frontier points with u ≥ rv, rᵢ = max(rvᵢ, worstᵢ)',
    };
  return { convention: 'parley', definition: PARLEY[name] };
}

/** Whether a point under this convention is computed over the frontier rather than searched. */
export const needsFrontier = (convention: Convention, name: SolutionName, capped: boolean) =>
  capped || conventionOf(convention, name).convention !== 'parley';

/** A party's utility: min(1, Σ scores) where its cap binds, Σ scores elsewhere. */
const capOf = (caps: readonly boolean[]) => (u: number, p: number) => (caps[p] ? Math.min(1, u) : u);

/**
 * The Pareto frontier of the parties' utilities with each capped party's utility at most 1.
 * Capping is monotone, so the capped frontier is the non-dominated part of the capped additive
 * frontier; packages with the same capped utilities count once (the lexicographically smallest
 * option indices represent them).
 */
export function cappedFrontier(domain: NegotiationDomain, caps: readonly boolean[]): FrontierResult {
  const frontier = paretoFrontier(domain);
  if (frontier.size === null || !caps.some(Boolean)) return frontier;
  const players = partyIndices(domain);
  const cap = capOf(caps);
  const points = frontier.points
    .map((p) => ({ outcome: p.outcome, utilities: p.utilities.map((u, d) => cap(u, players[d]!)) }))
    .sort((a, b) => compareOutcomes(a.outcome, b.outcome));
  const flat = Float64Array.from(points.flatMap((p) => p.utilities));
  const kept = nondominated(flat, points.length, players.length).map((k) => points[k]!);
  kept.sort((x, y) => {
    for (let d = 0; d < x.utilities.length; d++)
      if (x.utilities[d] !== y.utilities[d]) return y.utilities[d]! - x.utilities[d]!;
    return 0;
  });
  return { size: kept.length, points: kept, parties: frontier.parties };
}

function compareOutcomes(a: Outcome, b: Outcome): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

export type FrontierPointResult = { candidate: FrontierPoint } | { reason: string };

const EMPTY =
  'no package gives every required signatory at least its reservation value (the agreement set is empty)';

/**
 * One point under a convention, over the given (capped) frontier. Every stakeholder of a GENIUS
 * or GeniusWeb domain is a party, so frontier utilities are per stakeholder.
 */
export function frontierPoint(
  domain: NegotiationDomain,
  frontier: FrontierPoint[],
  caps: readonly boolean[],
  convention: Convention,
  name: SolutionName,
): FrontierPointResult {
  const rv = domain.stakeholders.map((s) => s.reservationValue);
  const rational = frontier.filter((p) => p.utilities.every((u, q) => u >= rv[q]!));
  const followed = conventionOf(convention, name).convention;
  if (followed === 'genius') {
    // GENIUS walks its frontier in ascending utility of the first party; the first best wins.
    const walk = [...frontier].reverse();
    if (name === 'nash') {
      const best = firstBest(walk, (u) => u.reduce((prod, x, q) => prod * (x - rv[q]!), 1), -1, 'max');
      return best ? { candidate: best } : { reason: 'no frontier point has a Nash product above −1' };
    }
    const spread = (u: number[]) => {
      let sum = 0;
      for (let i = 0; i < u.length; i++)
        for (let j = i + 1; j < u.length; j++) sum += Math.abs(u[i]! - u[j]!);
      return sum;
    };
    const best = firstBest(walk, spread, 2, 'min');
    if (best) return { candidate: best };
    const least = Math.min(...frontier.map((p) => spread(p.utilities)));
    return {
      reason: `no frontier point has Σ|uᵢ − uⱼ| below 2, where GENIUS starts its search (the least is ${least}); GENIUS reports none`,
    };
  }
  if (followed === 'negmas') {
    if (rational.length === 0) return { reason: EMPTY };
    const cap = capOf(caps);
    const worst = domain.stakeholders.map((s, q) => cap(sumOf(s.scores, Math.min), q));
    const top = domain.stakeholders.map((s, q) => cap(sumOf(s.scores, Math.max), q));
    const r = rv.map((v, q) => Math.max(v, worst[q]!));
    if (name === 'nash') {
      const best = firstBest(
        rational,
        (u) => u.reduce((prod, x, q) => prod * (x - r[q]!), 1),
        -Infinity,
        'max',
      );
      return { candidate: best! };
    }
    const flat = domain.stakeholders.findIndex((_, q) => !(top[q]! - r[q]! > 0));
    if (flat >= 0)
      return {
        reason: `party ${domain.stakeholders[flat]!.id} cannot gain above max(reservation value, worst utility) = ${r[flat]}, so its normalised gain is undefined (NegMAS then returns every frontier point)`,
      };
    const spread = (u: number[]) => {
      const g = u.map((x, q) => (x - r[q]!) / (top[q]! - r[q]!));
      return Math.max(...g) - Math.min(...g);
    };
    return { candidate: firstBest(rational, spread, Infinity, 'min')! };
  }
  // Parley's definitions over the frontier (where a cap makes utilities non-additive): the same
  // objective and tie-break as the branch-and-bound.
  if (rational.length === 0) return { reason: EMPTY };
  const ideal = domain.stakeholders.map((_, q) => Math.max(...rational.map((p) => p.utilities[q]!)));
  const objective = solutionObjective(domain, name, ideal);
  if (!objective)
    return { reason: 'every party gets exactly its reservation value in every package of the agreement set' };
  let best: Candidate | undefined;
  for (const p of rational) {
    const value = objectiveValue(domain, objective, p.outcome, p.utilities);
    const candidate = { outcome: p.outcome, utilities: p.utilities, value };
    if (value > -Infinity && beats(candidate, best)) best = candidate;
  }
  if (!best) return { reason: 'no package gives every party strictly more than its reservation value' };
  return { candidate: { outcome: best.outcome, utilities: best.utilities } };
}

const sumOf = (scores: number[][], pick: (...xs: number[]) => number) =>
  scores.reduce((s, row) => s + pick(...row), 0);

/** The first point whose value strictly beats the running best, starting from `start`. */
function firstBest(
  points: FrontierPoint[],
  value: (u: number[]) => number,
  start: number,
  direction: 'max' | 'min',
): FrontierPoint | undefined {
  let best: FrontierPoint | undefined;
  let bestValue = start;
  for (const p of points) {
    const v = value(p.utilities);
    if (direction === 'max' ? v > bestValue : v < bestValue) {
      best = p;
      bestValue = v;
    }
  }
  return best;
}
