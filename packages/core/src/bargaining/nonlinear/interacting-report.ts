import { conventionOf, type Convention } from '../genius/conventions.ts';
import type { GeniusPointReport, GeniusReport } from '../genius/genius-report.ts';
import { SOLUTION_NAMES, type SolutionName } from '../solutions.ts';
import type { ImportedInteracting } from './genius-nonlinear.ts';
import { interactingFrontier, interactingSolutions, type InteractingPoint } from './interacting-analysis.ts';
import type { InteractingBudget } from './interacting-search.ts';

/**
 * `parley deals genius` on a domain whose profiles interact (GENIUS non-linear profiles, possibly
 * beside linear ones): the same report shape as for additive domains, computed by the
 * hyper-rectangle engine. Points follow Parley's definitions (the genius and negmas conventions
 * are defined for GENIUS's additive analysis and are not reproduced here; a warning says so).
 */

export interface InteractingReportOptions {
  convention?: Convention;
  /** Per search (each frontier step, each point); default 20 s, so the command never hangs. */
  budget?: InteractingBudget;
}

export function interactingGeniusReport(
  imported: ImportedInteracting,
  options: InteractingReportOptions = {},
): GeniusReport {
  const { interacting } = imported;
  const budget = options.budget ?? { timeLimitMs: 20_000 };
  const warnings = imported.profiles.flatMap((p) => p.warnings);
  if ((options.convention ?? 'parley') !== 'parley')
    warnings.push(
      `non-linear profiles are analysed under Parley's definitions only; --convention ${options.convention} applies to additive GENIUS domains`,
    );
  const twoParties = interacting.profiles.length === 2;
  const frontier = twoParties ? interactingFrontier(interacting, [0, 1], budget) : undefined;
  const solutions = interactingSolutions(interacting, frontier, budget);
  const point = (name: SolutionName, found: InteractingPoint): GeniusPointReport => {
    const label = conventionOf('parley', name);
    const certificate = found.certificate && {
      proven: found.certificate.proven,
      value: found.certificate.value,
      upperBound: found.certificate.upperBound,
      nodes: found.certificate.nodes,
    };
    if (!('candidate' in found))
      return {
        utilities: null,
        outcome: null,
        reason: found.reason,
        ...label,
        method: found.method,
        certificate,
      };
    const outcome = Object.fromEntries(
      interacting.issues.map((issue, i) => [issue.name, issue.options[found.candidate.outcome[i]!]!]),
    );
    return { utilities: found.candidate.utilities, outcome, ...label, method: found.method, certificate };
  };
  const points = Object.fromEntries(SOLUTION_NAMES.map((n) => [n, point(n, solutions[n])])) as Record<
    SolutionName,
    GeniusPointReport
  >;
  return {
    domain: imported.domain.name,
    issues: interacting.issues.length,
    profiles: imported.profiles.map((p) => ({
      file: p.file,
      reservationValue: p.reservationValue,
      reservationDefaulted: p.reservationDefaulted,
      discountFactor: p.discountFactor ?? null,
      weightSum: 1,
      capped: false,
    })),
    outcomes: interacting.issues.reduce((n, issue) => n * issue.options.length, 1),
    weights: {
      handling: 'raw',
      rule: 'non-linear (GENIUS hyper-rectangles): utility = min(1, Σ rectangle utilities that hold / maxutility)',
    },
    convention: 'parley',
    warnings,
    pareto: !frontier
      ? {
          size: null,
          reason: `the exact frontier is computed for two profiles, not ${interacting.profiles.length}`,
        }
      : frontier.proven
        ? { size: frontier.size }
        : { size: null, reason: frontier.reason },
    ...points,
  };
}
