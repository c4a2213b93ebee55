import type { AgreementReport, DealsReport, SolutionReport } from '@parley/core/bargaining/case-report.ts';
import type { WindowReport } from '@parley/core/bargaining/case-report.ts';

/** A package placed in the utility space of two signatories: a fair point or the best package found. */
export interface UtilityPoint {
  /** What it is: "Nash (parties only)", "Kalai–Smorodinsky (every signatory)"… */
  label: string;
  /** nash, kalaiSmorodinsky, maxWelfare, egalitarian or best. */
  kind: string;
  group: 'withGuarantors' | 'partiesOnly';
  x: number;
  y: number;
  package: Record<string, string>;
}

export const SOLUTION_NAMES: Record<string, string> = {
  nash: 'Nash',
  kalaiSmorodinsky: 'Kalai–Smorodinsky',
  maxWelfare: 'Welfare',
  egalitarian: 'Egalitarian',
};
export const GROUP_NAMES = { withGuarantors: 'every signatory', partiesOnly: 'parties only' } as const;

const hasPackage = (s: SolutionReport): s is Exclude<SolutionReport, { reason: string }> => 'utilities' in s;

/**
 * The day's fair points and best packages that give both chosen signatories a utility (the
 * parties-only points have the parties' utilities only), for the utility-space chart.
 */
export function utilityPoints(report: DealsReport, xActor: string, yActor: string): UtilityPoint[] {
  const points: UtilityPoint[] = [];
  for (const group of ['withGuarantors', 'partiesOnly'] as const) {
    for (const [kind, solution] of Object.entries(report.solutions[group])) {
      if (!hasPackage(solution)) continue;
      const x = solution.utilities[xActor];
      const y = solution.utilities[yActor];
      if (x === undefined || y === undefined) continue;
      points.push({
        label: `${SOLUTION_NAMES[kind] ?? kind} (${GROUP_NAMES[group]})`,
        kind,
        group,
        x,
        y,
        package: solution.package,
      });
    }
    const best: AgreementReport = report.agreement[group];
    const x = best.utilities[xActor];
    const y = best.utilities[yActor];
    if (x !== undefined && y !== undefined)
      points.push({
        label: `Most balanced package (${GROUP_NAMES[group]}, margin ${signed(best.margin)})`,
        kind: 'best',
        group,
        x,
        y,
        package: best.package,
      });
  }
  return points;
}

/** The reasons the day has no fair point, one per solution and group (the agreement set is empty…). */
export function missingSolutions(report: DealsReport): string[] {
  return (['withGuarantors', 'partiesOnly'] as const).flatMap((group) =>
    Object.entries(report.solutions[group]).flatMap(([kind, s]) =>
      hasPackage(s) ? [] : [`${SOLUTION_NAMES[kind] ?? kind} (${GROUP_NAMES[group]}): none — ${s.reason}`],
    ),
  );
}

/** A margin as the CLI prints it: +0.030, −0.044. */
export function signed(x: number): string {
  return `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;
}

/** One step of the deal-window chart: the margin of a grouping from an interval's first day. */
export interface MarginStep {
  date: Date;
  day: string;
  group: string;
  margin: number;
  open: boolean;
}

/**
 * The margin of each grouping per interval, as steps; the last interval (open-ended) is drawn to
 * its first day plus a week so its step shows.
 */
export function marginSteps(window: Pick<WindowReport, 'intervals'>): MarginStep[] {
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  const steps: MarginStep[] = [];
  for (const interval of window.intervals)
    for (const group of ['withGuarantors', 'partiesOnly'] as const)
      steps.push({
        date: day(interval.from),
        day: interval.from,
        group: GROUP_NAMES[group],
        margin: interval[group].margin,
        open: interval[group].open,
      });
  const last = window.intervals.at(-1);
  if (last)
    for (const group of ['withGuarantors', 'partiesOnly'] as const)
      steps.push({
        date: new Date(
          (last.until ? day(last.until) : day(last.from)).getTime() + (last.until ? 0 : 7 * 86_400_000),
        ),
        day: last.until ?? '…',
        group: GROUP_NAMES[group],
        margin: last[group].margin,
        open: last[group].open,
      });
  return steps;
}

/** How spans of days read: "2022-03-29 → 2022-04-15", "never". */
export function spansText(spans: ReadonlyArray<{ from: string; until: string | null }>): string {
  return spans.length === 0 ? 'never' : spans.map((s) => `${s.from} → ${s.until ?? '…'}`).join(', ');
}
