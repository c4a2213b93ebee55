/**
 * The case calendar of a simulated negotiation: round r happens on day r (first day + r − 1),
 * and each stakeholder's reservation value is the one the analyst model gives for that day (its
 * event-driven BATNA), so a deal can open or close while the parties bargain.
 */
export interface Calendar {
  /** Per round: the day, YYYY-MM-DD. */
  days: string[];
  /** Per round, per stakeholder (domain order): the reservation value that day. */
  reservationValues: number[][];
}

/** `count` consecutive calendar days from `first` (YYYY-MM-DD), by UTC date arithmetic. */
export function consecutiveDays(first: string, count: number): string[] {
  const [y, m, d] = first.split('-').map(Number) as [number, number, number];
  return Array.from({ length: count }, (_, k) =>
    new Date(Date.UTC(y, m - 1, d + k)).toISOString().slice(0, 10),
  );
}
