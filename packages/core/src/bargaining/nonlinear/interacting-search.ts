import { beats, type Candidate } from '../objectives.ts';
import type { Outcome } from '../outcome-space.ts';
import {
  scaled,
  utilitiesOfPackage,
  type InteractingDomain,
  type InteractingProfile,
} from './interacting-utility.ts';
import { RectangleBounds } from './rectangle-bounds.ts';

/**
 * Exact branch-and-bound over an interacting domain (additive part + hyper-rectangle terms).
 *
 * Issues are fixed one at a time, the issues that the most terms constrain first; at each node the
 * objective is bounded from each profile's bound (rectangle-bounds.ts) and a subtree whose bound
 * cannot beat the best package found is pruned. Children are visited best bound first, so the
 * first leaf is a good incumbent. When the search finishes, the best package is optimal and the
 * certificate's upperBound (the largest bound of anything pruned, or the best value) proves it;
 * when the node or time budget runs out, it says "not proven" and still gives a valid upper bound.
 */

export interface InteractingObjective {
  /** `linear`: Σ weight × utility. `nash`: Σ over weighted profiles of log(utility − threshold). */
  kind: 'linear' | 'nash';
  weights: number[];
  thresholds: number[];
  /** Per profile: a package qualifies only when its utility is at least this (−Infinity: none). */
  floors: number[];
}

export interface InteractingCertificate {
  proven: boolean;
  value: number;
  upperBound: number;
  nodes: number;
}

export interface InteractingResult {
  best?: Candidate;
  certificate: InteractingCertificate;
}

export interface InteractingBudget {
  /** Default 2e7 nodes. */
  nodeLimit?: number;
  /** Milliseconds from the start of the search; default none. */
  timeLimitMs?: number;
}

/**
 * Bound slack for the bounds' sums, added in another order than a package's utility (a few ulps
 * apart), and the margin under which a subtree whose bound ties the best package is pruned: a
 * subtree is searched only if it may beat the best by more than PRUNE_MARGIN (relative), so
 * plateaus of equal utility are not walked. Both are far below any difference a report shows.
 */
const BOUND_SLACK = 1e-12;
const PRUNE_MARGIN = 1e-10;

export function objectiveOfUtilities(objective: InteractingObjective, utilities: ArrayLike<number>): number {
  for (let q = 0; q < utilities.length; q++) if (utilities[q]! < objective.floors[q]!) return -Infinity;
  let sum = 0;
  for (let q = 0; q < utilities.length; q++) {
    const w = objective.weights[q]!;
    if (w === 0) continue;
    if (objective.kind === 'linear') sum += w * utilities[q]!;
    else {
      const gain = utilities[q]! - objective.thresholds[q]!;
      if (!(gain > 0)) return -Infinity;
      sum += Math.log(gain);
    }
  }
  return sum;
}

/** No package gives the profile less raw utility than this. */
function leastRaw(p: InteractingProfile): number {
  let least = p.constant;
  for (const row of p.scores) least += Math.min(...row);
  for (const t of p.terms) if (t.value < 0) least += t.value;
  return least;
}

/** The order the search fixes issues in: the most constrained first, then document order. */
export function searchOrder(domain: InteractingDomain): number[] {
  const terms = domain.issues.map((_, i) => RectangleBounds.termsOn(domain, i));
  return domain.issues.map((_, i) => i).sort((a, b) => terms[b]! - terms[a]! || a - b);
}

/**
 * Per issue, one option of each class of interchangeable options: options with the same score
 * for every profile that lie inside the same term boxes give every package the same utilities,
 * so the search branches on one of them (the first). An issue no term bounds and every profile
 * scores flat has a single class.
 */
export function distinctOptions(domain: InteractingDomain, relevant: boolean[]): number[][] {
  const profiles = domain.profiles.filter((_, q) => relevant[q]);
  return domain.issues.map((issue, i) => {
    const seen = new Set<string>();
    const keep: number[] = [];
    issue.options.forEach((_, o) => {
      const key = profiles
        .map(
          (p) =>
            `${p.scores[i]![o]}|${p.terms
              .flatMap((t) =>
                t.bounds.filter((b) => b.issue === i).map((b) => (o >= b.lo && o <= b.hi ? 1 : 0)),
              )
              .join('')}`,
        )
        .join(';');
      if (!seen.has(key)) {
        seen.add(key);
        keep.push(o);
      }
    });
    return keep;
  });
}

