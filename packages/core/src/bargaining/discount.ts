import type { GeniusReport, GeniusTimeReport } from './genius/genius-report.ts';
import type { NegotiationDomain } from './outcome-space.ts';
import { SOLUTION_NAMES, type SolutionName } from './solutions.ts';

/**
 * Time that costs, as GENIUS applies a profile's discount factor d ∈ (0, 1]: an agreement reached
 * at relative time t ∈ [0, 1] (0 at the start of the negotiation, 1 at its deadline) is worth
 * u × d^t, and breaking off at t is worth the reservation value discounted the same way, rv × d^t.
 * d = 1 (or no factor) means time costs nothing.
 *
 * Consequences every time-axis output states: because a party's utility and reservation value
 * shrink by the same factor, whether a package beats no agreement does not change with time, and
 * neither do the Nash point (each gain is multiplied by a constant) nor Kalai–Smorodinsky (the
 * normalised gains are unchanged); the utilitarian welfare Σ uᵢ dᵢ^t and the least gain
 * min (uᵢ − rvᵢ) dᵢ^t do change when the parties' factors differ.
 */

export const GENIUS_DISCOUNTING =
  'GENIUS: utility × d^t and reservation value × d^t, t = relative time in [0, 1] (0 at the start, 1 at the deadline)';

export function discountedValue(value: number, factor: number | undefined, t: number): number {
  if (!(t >= 0 && t <= 1)) throw new RangeError(`relative time ${t} is outside [0, 1]`);
  if (factor === undefined || factor === 1) return value;
  if (!(factor > 0 && factor <= 1)) throw new RangeError(`discount factor ${factor} is outside (0, 1]`);
  return value * Math.pow(factor, t);
}

export interface DiscountedPoint {
  t: number;
  utilities: number[];
  reservationValues: number[];
  /** Σ of the discounted utilities. */
  welfare: number;
}

/** A package's utilities, and the parties' reservation values, discounted to each time in `times`. */
export function discountedOverTime(
  utilities: readonly number[],
  reservationValues: readonly number[],
  factors: readonly (number | undefined)[],
  times: readonly number[] = [0, 0.5, 1],
): DiscountedPoint[] {
  return times.map((t) => {
    const u = utilities.map((x, p) => discountedValue(x, factors[p], t));
    return {
      t,
      utilities: u,
      reservationValues: reservationValues.map((x, p) => discountedValue(x, factors[p], t)),
      welfare: u.reduce((s, x) => s + x, 0),
    };
  });
}

/** The time section of a GENIUS report: every point and reservation value at the deadline. */
export function geniusTime(report: Omit<GeniusReport, 'time'>): GeniusTimeReport {
  const factors = report.profiles.map((p) => p.discountFactor);
  const at = (values: readonly number[]) =>
    values.map((x, p) => discountedValue(x, factors[p] ?? undefined, 1));
  return {
    convention: GENIUS_DISCOUNTING,
    factors,
    note: 'whether a package beats no agreement, the Nash point and Kalai–Smorodinsky do not move with t (utility and reservation value shrink by the same factor); welfare and the least gain are worth less, and when the factors differ the welfare-maximising package at t maximises Σ dᵢ^t uᵢ instead',
    deadline: {
      t: 1,
      reservationValues: at(report.profiles.map((p) => p.reservationValue)),
      points: Object.fromEntries(
        SOLUTION_NAMES.map((n) => [n, report[n].utilities ? at(report[n].utilities) : null]),
      ) as Record<SolutionName, number[] | null>,
    },
  };
}

/**
 * A case model's discount (model.yaml, a stakeholder's `discount`) follows the same convention on
 * the calendar: t counts days, or negotiating rounds held, since the model's first reservation
 * day (the start of its time axis), so a factor of 0.99 per day leaves 0.99^30 ≈ 0.74 of every
 * utility and reservation value a month in. The agreement set does not move; the margins and the
 * most balanced package do when the stakeholders' factors differ.
 */
export const CASE_DISCOUNTING =
  'GENIUS on the calendar: utility × d^t and reservation value × d^t, t = days (or rounds held) since the model’s first reservation day';

/** d^t for t ≥ 0 units of time (days or rounds); no factor means 1. */
export function discountAt(factor: number | undefined, t: number): number {
  if (!(t >= 0)) throw new RangeError(`time ${t} is before the start of the model`);
  if (factor === undefined || factor === 1) return 1;
  if (!(factor > 0 && factor <= 1)) throw new RangeError(`discount factor ${factor} is outside (0, 1]`);
  return Math.pow(factor, t);
}

/** The domain with each stakeholder's scores and reservation value multiplied by its factor. */
export function discountedDomain(domain: NegotiationDomain, factors: readonly number[]): NegotiationDomain {
  if (factors.every((f) => f === 1)) return domain;
  return {
    issues: domain.issues,
    stakeholders: domain.stakeholders.map((s, q) => {
      const f = factors[q]!;
      if (f === 1) return s;
      return {
        ...s,
        scores: s.scores.map((row) => row.map((x) => x * f)),
        reservationValue: s.reservationValue * f,
      };
    }),
  };
}
