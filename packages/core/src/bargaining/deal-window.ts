import { agreementSet, type AgreementSet } from './agreement.ts';
import { analysedOn, changeDays, type CaseBargaining } from './case-model.ts';
import { CASE_DISCOUNTING, discountAt, discountedDomain } from './discount.ts';

/**
 * The deal window: the days on which the agreement set is non-empty. Reservation values are step
 * functions of time, so the agreement set only changes on the days some reservation value
 * changes; the window is computed exactly, interval by interval, with no sampling of days.
 * Each interval is also evaluated for the parties alone (guarantors' consent ignored), which
 * shows when the parties had a deal that the guarantors would not sign.
 *
 * Stakeholders whose model has a `discount` see every utility and their reservation value
 * multiplied by d^t on the interval's first day (discount.ts, CASE_DISCOUNTING): which intervals
 * are open does not change, their margins and most balanced packages may.
 */

export interface WindowInterval {
  /** First day of the interval. */
  from: string;
  /** First day of the next interval (exclusive), absent for the last. */
  until?: string;
  /** Events whose reservation points start this interval. */
  events: string[];
  /** Actor → the share d^t of utility left on `from`, for each stakeholder that discounts. */
  discount?: Record<string, number>;
  /** Over the analysed domain (analysedOn: interactions folded in); its packages unfold to the case's. */
  withGuarantors: AgreementSet;
  partiesOnly: AgreementSet;
}

export interface DealWindow {
  /** How time costs (CASE_DISCOUNTING), when some stakeholder discounts. */
  convention?: string;
  intervals: WindowInterval[];
  /** Maximal runs of open intervals: [first day, first closed day or undefined]. */
  open: { from: string; until?: string }[];
  openForPartiesOnly: { from: string; until?: string }[];
}

/**
 * `roundDays`: the first day of each negotiating round (rounds.yaml), for discounts per round.
 */
export function dealWindow(
  bargaining: CaseBargaining,
  range: { from?: string; to?: string } = {},
  roundDays: readonly string[] = [],
): DealWindow {
  const days = changeDays(bargaining.model);
  const discounting = bargaining.model.stakeholders.some((s) => s.discount);
  const parties = bargaining.stakeholders.map((s) => s.role === 'party');
  const intervals: WindowInterval[] = [];
  days.forEach(({ day, events }, k) => {
    const until = days[k + 1]?.day;
    if (range.to !== undefined && day > range.to) return;
    if (range.from !== undefined && until !== undefined && until <= range.from) return;
    const factors = discountsOn(bargaining, day, roundDays);
    const all = discountedDomain(analysedOn(bargaining, day).domain, factors);
    const partiesOnly = discountedDomain(
      analysedOn(bargaining, day, { partiesOnly: true }).domain,
      factors.filter((_, q) => parties[q]),
    );
    intervals.push({
      from: day,
      until,
      events,
      ...(discounting
        ? {
            discount: Object.fromEntries(
              bargaining.model.stakeholders.flatMap((s, q) => (s.discount ? [[s.actor, factors[q]!]] : [])),
            ),
          }
        : {}),
      withGuarantors: agreementSet(all),
      partiesOnly: agreementSet(partiesOnly),
    });
  });
  return {
    ...(discounting ? { convention: CASE_DISCOUNTING } : {}),
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

/** Whole days from one ISO day to another. */
const daysFrom = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * Per model stakeholder, the share of utility left on `day`: d^t, t = days since the model's first
 * reservation day, or rounds (by first day) held from that day up to and including `day`; 1 for a
 * stakeholder without a discount.
 */
export function discountsOn(
  bargaining: CaseBargaining,
  day: string,
  roundDays: readonly string[] = [],
): number[] {
  const start = changeDays(bargaining.model)[0]?.day ?? day;
  return bargaining.model.stakeholders.map((s) => {
    if (!s.discount) return 1;
    const t =
      s.discount.per === 'day'
        ? Math.max(0, daysFrom(start, day))
        : roundDays.filter((r) => r >= start && r <= day).length;
    return discountAt(s.discount.value, t);
  });
}
