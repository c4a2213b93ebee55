import type { Case } from '@parley/model/case.ts';
import { ParleyError } from '@parley/model/errors.ts';
import { analysedOn } from '@parley/core/bargaining/case-model.ts';
import { prepare, type DealsReport } from '@parley/core/bargaining/case-report.ts';
import { describeOutcome } from '@parley/core/bargaining/outcome-space.ts';
import { projectedFrontier } from '@parley/core/bargaining/pareto.ts';
import { dealsOnDay } from './day.ts';
import type { PairFrontierInput } from './input.ts';
import { modelInputFor } from './model-input.ts';

/** One package on the frontier of two signatories: their utilities, `a`'s first. */
export interface PairFrontierPoint {
  utilities: [number, number];
  /** Issue id → option id, as in `parley deals --json`. */
  package: Record<string, string>;
}

/**
 * The Pareto frontier projected on two signatories on one day, with what `parley deals --json`
 * says of that day about them: their reservation values and the solution points.
 */
export interface PairFrontierReport {
  case: string;
  at: string;
  day: string;
  scenario: string | null;
  /** The two signatories, `a` then `b`. */
  parties: [string, string];
  /** The exact two-party frontier, `a`'s utility descending; or why it was not computed. */
  frontier: { size: number; points: PairFrontierPoint[] } | { size: null; reason: string };
  reservationValues: DealsReport['reservationValues'];
  /** As `parley deals --json` gives them (every stakeholder's utility of each point). */
  solutions: DealsReport['solutions'];
}

/**
 * The frontier of two signatories, the other stakeholders ignored: which splits between the two
 * are efficient, to draw against their reservation values and the fair points of the day.
 */
export function pairFrontier(caseData: Case, input: PairFrontierInput, caseName: string): PairFrontierReport {
  const model = modelInputFor(caseData, input.scenario, caseName);
  // Checked before the day's analysis, which takes a second on the embedded case.
  const actors = model.model.stakeholders.map((s) => s.actor);
  for (const [field, actor] of [
    ['a', input.a],
    ['b', input.b],
  ] as const)
    if (!actors.includes(actor))
      throw new ParleyError(
        'unknown-id',
        `\`${field}\` "${actor}" is not a signatory of the model (it has ${actors.join(', ')})`,
      );
  if (input.a === input.b)
    throw new ParleyError(
      'usage',
      `\`a\` and \`b\` must be two different signatories (both are "${input.a}")`,
    );
  const report = dealsOnDay(caseData, { at: input.at, scenario: input.scenario }, caseName);
  const analysed = analysedOn(prepare(model), report.day);
  const domain = analysed.domain;
  const index = (actor: string) => domain.stakeholders.findIndex((s) => s.id === actor);
  const projected = projectedFrontier(domain, index(input.a), index(input.b));
  const pick = (o: Record<string, unknown>) => ({ [input.a]: o[input.a]!, [input.b]: o[input.b]! });
  return {
    case: report.case,
    at: report.at,
    day: report.day,
    scenario: report.scenario,
    parties: [input.a, input.b],
    frontier:
      projected.size === null
        ? { size: null, reason: projected.reason }
        : {
            size: projected.size,
            points: projected.points.map((p) => ({
              utilities: [p.utilities[0]!, p.utilities[1]!],
              package: describeOutcome(analysed.original, analysed.unfold(p.outcome)),
            })),
          },
    reservationValues: pick(report.reservationValues) as DealsReport['reservationValues'],
    solutions: report.solutions,
  };
}
