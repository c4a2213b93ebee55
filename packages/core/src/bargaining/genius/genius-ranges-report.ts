import { ParleyError } from '@parley/model/errors.ts';
import type { MixedDomain, MixedOutcome } from '../continuous/mixed-domain.ts';
import { mixedOutcomeCount } from '../continuous/mixed-domain.ts';
import { mixedFrontier } from '../continuous/mixed-frontier.ts';
import { mixedSolutions } from '../continuous/mixed-solutions.ts';
import type { SearchOptions } from '../incumbent.ts';
import { SOLUTION_NAMES, type SolutionName } from '../solutions.ts';
import { conventionOf, type Convention } from './conventions.ts';
import { hasRangeIssues, importGeniusRanges } from './genius-ranges.ts';
import {
  NORMALIZED_WEIGHTS,
  profileInfo,
  searchedPoint,
  type GeniusPointReport,
  type GeniusRangesSection,
  type GeniusReport,
} from './genius-report.ts';

/**
 * `parley deals genius` on files with real issues or integer issues too wide to list: the same
 * report as for listed issues (genius-report.ts), its points searched by the range engine
 * (continuous/), plus a `ranges` section with the ranges and, for two parties, the frontier as
 * pieces (segments whose every point is attained). Only Parley's definitions apply: the GENIUS and
 * NegMAS conventions pick points from a listed frontier, which a continuum does not have.
 */

const RANGE_WEIGHTS = {
  handling: 'raw' as const,
  rule: 'as written, as GENIUS reads them: utility = Σ weight × evaluation (a profile whose weights let a utility pass 1 is refused: the cap is not additive)',
};

export function describeMixedOutcome(domain: MixedDomain, outcome: MixedOutcome): Record<string, string> {
  const named: Record<string, string> = {};
  domain.discrete.forEach((issue, i) => (named[issue.name] = issue.options[outcome.options[i]!]!));
  domain.ranges.forEach((issue, r) => (named[issue.name] = String(outcome.values[r]!)));
  return named;
}

export function geniusRangesReport(
  domainFile: { text: string; file: string },
  profileFiles: { text: string; file: string }[],
  options: { normalizeWeights?: boolean; convention?: Convention; search?: SearchOptions } = {},
): GeniusReport & { ranges: GeniusRangesSection } {
  const convention = options.convention ?? 'parley';
  if (convention !== 'parley')
    throw new ParleyError(
      'usage',
      `the ${convention} convention picks points from a listed Pareto frontier, and real or wide integer issues make it a continuum: use the parley convention (exact search)`,
    );
  const imported = importGeniusRanges(domainFile, profileFiles, {
    normalizeWeights: options.normalizeWeights,
  });
  const { mixed } = imported;
  const solved = mixedSolutions(mixed, options.search ?? {});
  const point = (which: SolutionName): GeniusPointReport =>
    searchedPoint(conventionOf('parley', which), solved.points[which], (o) => describeMixedOutcome(mixed, o));
  const frontier = mixedFrontier(mixed);
  const count = mixedOutcomeCount(mixed);
  const pieces = frontier.pieces?.length ?? 0;
  return {
    domain: imported.domain.name,
    issues: imported.domain.issues.length,
    profiles: imported.profiles.map(profileInfo),
    outcomes: count,
    weights: imported.weightHandling === 'normalized' ? NORMALIZED_WEIGHTS : RANGE_WEIGHTS,
    convention,
    warnings: imported.profiles.flatMap((p) => p.warnings),
    pareto: {
      size: null,
      reason: frontier.pieces
        ? `a continuum: ${pieces} piece${pieces === 1 ? '' : 's'} (segments or points), listed under "ranges"`
        : frontier.reason,
    },
    ...(Object.fromEntries(SOLUTION_NAMES.map((n) => [n, point(n)])) as Record<
      SolutionName,
      GeniusPointReport
    >),
    ranges: {
      issues: mixed.ranges.map((r) => ({
        name: r.name,
        kind: r.integer ? 'integer' : 'real',
        lower: r.lower,
        upper: r.upper,
      })),
      outcomes: Number.isFinite(count) ? count : 'continuum',
      statement:
        'Range issues are solved on the ranges themselves, not on a grid: utilities are affine between the kinks of the evaluators, welfare and max-min points are linear programs, Nash is certified by its Lagrangian bound (within 1e-9 in log units), integer ranges by branch-and-bound. Discount factors are reported, not applied.',
      frontier: frontier.pieces ? { pieces: frontier.pieces, relaxation: frontier.relaxation } : frontier,
    },
  };
}

/**
 * Whether `deals genius` files go to the range engine: a GENIUS XML domain (then profiles) that
 * declares a real issue or an integer issue too wide to list. Anything else (GeniusWeb JSON, a
 * malformed domain) is left to the usual reader and its messages.
 */
export function isRangeGenius(files: readonly { text: string; file: string }[]): boolean {
  const [domain] = files;
  if (files.length < 2 || !domain || domain.file.toLowerCase().endsWith('.json')) return false;
  try {
    return hasRangeIssues(domain.text, domain.file);
  } catch {
    return false;
  }
}
