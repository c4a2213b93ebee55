import { describe, expect, it } from 'vitest';
import { isParleyError } from '@parley/model/errors.ts';
import { minimalCase } from '../minimal-case.test-support.ts';
import { historyView } from './history.ts';

describe('historyView', () => {
  it('follows one issue over time: the standing after each move, with the gap', async () => {
    const data = historyView(await minimalCase(), { issue: 'min-flow' });
    expect([data.view, data.issue, data.parties]).toEqual(['history', 'min-flow', ['north', 'south']]);
    expect(data.steps.map((s) => [s.date, s.positions.map((p) => p.value ?? p.range), s.gap?.value])).toEqual(
      [
        ['2030-02-01', [30, { min: 50, max: 70 }], 20],
        ['2030-02-10/2030-02-12', [40, { min: 50, max: 70 }], 10],
        ['2030-03', [48, { min: 50, max: 70 }], 2],
      ],
    );
  });

  it('refuses an unknown issue, pointing where the shell lists them, else listing them', async () => {
    const c = await minimalCase();
    const refused = (seeIssues?: string) => {
      try {
        historyView(c, { issue: 'max-flow', seeIssues });
      } catch (error) {
        return isParleyError(error, 'unknown-id') ? error.message : error;
      }
    };
    expect(refused("'parley show x issues'")).toBe(`unknown issue "max-flow"; see 'parley show x issues'`);
    expect(refused()).toBe('unknown issue "max-flow"; issues: min-flow, monitor, guarantors, dam-moratorium');
  });
});
