import { partyIndices, type NegotiationDomain } from '../bargaining/outcome-space.ts';
import { paretoFrontier } from '../bargaining/pareto.ts';
import { bargainingSolutions } from '../bargaining/solutions.ts';
import { distanceTo, distanceToFrontier, estimate, wilson, type Estimate } from './measures.ts';
import { discounted, type Agreement } from './run-result.ts';

/** What the summary needs of a run (a RunResult or a Monte Carlo run record). */
export interface RunOutcome {
  agreement: Pick<Agreement, 'utilities' | 'discounted' | 'round'> | null;
}

/**
 * GENIUS tournament measures over runs: agreement rate (Wilson interval), mean agreement round, each party's mean
 * (discounted) utility — its discounted reservation value when there is no deal — and the mean
 * distance of the outcome, in the parties' undiscounted utilities, to the Pareto frontier and to
 * the Nash point. A measure the domain cannot support (frontier too large to compute, no Nash
 * point) is null with the reason.
 */
export interface SimulationSummary {
  runs: number;
  agreementRate: Estimate;
  agreementRound: Estimate | null;
  utilities: Record<string, Estimate>;
  distanceToPareto: Estimate | { reason: string };
  distanceToNash: Estimate | { reason: string };
}

export function summarise(
  domain: NegotiationDomain,
  runs: readonly RunOutcome[],
  discounts: readonly number[] = [],
): SimulationSummary {
  const parties = partyIndices(domain);
  const outcomePoint = (run: RunOutcome) =>
    parties.map((q) => run.agreement?.utilities[q] ?? domain.stakeholders[q]!.reservationValue);
  const frontier = paretoFrontier(domain);
  const nash = bargainingSolutions(domain, {}, ['nash']).points.nash;
  const utilities: Record<string, Estimate> = {};
  for (const q of parties) {
    const values = runs.map(
      (run) =>
        run.agreement?.discounted[q] ??
        discounted(domain.stakeholders[q]!.reservationValue, discounts[q] ?? 1, 1),
    );
    utilities[domain.stakeholders[q]!.id] = estimate(values)!;
  }
  const agreed = runs.filter((run) => run.agreement);
  return {
    runs: runs.length,
    agreementRate: wilson(agreed.length, runs.length),
    agreementRound: estimate(agreed.map((run) => run.agreement!.round)),
    utilities,
    distanceToPareto:
      frontier.size === null
        ? { reason: frontier.reason }
        : estimate(runs.map((run) => distanceToFrontier(outcomePoint(run), frontier.points)))!,
    distanceToNash:
      'candidate' in nash
        ? estimate(
            runs.map((run) =>
              distanceTo(
                outcomePoint(run),
                parties.map((q) => nash.candidate.utilities[q]!),
              ),
            ),
          )!
        : { reason: nash.reason },
  };
}