export function searchInteracting(
  domain: InteractingDomain,
  objective: InteractingObjective,
  budget: InteractingBudget = {},
): InteractingResult {
  const order = searchOrder(domain);
  const bounds = new RectangleBounds(domain, order);
  // A profile matters to this search when the objective counts it or its floor can bind.
  const relevant = domain.profiles.map(
    (p, q) => objective.weights[q] !== 0 || objective.floors[q]! > scaled(p, leastRaw(p)),
  );
  const options = distinctOptions(domain, relevant);
  const profiles = domain.profiles;
  const upper = new Float64Array(profiles.length);
  const unconstrained = { ...objective, floors: objective.floors.map(() => -Infinity) };
  const slack = (x: number) => x + BOUND_SLACK * Math.max(1, Math.abs(x));
  const weights = new Float64Array(profiles.length);
  // Profiles held to a floor without counting in the objective (the frontier sweep's other
  // party): their floor enters the bound as a Lagrangian term λ × (utility − floor).
  const floored = profiles.flatMap((_, q) =>
    objective.floors[q]! > -Infinity && objective.weights[q] === 0 ? [q] : [],
  );
  const lambdas = floored.length > 0 ? [0.5, 2] : [];
  const players = profiles.flatMap((_, q) => (objective.weights[q] !== 0 ? [q] : []));
  const unitNash = objective.kind === 'nash' && players.every((q) => objective.weights[q] === 1);
  /** The bound from each profile's own bound: cheap, used to order and first-prune children. */
  const separateBound = (): number => {
    for (let q = 0; q < profiles.length; q++) {
      upper[q] = scaled(profiles[q]!, slack(bounds.bound[q]!));
      if (upper[q]! < objective.floors[q]!) return -Infinity;
    }
    return objectiveOfUtilities(unconstrained, upper);
  };
  /** The tighter joint bound (weighted rows), computed only for children about to be visited. */
  const nodeBound = (): number => {
    let value = separateBound();
    if (value === -Infinity) return value;
    if (objective.kind === 'linear') {
      // Utilities are at most scale × raw (the cap only lowers them), so weighted raw bounds hold.
      for (let q = 0; q < profiles.length; q++) weights[q] = objective.weights[q]! * profiles[q]!.scale;
      value = Math.min(value, slack(bounds.weighted(weights)));
      for (const lambda of lambdas) {
        let offset = 0;
        for (const q of floored) {
          weights[q] = lambda * profiles[q]!.scale;
          offset += lambda * objective.floors[q]!;
        }
        value = Math.min(value, slack(bounds.weighted(weights)) - offset);
      }
    } else if (unitNash) {
      // Π gain_q ≤ Π G_q × (Σ gain_q / G_q / n)^n, with G_q the profile's own gain bound (AM–GM).
      let offset = 0;
      let logs = 0;
      weights.fill(0);
      for (const q of players) {
        const gain = upper[q]! - objective.thresholds[q]!;
        weights[q] = profiles[q]!.scale / gain;
        offset += objective.thresholds[q]! / gain;
        logs += Math.log(gain);
      }
      const share = (slack(bounds.weighted(weights)) - offset) / players.length;
      if (!(share > 0)) return -Infinity;
      value = Math.min(value, logs + players.length * Math.log(Math.min(1, share)));
    }
    return value;
  };
  const nodeLimit = budget.nodeLimit ?? 2e7;
  const deadline = budget.timeLimitMs === undefined ? Infinity : performance.now() + budget.timeLimitMs;
  let best: Candidate | undefined;
  let pruned = -Infinity;
  let nodes = 0;
  let aborted = false;
  const outcome: Outcome = new Array<number>(domain.issues.length).fill(0);
  const rootBound = nodeBound();

  const visit = (depth: number): void => {
    nodes++;
    if (nodes >= nodeLimit || ((nodes & 4095) === 0 && performance.now() > deadline)) aborted = true;
    if (depth === order.length) {
      const utilities = utilitiesOfPackage(domain, outcome);
      const candidate = {
        outcome: [...outcome],
        utilities,
        value: objectiveOfUtilities(objective, utilities),
      };
      if (candidate.value > -Infinity && beats(candidate, best)) best = candidate;
      return;
    }
    const issue = order[depth]!;
    const children: { option: number; bound: number }[] = [];
    for (const option of options[issue]!) {
      bounds.fix(issue, option);
      children.push({ option, bound: separateBound() });
      bounds.release();
    }
    children.sort((a, b) => b.bound - a.bound || a.option - b.option);
    const beaten = (bound: number) => {
      const incumbent = best?.value ?? -Infinity;
      return bound <= incumbent + PRUNE_MARGIN * Math.max(1, Math.abs(incumbent));
    };
    for (const child of children) {
      if (child.bound === -Infinity) break;
      if (aborted || beaten(child.bound)) {
        pruned = Math.max(pruned, child.bound);
        if (!aborted) break;
        continue;
      }
      outcome[issue] = child.option;
      bounds.fix(issue, child.option);
      const tight = depth + 1 < order.length ? nodeBound() : child.bound;
      if (beaten(tight)) pruned = Math.max(pruned, tight);
      else visit(depth + 1);
      bounds.release();
    }
  };
  if (rootBound > -Infinity) visit(0);
  const value = best?.value ?? -Infinity;
  return {
    best,
    certificate: { proven: !aborted, value, upperBound: Math.max(value, pruned), nodes },
  };
}
