import { describe, expect, it } from 'vitest';
import { discountedOverTime, discountedValue, geniusTime } from './discount.ts';
import type { GeniusReport } from './genius/genius-report.ts';

describe('GENIUS discounting (utility × d^t, reservation × d^t)', () => {
  it('discounts by hand-computed factors', () => {
    // 0.8 × 0.5^0.5 = 0.8 × 0.70710678… = 0.56568542…
    expect(discountedValue(0.8, 0.5, 0.5)).toBeCloseTo(0.565685424949238, 14);
    expect(discountedValue(0.8, 0.5, 1)).toBe(0.4);
    expect(discountedValue(0.8, 0.5, 0)).toBe(0.8);
    expect(discountedValue(0.8, undefined, 1)).toBe(0.8);
    expect(discountedValue(0.8, 1, 1)).toBe(0.8);
    expect(() => discountedValue(0.8, 0.5, 1.5)).toThrow('relative time 1.5 is outside [0, 1]');
    expect(() => discountedValue(0.8, 1.2, 0.5)).toThrow('discount factor 1.2 is outside (0, 1]');
  });

  it('shrinks utilities and reservation values together over time', () => {
    const [start, middle, end] = discountedOverTime([0.9, 0.6], [0.5, 0.2], [0.81, 1], [0, 0.5, 1]);
    expect(start).toEqual({ t: 0, utilities: [0.9, 0.6], reservationValues: [0.5, 0.2], welfare: 1.5 });
    // 0.81^0.5 = 0.9: 0.9 × 0.9 = 0.81, 0.5 × 0.9 = 0.45; the second party does not discount.
    expect(middle!.utilities[0]).toBeCloseTo(0.81, 15);
    expect(middle!.reservationValues[0]).toBeCloseTo(0.45, 15);
    expect(middle!.welfare).toBeCloseTo(1.41, 15);
    expect(end!.utilities).toEqual([0.9 * 0.81, 0.6]);
    expect(end!.reservationValues).toEqual([0.5 * 0.81, 0.2]);
  });

  it('reports every point at the deadline with its convention', () => {
    const point = (utilities: number[] | null) => ({
      utilities,
      outcome: null,
      convention: 'parley' as const,
      definition: '',
      method: 'branch-and-bound' as const,
    });
    const report = {
      profiles: [
        {
          file: 'a',
          reservationValue: 0.5,
          reservationDefaulted: false,
          discountFactor: 0.5,
          weightSum: 1,
          capped: false,
        },
        {
          file: 'b',
          reservationValue: 0.25,
          reservationDefaulted: false,
          discountFactor: null,
          weightSum: 1,
          capped: false,
        },
      ],
      nash: point([0.8, 0.6]),
      kalaiSmorodinsky: point([0.7, 0.7]),
      maxWelfare: point([0.8, 0.6]),
      egalitarian: point(null),
    } as unknown as GeniusReport;
    const time = geniusTime(report);
    expect(time.convention).toContain('utility × d^t and reservation value × d^t');
    expect(time.factors).toEqual([0.5, null]);
    expect(time.deadline.reservationValues).toEqual([0.25, 0.25]);
    expect(time.deadline.points).toEqual({
      nash: [0.4, 0.6],
      kalaiSmorodinsky: [0.35, 0.7],
      maxWelfare: [0.4, 0.6],
      egalitarian: null,
    });
  });
});
