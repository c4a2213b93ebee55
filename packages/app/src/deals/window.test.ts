import { describe, expect, it } from 'vitest';
import { loadTestCase } from '@parley/case-files/cases.test-support.ts';
import { isParleyError } from '@parley/model/errors.ts';
import { parseInput } from '../inputs/parse-input.ts';
import { windowInput } from './input.ts';
import { withRiverModel } from './river-accord.test-support.ts';
import { dealWindow } from './window.ts';

const river = withRiverModel(await loadTestCase('minimal'));
const embedded = await loadTestCase('embedded');

describe('dealWindow', () => {
  it('opens with the drought and closes with the flood', () => {
    const report = dealWindow(river, {}, 'river');
    expect(report.open).toEqual([{ from: '2030-02-05', until: '2030-04-01' }]);
    expect(report.openForPartiesOnly).toEqual(report.open);
    expect(
      report.intervals.map((i) => [
        i.from,
        i.until,
        i.events,
        i.withGuarantors.open,
        i.withGuarantors.binding,
      ]),
    ).toEqual([
      ['2030-02-05', '2030-04-01', ['drought'], true, ['north']],
      ['2030-04-01', null, ['flood'], false, ['south']],
    ]);
  });

  it('stays open when Southland waits out the flood, and shows only the intervals that reach the days asked for', () => {
    const patient = dealWindow(river, { scenario: 'patient-south' }, 'river');
    expect([patient.scenario, patient.open]).toEqual([
      'patient-south',
      [{ from: '2030-02-05', until: null }],
    ]);
    const late = dealWindow(river, { from: '2030-04-15' }, 'river');
    expect([late.from, late.to, late.intervals.map((i) => i.from), late.open]).toEqual([
      '2030-04-15',
      null,
      ['2030-04-01'],
      [],
    ]);
  });

  it("reads the embedded case's window with Ukraine's penalties for neutrality under a weak guarantee", () => {
    const report = dealWindow(embedded, {}, 'istanbul');
    expect([report.open, report.openForPartiesOnly, report.time]).toEqual([
      [],
      [{ from: '2022-03-29', until: '2022-04-15' }],
      null,
    ]);
    const margins = report.intervals.map((i) => [
      i.from,
      i.withGuarantors.margin,
      i.withGuarantors.binding,
      i.partiesOnly.margin,
    ]);
    const expected: [string, number, string[], number][] = [
      ['2022-02-24', -0.10060533651931525, ['us', 'uk'], -0.09216366158113765],
      ['2022-03-22', -0.03640776699029158, ['ru'], -0.004807692307692513],
      ['2022-03-29', -0.00324869305451847, ['ru'], 0.02976101568334555],
      ['2022-04-02', -0.015606054182388807, ['ru'], 0.01844660194174741],
      ['2022-04-09', -0.027861101780315978, ['ua'], 0.006153846153845843],
      ['2022-04-15', -0.04805340947262371, ['ua'], -0.015314792046466574],
      ['2022-05-17', -0.13081762260665108, ['ua'], -0.09715945224064138],
    ];
    margins.forEach(([from, margin, binding, parties], k) => {
      expect([from, binding]).toEqual([expected[k]![0], expected[k]![2]]);
      expect(margin).toBeCloseTo(expected[k]![1], 12);
      expect(parties).toBeCloseTo(expected[k]![3], 12);
    });
    // The parties' most balanced package keeps neutrality with individual guarantees and the full
    // ladder of help, so neither penalty applies: Ukraine gets 0.6705… against 0.64 from 2022-03-29.
    const opening = report.intervals[2]!.partiesOnly;
    expect([
      opening.package.neutrality,
      opening.package['guarantee-decision-rule'],
      opening.package['guarantee-assistance'],
    ]).toEqual(['yes', 'individual', 'full-ladder']);
    expect(opening.utilities.ua).toBeCloseTo(0.6705251479289938, 12);
  });

  it('closes the window of guarantors who accept obligations at Bucha, not at Johnson’s visit, because of the penalties', () => {
    const scenario = 'guarantors-accept-obligations';
    const report = dealWindow(embedded, { scenario }, 'istanbul');
    expect(report.open).toEqual([{ from: '2022-03-29', until: '2022-04-02' }]);
    const bucha = report.intervals[3]!.withGuarantors;
    expect([bucha.open, bucha.binding]).toEqual([false, ['ru']]);
    expect(bucha.margin).toBeCloseTo(-0.005270457697642339, 12);
    // The same model without its interactions stays open until Johnson's visit.
    const additive = structuredClone(embedded);
    for (const s of additive.model!.stakeholders) delete s.interactions;
    expect(dealWindow(additive, { scenario }, 'istanbul').open).toEqual([
      { from: '2022-03-29', until: '2022-04-09' },
    ]);
  });

  it('says how time costs when a stakeholder discounts, and how much is left on each first day', () => {
    const model = structuredClone(river.model!);
    model.stakeholders[1]!.discount = { value: 0.99, per: 'day', rationale: 'an invented judgement' };
    const report = dealWindow({ ...river, model }, {}, 'river');
    expect(report.time).toEqual({
      convention:
        'GENIUS on the calendar: utility × d^t and reservation value × d^t, t = days (or rounds held) since the model’s first reservation day',
      discounts: { south: { value: 0.99, per: 'day' } },
    });
    // 55 days from the drought to the flood: 0.99^55 = 0.5753547…; the margin −0.05 shrinks with it.
    expect(report.intervals.map((i) => i.discount)).toEqual([{ south: 1 }, { south: 0.99 ** 55 }]);
    expect(report.intervals[1]!.withGuarantors.margin).toBeCloseTo(-0.05 * 0.5753547499769285, 15);
    expect(report.open).toEqual([{ from: '2030-02-05', until: '2030-04-01' }]);
    expect(dealWindow(river, {}, 'river').intervals.map((i) => i.discount)).toEqual([null, null]);
  });

  it('refuses a window whose start comes after its end, as misuse', () => {
    const fields = { from: 'from', to: 'to' };
    expect(parseInput(windowInput, { from: '2030-01', to: '2030-01-31' }, fields)).toEqual({
      from: '2030-01',
      to: '2030-01-31',
    });
    try {
      parseInput(windowInput, { from: '2030-06', to: '2030-01' }, fields);
      expect.unreachable();
    } catch (error) {
      expect(isParleyError(error, 'usage')).toBe(true);
      expect((error as Error).message).toBe('from 2030-06 is after to 2030-01: give the earlier day to from');
    }
  });
});
