import { isRequiredSignatory, type NegotiationDomain, type Outcome } from './outcome-space.ts';

/**
 * What a search maximises, in one shape shared by the exact engine and the enumeration baseline
 * (so both apply the very same definition, feasibility rule and tie-break).
 *
 * - `nash`: the sum over `players` of log(u − d) (the log of the Nash product); only packages
 *   giving every player strictly more than its reservation value qualify.
 * - `maxmin`: the least of weight·(u − d) over the players that the package involves. With
 *   weight 1 this is the egalitarian point (equal gains); with weight 1/(ideal − d) it is
 *   Kalai–Smorodinsky; over every required signatory it is the agreement margin.
 * - `linear`: the sum of weight·u (utilitarian welfare, or one stakeholder's best package).
 *
 * `enforceReservation`: a package qualifies only when every required signatory gets at least its
 * reservation value (the agreement set). The margin search turns it off so a negative margin can
 * say how far apart the signatories are.
 */
export interface SearchObjective {
  kind: 'nash' | 'maxmin' | 'linear';
  /** Per stakeholder (domain order); 0 means not a player of this objective. */
  weights: number[];
  /** Per stakeholder: the disagreement value d. */
  thresholds: number[];
  enforceReservation: boolean;
}

/** Relative tolerance under which two objective values count as a tie. */
export const TIE_TOLERANCE = 1e-12;

/** The value of a package, or -Infinity when it does not qualify. */
export function objectiveValue(
  domain: NegotiationDomain,
  objective: SearchObjective,
  outcome: Outcome,
  utilities: ArrayLike<number>,
): number {
  const { stakeholders } = domain;
  if (objective.enforceReservation) {
    for (let q = 0; q < stakeholders.length; q++) {
      if (isRequiredSignatory(stakeholders[q]!, outcome) && utilities[q]! < objective.thresholds[q]!)
        return -Infinity;
    }
  }
  switch (objective.kind) {
    case 'nash': {
      let sum = 0;
      for (let p = 0; p < stakeholders.length; p++) {
        if (objective.weights[p] === 0) continue;
        const gain = utilities[p]! - objective.thresholds[p]!;
        if (!(gain > 0)) return -Infinity;
        sum += Math.log(gain);
      }
      return sum;
    }
    case 'maxmin': {
      let least = Infinity;
      for (let p = 0; p < stakeholders.length; p++) {
        const w = objective.weights[p]!;
        if (w === 0 || !isRequiredSignatory(stakeholders[p]!, outcome)) continue;
        least = Math.min(least, w * (utilities[p]! - objective.thresholds[p]!));
      }
      return least;
    }
    case 'linear': {
      let sum = 0;
      for (let p = 0; p < stakeholders.length; p++) {
        const w = objective.weights[p]!;
        if (w !== 0) sum += w * utilities[p]!;
      }
      return sum;
    }
  }
}

export interface Candidate {
  outcome: Outcome;
  utilities: number[];
  value: number;
}

/**
 * The deterministic order between two qualifying packages: the higher objective value wins;
 * values within TIE_TOLERANCE (relative) tie, and ties go to the package whose stakeholder
 * utilities are lexicographically larger (first stakeholder first), then to the lexicographically
 * smaller option indices. Returns true when `a` beats `b`.
 */
export function beats(a: Candidate, b: Candidate | undefined): boolean {
  if (!b) return a.value > -Infinity;
  const tolerance = TIE_TOLERANCE * Math.max(1, Math.abs(a.value), Math.abs(b.value));
  if (a.value > b.value + tolerance) return true;
  if (a.value < b.value - tolerance) return false;
  for (let p = 0; p < a.utilities.length; p++) {
    if (a.utilities[p]! !== b.utilities[p]!) return a.utilities[p]! > b.utilities[p]!;
  }
  for (let i = 0; i < a.outcome.length; i++) {
    if (a.outcome[i]! !== b.outcome[i]!) return a.outcome[i]! < b.outcome[i]!;
  }
  return false;
}
