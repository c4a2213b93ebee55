import { agreementSet, type AgreementSet } from './agreement.ts';
import { changeDays, domainOn, type CaseBargaining } from './case-model.ts';

/**
 * The deal window: the days on which the agreement set is non-empty. Reservation values are step
 * functions of time, so the agreement set only changes on the days some reservation value
 * changes; the window is computed exactly, interval by interval, with no sampling of days.
 * Each interval is also evaluated for the parties alone (guarantors' consent ignored), which
 * shows when the parties had a deal that the guarantors would not sign.
 */

export interface WindowInterval {
  /** First day of the interval. */
  from: string;
  /** First day of the next interval (exclusive), absent for the last. */
  until?: string;
  /** Events whose reservation points start this interval. */
  events: string[];
  withGuarantors: AgreementSet;
  partiesOnly: AgreementSet;
}

export interface DealWindow {
  intervals: WindowInterval[];
  /** Maximal runs of open intervals: [first day, first closed day or undefined]. */
  open: { from: string; until?: string }[];
  openForPartiesOnly: { from: string; until?: string }[];
}

export function dealWindow(
  bargaining: CaseBargaining,
  range: { from?: string; to?: string } = {},
): DealWindow {
  const days = changeDays(bargaining.model);
  const intervals: WindowInterval[] = [];
  days.forEach(({ day, events }, k) => {
    const until = days[k + 1]?.day;
    if (range.to !== undefined && day > range.to) return;
    if (range.from !== undefined && until !== undefined && until <= range.from) return;
    intervals.push({
      from: day,
      until,
      events,
      withGuarantors: agreementSet(domainOn(bargaining, day)),
      partiesOnly: agreementSet(domainOn(bargaining, day, { partiesOnly: true })),
    });
  });
  return {
    intervals,
    open: runs(intervals, (i) => i.withGuarantors.open),
    openForPartiesOnly: runs(intervals, (i) => i.partiesOnly.open),
  };
}

function runs(
  intervals: WindowInterval[],
  open: (i: WindowInterval) => boolean,
): { from: string; until?: string }[] {
  const out: { from: string; until?: string }[] = [];
  for (const interval of intervals) {
    const last = out[out.length - 1];
    if (!open(interval)) continue;
    if (last && last.until === interval.from) last.until = interval.until;
    else out.push({ from: interval.from, until: interval.until });
  }
  return out;
}
