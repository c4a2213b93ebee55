import type { FrontierPiece } from '../continuous/mixed-frontier.ts';
import type { SearchOptions } from '../incumbent.ts';
import { outcomeCount, describeOutcome, type NegotiationDomain } from '../outcome-space.ts';
import { bargainingSolutions, SOLUTION_NAMES, type SolutionName } from '../solutions.ts';
import {
  cappedFrontier,
  conventionOf,
  frontierPoint,
  needsFrontier,
  type Convention,
} from './conventions.ts';

/** The JSON of `parley deals genius`: see docs/deals.md and docs/json.md for every field. */

export interface GeniusPointReport {
  /** One utility per profile, in argument order; null when the point does not exist. */
  utilities: number[] | null;
  /** Issue name → value; null when the point does not exist. */
  outcome: Record<string, string> | null;
  reason?: string;
  /** The definition this point follows (conventions.ts). */
  convention: Convention;
  definition: string;
  /** Searched exactly with a certificate, or picked from the exact Pareto frontier. */
  method: 'branch-and-bound' | 'frontier';
  certificate?: { proven: boolean; value: number; upperBound: number; nodes: number };
}

export interface GeniusProfileInfo {
  file: string;
  reservationValue: number;
  reservationDefaulted: boolean;
  discountFactor: number | null;
  weightSum: number;
  /** True when the weights let some package score above 1, so utilities are capped at 1. */
  capped: boolean;
}

export interface GeniusWeights {
  /** `raw`: as written (GENIUS's reading); `normalized`: divided by their sum. */
  handling: 'raw' | 'normalized';
  rule: string;
}

/** Discounting (discount.ts): each point's utilities and the reservation values at t = 1. */
export interface GeniusTimeReport {
  convention: string;
  /** Per profile; null when the file gives none (no discounting). */
  factors: (number | null)[];
  note: string;
  deadline: {
    t: 1;
    reservationValues: number[];
    points: Record<SolutionName, number[] | null>;
  };
}

export interface GeniusReport {
  domain: string;
  issues: number;
  profiles: GeniusProfileInfo[];
  outcomes: number;
  weights: GeniusWeights;
  /** The convention asked for; each point says which one it follows. */
  convention: Convention;
  warnings: string[];
  pareto: { size: number; reason?: undefined } | { size: null; reason: string };
  nash: GeniusPointReport;
  kalaiSmorodinsky: GeniusPointReport;
  maxWelfare: GeniusPointReport;
  egalitarian: GeniusPointReport;
  time?: GeniusTimeReport;
  ranges?: GeniusRangesSection;
}

/** Real and wide integer issues (genius-ranges-report.ts): the ranges and the frontier as pieces. */
export interface GeniusRangesSection {
  issues: { name: string; kind: 'real' | 'integer'; lower: number; upper: number }[];
  /** Packages: a count when every range is whole numbers, else "continuum". */
  outcomes: number | 'continuum';
  statement: string;
  frontier: { pieces: FrontierPiece[]; relaxation: boolean } | { pieces: null; reason: string };
}

export interface GeniusReportOptions {
  convention?: Convention;
  /** Per party: utility is min(1, Σ scores) (GENIUS's cap, binding on some package). */
  caps?: boolean[];
  weights?: GeniusWeights;
  warnings?: string[];
  /** Budget of the exact searches (node and time limits); see incumbent.ts. */
  search?: SearchOptions;
}

export const RAW_WEIGHTS: GeniusWeights = {
  handling: 'raw',
  rule: 'as written, as GENIUS reads them: utility = min(1, Σ weight × evaluation)',
};
export const NORMALIZED_WEIGHTS: GeniusWeights = {
  handling: 'normalized',
  rule: 'divided by their sum (--normalize-weights): utility = Σ (weight / sum) × evaluation',
};

/** A profile as the report lists it, from what either importer (listed issues or ranges) read. */
export const profileInfo = (p: {
  file: string;
  reservationValue: number;
  reservationDefaulted: boolean;
  discountFactor?: number | undefined;
  weightSum: number;
  capped: boolean;
}): GeniusProfileInfo => ({
  file: p.file,
  reservationValue: p.reservationValue,
  reservationDefaulted: p.reservationDefaulted,
  discountFactor: p.discountFactor ?? null,
  weightSum: p.weightSum,
  capped: p.capped,
});

/**
 * A point the exact search answered — over listed issues or over ranges — as the report shows it:
 * its package and certificate, or why there is none.
 */
export function searchedPoint<O>(
  label: Pick<GeniusPointReport, 'convention' | 'definition'>,
  p:
    | { candidate: { utilities: number[]; outcome: O }; certificate: OptimalityCertificateFields }
    | { reason: string },
  describe: (outcome: O) => Record<string, string>,
): GeniusPointReport {
  if (!('candidate' in p))
    return { utilities: null, outcome: null, reason: p.reason, ...label, method: 'branch-and-bound' };
  const { proven, value, upperBound, nodes } = p.certificate;
  return {
    utilities: p.candidate.utilities,
    outcome: describe(p.candidate.outcome),
    ...label,
    method: 'branch-and-bound',
    certificate: { proven, value, upperBound, nodes },
  };
}

type OptimalityCertificateFields = NonNullable<GeniusPointReport['certificate']>;

export function geniusReport(
  name: string,
  domain: NegotiationDomain,
  profiles: GeniusProfileInfo[],
  options: GeniusReportOptions = {},
): GeniusReport {
  const convention = options.convention ?? 'parley';
  const caps = options.caps ?? domain.stakeholders.map(() => false);
  const capped = caps.some(Boolean);
  const frontier = cappedFrontier(domain, caps);
  const searched = SOLUTION_NAMES.filter((n) => !needsFrontier(convention, n, capped));
  const solved = searched.length ? bargainingSolutions(domain, options.search ?? {}, searched) : undefined;
  const point = (which: SolutionName): GeniusPointReport => {
    const label = conventionOf(convention, which);
    const p = solved?.points[which];
    if (p) return searchedPoint(label, p, (o) => describeOutcome(domain, o));
    const none = (reason: string): GeniusPointReport => ({
      utilities: null,
      outcome: null,
      reason,
      ...label,
      method: 'frontier',
    });
    if (frontier.size === null) {
      const why = capped
        ? 'utilities capped at 1 are not additive, so this point is picked from the Pareto frontier'
        : `the ${label.convention} convention picks this point from the Pareto frontier`;
      return none(`${why}, which was not computed: ${frontier.reason}`);
    }
    const found = frontierPoint(domain, frontier.points, caps, convention, which);
    if (!('candidate' in found)) return none(found.reason);
    return {
      utilities: found.candidate.utilities,
      outcome: describeOutcome(domain, found.candidate.outcome),
      ...label,
      method: 'frontier',
    };
  };
  const points = Object.fromEntries(SOLUTION_NAMES.map((n) => [n, point(n)])) as Record<
    SolutionName,
    GeniusPointReport
  >;
  return {
    domain: name,
    issues: domain.issues.length,
    profiles,
    outcomes: outcomeCount(domain),
    weights: options.weights ?? RAW_WEIGHTS,
    convention,
    warnings: options.warnings ?? [],
    pareto: frontier.size === null ? { size: null, reason: frontier.reason } : { size: frontier.size },
    ...points,
  };
}
