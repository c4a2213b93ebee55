import { searchBest } from './branch-and-bound.ts';
import type { OptimalityCertificate, SearchOptions } from './incumbent.ts';
import type { Candidate, SearchObjective } from './objectives.ts';
import { isRequiredSignatory, type NegotiationDomain } from './outcome-space.ts';

/**
 * The agreement set: packages that give every required signatory — every party, and every
 * guarantor the package obliges — at least its reservation value. Its size is summarised by the
 * margin: the best package's smallest surplus over a reservation value,
 *
 *   margin = max over packages of min over required signatories of (u − reservation value).
 *
 * margin ≥ 0 exactly when the agreement set is non-empty; a negative margin says by how much the
 * least satisfied signatory falls short even in the best package. The margin is found exactly by
 * the branch-and-bound (no enumeration) and comes with its certificate.
 */

/** Margins above −MARGIN_TOLERANCE count as ≥ 0 (sums of scores round in the last bits). */
export const MARGIN_TOLERANCE = 1e-12;

export interface AgreementSet {
  open: boolean;
  margin: number;
  /** The package achieving the margin (the most balanced package). */
  package: Candidate;
  /** Required signatories whose surplus equals the margin: those who block or barely accept. */
  binding: string[];
  certificate: OptimalityCertificate;
}

export function marginObjective(domain: NegotiationDomain): SearchObjective {
  return {
    kind: 'maxmin',
    weights: domain.stakeholders.map(() => 1),
    thresholds: domain.stakeholders.map((s) => s.reservationValue),
    enforceReservation: false,
  };
}

export function agreementSet(domain: NegotiationDomain, options: SearchOptions = {}): AgreementSet {
  const result = searchBest(domain, marginObjective(domain), options);
  // A maxmin objective without reservation constraints always has a best package.
  const best = result.best!;
  const binding = domain.stakeholders.flatMap((s, q) =>
    isRequiredSignatory(s, best.outcome) && best.utilities[q]! - s.reservationValue <= best.value + 1e-12
      ? [s.id]
      : [],
  );
  return {
    open: best.value >= -MARGIN_TOLERANCE,
    margin: best.value,
    package: best,
    binding,
    certificate: result.certificate,
  };
}
