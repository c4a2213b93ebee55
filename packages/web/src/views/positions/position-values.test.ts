import { describe, expect, it } from 'vitest';
import { daysBetween, numericSeries, positionText } from './position-values.ts';

const position = (value: unknown, extra: object = {}) =>
  ({
    party: 'ru',
    id: 'p',
    date: '2022-04-15',
    status: 'proposed',
    confidence: 'high',
    sources: [],
    contested: [],
    value,
    ...extra,
  }) as never;

describe('positionText', () => {
  it('says numbers with their unit, booleans, lists and ranges', () => {
    expect(positionText(position(85000), 'troops')).toBe('85,000 troops');
    expect(positionText(position(true), undefined)).toBe('yes');
    expect(positionText(position(['uk', 'cn']), undefined)).toBe('uk, cn');
    expect(positionText(position(undefined, { range: { min: 50000, max: 100000 } }), 'troops')).toBe(
      '50,000–100,000 troops',
    );
  });
});

describe('numericSeries', () => {
  it('gives one row per step and party with a number, on the step’s first day', () => {
    const steps = [
      { date: '2022-03-07', positions: [position(50000)] },
      { date: '2022-04~', positions: [position(85000), position(250000, { party: 'ua' })] },
    ] as never;
    expect(numericSeries(steps).map((r) => [r.date.toISOString().slice(0, 10), r.party, r.value])).toEqual([
      ['2022-03-07', 'ru', 50000],
      ['2022-04-01', 'ru', 85000],
      ['2022-04-01', 'ua', 250000],
    ]);
  });
});

describe('daysBetween', () => {
  it('lists every day, both ends included', () => {
    expect(daysBetween('2022-02-27', '2022-03-02')).toEqual([
      '2022-02-27',
      '2022-02-28',
      '2022-03-01',
      '2022-03-02',
    ]);
  });
});
