import { describe, expect, it } from 'vitest';
import type { AnalystModel } from '@parley/model/schema/analyst-model.ts';
import { riverCase } from '@parley/app/river-case.test-support.ts';
import { buildCaseBargaining } from './case-model.ts';
import { dealWindow, discountsOn } from './deal-window.ts';
import { discountAt, discountedOverTime, discountedValue, geniusTime } from './discount.ts';
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

/**
 * The River Accord (case-model.test.ts): packages (Northland, Southland) League+yes (0, 1),
 * League+no (0.5, 0.25), joint+yes (0.5, 0.75), joint+no (1, 0); no deal 0.4 and 0.5 from the
 * drought (2030-02-05, the start of the clock), Southland 0.8 from the flood (2030-04-01, 55 days on).
 */
describe('a case model whose stakeholders discount (GENIUS convention on the calendar)', () => {
  const river = riverCase();
  const southDiscounts = (discount: NonNullable<AnalystModel['stakeholders'][number]['discount']>) => {
    const model = structuredClone(river.model!);
    model.stakeholders[1]!.discount = discount;
    return buildCaseBargaining(river.issues, model);
  };

  it('counts days, or rounds held, from the first reservation day', () => {
    expect(discountAt(0.99, 0)).toBe(1);
    expect(discountAt(0.9, 2)).toBeCloseTo(0.81, 15);
    expect(discountAt(undefined, 55)).toBe(1);
    expect(() => discountAt(0.9, -1)).toThrow('time -1 is before the start of the model');
    const byDay = southDiscounts({ value: 0.99, per: 'day', rationale: 'an invented judgement' });
    // 2030-02-05 → 2030-04-01: 23 + 31 + 1 = 55 days.
    expect(discountsOn(byDay, '2030-02-05')).toEqual([1, 1]);
    expect(discountsOn(byDay, '2030-04-01')).toEqual([1, 0.99 ** 55]);
    const byRound = southDiscounts({ value: 0.9, per: 'round', rationale: 'an invented judgement' });
    const rounds = ['2030-01-20', '2030-03-01', '2030-03-15', '2030-04-01', '2030-05-01'];
    // Held from the start up to and including the day: 03-01, 03-15 and 04-01 (the one before the start does not count).
    expect(discountsOn(byRound, '2030-04-01', rounds)[1]).toBeCloseTo(0.729, 15);
  });

  it('discounts margins in the deal window but opens and closes it on the same days', () => {
    const plain = dealWindow(buildCaseBargaining(river.issues, river.model!));
    const discounted = dealWindow(
      southDiscounts({ value: 0.99, per: 'day', rationale: 'an invented judgement' }),
    );
    expect(plain.convention).toBeUndefined();
    expect(discounted.convention).toContain('utility × d^t and reservation value × d^t');
    expect(discounted.open).toEqual(plain.open);
    const [drought, flood] = discounted.intervals;
    // Day 0: nothing discounted; joint+yes leaves Northland 0.5 − 0.4 = 0.1 and Southland 0.25.
    expect([drought!.discount, drought!.withGuarantors.margin]).toEqual([
      { south: 1 },
      plain.intervals[0]!.withGuarantors.margin,
    ]);
    expect(drought!.withGuarantors.margin).toBeCloseTo(0.1, 15);
    // Day 55: Southland's 0.75 and 0.8 both shrink by 0.99^55 = 0.5753547…, so the best package
    // (joint+yes) falls short by 0.05 × 0.5753547… = 0.0287677… instead of 0.05.
    expect(flood!.discount!.south).toBeCloseTo(0.5753547499769285, 15);
    expect(plain.intervals[1]!.withGuarantors.margin).toBeCloseTo(-0.05, 15);
    expect(flood!.withGuarantors.margin).toBeCloseTo(-0.028767737498846424, 15);
    expect(flood!.withGuarantors.binding).toEqual(['south']);
    expect(flood!.withGuarantors.package.outcome).toEqual([1, 0]);
    expect(flood!.withGuarantors.package.utilities[1]).toBeCloseTo(0.75 * 0.5753547499769285, 15);
  });
});
