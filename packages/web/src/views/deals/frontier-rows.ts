import type { PairFrontierReport } from '@parley/app/deals/pair-frontier.ts';
import type { UtilityPoint } from './utility-points.ts';

/** One package of the frontier of two signatories, with the fair points that fall on it. */
export interface FrontierRow {
  x: number;
  y: number;
  /** "Nash (parties only)"…: the chart's points with these utilities. */
  points: string[];
  /** The package, as "issue option" pairs. */
  package: string;
}

/** Utilities computed over two domains (with and without guarantors) agree to rounding only. */
const SAME = 1e-9;

/**
 * The frontier's packages for the chart and its table, in the order of the route (the first
 * signatory's utility descending), each with the fair points that sit on it.
 */
export function frontierRows(
  frontier: PairFrontierReport['frontier'],
  points: UtilityPoint[],
): FrontierRow[] {
  if (frontier.size === null) return [];
  return frontier.points.map(({ utilities: [x, y], package: pkg }) => ({
    x,
    y,
    points: points
      .filter((p) => p.kind !== 'best' && Math.abs(p.x - x) < SAME && Math.abs(p.y - y) < SAME)
      .map((p) => p.label),
    package: Object.entries(pkg)
      .map(([issue, option]) => `${issue} ${option}`)
      .join(', '),
  }));
}
