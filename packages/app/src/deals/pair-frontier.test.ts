import { describe, expect, it } from 'vitest';
import { isParleyError } from '@parley/model/errors.ts';
import { loadTestCase } from '@parley/case-files/cases.test-support.ts';
import { pairFrontier } from './pair-frontier.ts';

const embedded = await loadTestCase('embedded');

describe('pairFrontier', () => {
  // The figures of `parley deals cases/istanbul-2022 --at 2022-04-02 --json`.
  it('projects the frontier on ru and ua on 2022-04-02, with their reservation values and the Nash point', () => {
    const report = pairFrontier(embedded, { a: 'ru', b: 'ua', at: '2022-04-02' }, 'istanbul');
    expect([report.case, report.at, report.day, report.scenario, report.parties]).toEqual([
      'istanbul-2022',
      '2022-04-02',
      '2022-04-02',
      null,
      ['ru', 'ua'],
    ]);
    expect(report.reservationValues).toEqual({
      ru: { value: 0.7, event: 'russian-withdrawal-kyiv', role: 'party' },
      ua: { value: 0.665, event: 'bucha', role: 'party' },
    });
    const nash = report.solutions.partiesOnly.nash;
    if (!('utilities' in nash)) throw new Error('no Nash point');
    expect(nash.utilities.ru).toBeCloseTo(0.7184466, 7);
    expect(nash.utilities.ua).toBeCloseTo(0.6875, 7);
    expect(report.solutions.withGuarantors.nash).toHaveProperty('reason');
    if (report.frontier.size === null) throw new Error(report.frontier.reason);
    const points = report.frontier.points;
    // The same size as the day's `pareto.size` (the parties are ru and ua).
    expect([report.frontier.size, points.length]).toEqual([545, 545]);
    // Ends: ru's best package first, ua's best last.
    expect(points[0]!.utilities[0]).toBeCloseTo(1, 12);
    expect(points[0]!.utilities[1]).toBeCloseTo(0.0444231, 7);
    expect(points.at(-1)!.utilities[0]).toBeCloseTo(0.0485437, 7);
    expect(points.at(-1)!.utilities[1]).toBeCloseTo(1, 12);
    // The Nash package is on the frontier, with the same utilities.
    const onFrontier = points.find((p) => JSON.stringify(p.package) === JSON.stringify(nash.package));
    expect(onFrontier?.utilities).toEqual([nash.utilities.ru, nash.utilities.ua]);
    // 40 frontier packages beat no deal for both.
    expect(points.filter((p) => p.utilities[0] >= 0.7 && p.utilities[1] >= 0.665)).toHaveLength(40);
  });

  it("projects on a party and a guarantor on the case's asOf day", () => {
    const report = pairFrontier(embedded, { a: 'ru', b: 'us' }, 'istanbul');
    expect([report.at, report.day, report.frontier.size]).toEqual(['2022-04-15', '2022-04-15', 43]);
    expect(Object.keys(report.reservationValues)).toEqual(['ru', 'us']);
  });

  it('names an unknown signatory and a pair of one', () => {
    const unknown = (() => {
      try {
        pairFrontier(embedded, { a: 'ru', b: 'xx', at: '2022-04-02' }, 'istanbul');
      } catch (error) {
        return error;
      }
    })();
    expect(isParleyError(unknown) && [unknown.code, unknown.message]).toEqual([
      'unknown-id',
      '`b` "xx" is not a signatory of the model (it has ru, ua, us, uk, fr, de, cn, tr)',
    ]);
    expect(() => pairFrontier(embedded, { a: 'ua', b: 'ua', at: '2022-04-02' }, 'istanbul')).toThrow(
      '`a` and `b` must be two different signatories (both are "ua")',
    );
  });
});
