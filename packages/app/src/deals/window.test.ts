import { describe, expect, it } from 'vitest';
import { loadTestCase } from '@parley/case-files/cases.test-support.ts';
import { withRiverModel } from './river-accord.test-support.ts';
import { dealWindow } from './window.ts';

const river = withRiverModel(await loadTestCase('minimal'));

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
});
