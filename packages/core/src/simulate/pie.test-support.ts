import type { NegotiationDomain } from '../bargaining/outcome-space.ts';

/**
 * A pie of `slices` equal slices split between two parties, as one issue (option j: the first
 * party takes j slices). The first party's utility is j/slices, the second's (slices − j)/slices.
 */
export function pie(slices: number, reservation = 0): NegotiationDomain {
  const options = Array.from({ length: slices + 1 }, (_, j) => String(j));
  return {
    issues: [{ name: 'share', options }],
    stakeholders: [
      { id: 'a', role: 'party', scores: [options.map((_, j) => j / slices)], reservationValue: reservation },
      {
        id: 'b',
        role: 'party',
        scores: [options.map((_, j) => (slices - j) / slices)],
        reservationValue: reservation,
      },
    ],
  };
}

/**
 * A finer pie on two issues of 100 options (tens and units of 1/9999): the first party's share is
 * (100·a + b)/9999, so the pie is cut in 9999 slices without an issue above 10,000 options.
 */
export function finePie(): NegotiationDomain {
  const hundred = Array.from({ length: 100 }, (_, j) => String(j));
  const unit = 1 / 9999;
  return {
    issues: [
      { name: 'hundreds', options: hundred },
      { name: 'units', options: hundred },
    ],
    stakeholders: [
      {
        id: 'a',
        role: 'party',
        scores: [hundred.map((_, j) => 100 * j * unit), hundred.map((_, j) => j * unit)],
        reservationValue: 0,
      },
      {
        id: 'b',
        role: 'party',
        scores: [hundred.map((_, j) => 100 * (99 - j) * unit), hundred.map((_, j) => (99 - j) * unit)],
        reservationValue: 0,
      },
    ],
  };
}
