import { describe, expect, it } from 'vitest';
import { loadTestCase } from '@parley/case-files/cases.test-support.ts';
import { isParleyError } from '@parley/model/errors.ts';
import { parseInput } from '../inputs/parse-input.ts';
import { windowInput } from './input.ts';
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
