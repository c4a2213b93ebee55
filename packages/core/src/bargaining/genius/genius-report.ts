import { outcomeCount, describeOutcome, type NegotiationDomain } from '../outcome-space.ts';
import { paretoFrontier } from '../pareto.ts';
import { bargainingSolutions, SOLUTION_NAMES, type SolutionName } from '../solutions.ts';

/** The JSON of `parley deals genius`: see docs/deals.md for every field. */

export interface GeniusPointReport {
  /** One utility per profile, in argument order; null when the point does not exist. */
  utilities: number[] | null;
  /** Issue name → value; null when the point does not exist. */
  outcome: Record<string, string> | null;
  reason?: string;
  certificate?: { proven: boolean; value: number; upperBound: number; nodes: number };
}

export interface GeniusProfileInfo {
  file: string;
  reservationValue: number;
  reservationDefaulted: boolean;
  discountFactor: number | null;
  weightSum: number;
}

export interface GeniusReport {
  domain: string;
  issues: number;
  profiles: GeniusProfileInfo[];
  outcomes: number;
  pareto: { size: number; reason?: undefined } | { size: null; reason: string };
  nash: GeniusPointReport;
  kalaiSmorodinsky: GeniusPointReport;
  maxWelfare: GeniusPointReport;
  egalitarian: GeniusPointReport;
}

export function geniusReport(
  name: string,
  domain: NegotiationDomain,
  profiles: GeniusProfileInfo[],
): GeniusReport {
  const frontier = paretoFrontier(domain);
  const solved = bargainingSolutions(domain);
  const point = (which: SolutionName): GeniusPointReport => {
    const p = solved.points[which];
    if (!('candidate' in p)) return { utilities: null, outcome: null, reason: p.reason };
    return {
      utilities: p.candidate.utilities,
      outcome: describeOutcome(domain, p.candidate.outcome),
      certificate: {
        proven: p.certificate.proven,
        value: p.certificate.value,
        upperBound: p.certificate.upperBound,
        nodes: p.certificate.nodes,
      },
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
    pareto: frontier.size === null ? { size: null, reason: frontier.reason } : { size: frontier.size },
    ...points,
  };
}
