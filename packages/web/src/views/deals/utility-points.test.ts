import { describe, expect, it } from 'vitest';
import { marginSteps, missingSolutions, signed, spansText, utilityPoints } from './utility-points.ts';

const none = { reason: 'the agreement set is empty' };
const point = (ru: number, ua: number) => ({
  package: { a: 'x' },
  utilities: { ru, ua },
  value: 0,
  certificate: {},
});
const agreement = (margin: number, utilities: Record<string, number>) => ({
  open: margin >= 0,
  margin,
  binding: [],
  package: {},
  utilities,
});
const report = {
  agreement: {
    withGuarantors: agreement(-0.012, { ru: 0.7, ua: 0.6, us: 0.66 }),
    partiesOnly: agreement(0.018, { ru: 0.72, ua: 0.69 }),
  },
  solutions: {
    withGuarantors: { nash: none, kalaiSmorodinsky: none, maxWelfare: none, egalitarian: none },
    partiesOnly: {
      nash: point(0.718, 0.687),
      kalaiSmorodinsky: point(0.718, 0.687),
      maxWelfare: none,
      egalitarian: none,
    },
  },
} as never;

describe('utilityPoints', () => {
  it('places the fair points and best packages that give both signatories a utility', () => {
    expect(utilityPoints(report, 'ru', 'ua').map((p) => [p.label, p.x, p.y])).toEqual([
      ['Most balanced package (every signatory, margin −0.012)', 0.7, 0.6],
      ['Nash (parties only)', 0.718, 0.687],
      ['Kalai–Smorodinsky (parties only)', 0.718, 0.687],
      ['Most balanced package (parties only, margin +0.018)', 0.72, 0.69],
    ]);
    // A guarantor has no utility in the parties-only points.
    expect(utilityPoints(report, 'us', 'ua').map((p) => p.label)).toEqual([
      'Most balanced package (every signatory, margin −0.012)',
    ]);
  });

  it('says why a fair point is missing', () => {
    expect(missingSolutions(report)).toHaveLength(6);
    expect(missingSolutions(report)[0]).toBe('Nash (every signatory): none — the agreement set is empty');
  });
});

describe('marginSteps', () => {
  it('gives each grouping a step per interval, the open-ended last one a week wide', () => {
    const steps = marginSteps({
      intervals: [
        {
          from: '2022-03-29',
          until: '2022-04-02',
          events: [],
          withGuarantors: agreement(-0.002, {}),
          partiesOnly: agreement(0.03, {}),
        },
        {
          from: '2022-05-17',
          until: null,
          events: [],
          withGuarantors: agreement(-0.111, {}),
          partiesOnly: agreement(-0.097, {}),
        },
      ],
    } as never);
    expect(steps.map((s) => [s.date.toISOString().slice(0, 10), s.group, s.margin, s.open])).toEqual([
      ['2022-03-29', 'every signatory', -0.002, false],
      ['2022-03-29', 'parties only', 0.03, true],
      ['2022-05-17', 'every signatory', -0.111, false],
      ['2022-05-17', 'parties only', -0.097, false],
      ['2022-05-24', 'every signatory', -0.111, false],
      ['2022-05-24', 'parties only', -0.097, false],
    ]);
  });
});

describe('texts', () => {
  it('signs margins and joins spans', () => {
    expect(signed(0.0304)).toBe('+0.030');
    expect(signed(-0.0442)).toBe('−0.044');
    expect(spansText([])).toBe('never');
    expect(
      spansText([
        { from: '2022-03-29', until: '2022-04-15' },
        { from: '2022-05-01', until: null },
      ]),
    ).toBe('2022-03-29 → 2022-04-15, 2022-05-01 → …');
  });
});
