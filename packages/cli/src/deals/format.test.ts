import { describe, expect, it } from 'vitest';
import type { GeniusReport } from '@parley/core/bargaining/genius/genius-report.ts';
import { loadTestCase } from '@parley/case-files/cases.test-support.ts';
import { dealWindow } from '@parley/app/deals/window.ts';
import { withRiverModel } from '@parley/app/deals/river-accord.test-support.ts';
import { count, formatGenius, formatWindow } from './format.ts';

describe('deals renderers', () => {
  it('print counts from 10^15 on as 1.0e+60, where grouped digits would show float noise', () => {
    expect([count(663_552_000), count(999_999_999_999_999), count(1e15), count(1e60)]).toEqual([
      '663,552,000',
      '999,999,999,999,999',
      '1.0e+15',
      '1.0e+60',
    ]);
    const none = {
      utilities: null,
      outcome: null,
      reason: 'not searched',
      convention: 'parley' as const,
      definition: 'test',
      method: 'frontier' as const,
    };
    const report: GeniusReport = {
      domain: 'Grid',
      issues: 60,
      profiles: [],
      outcomes: 1e60,
      weights: { handling: 'raw', rule: 'as written' },
      convention: 'parley',
      warnings: [],
      pareto: { size: null, reason: 'too large' },
      nash: none,
      kalaiSmorodinsky: none,
      maxWelfare: none,
      egalitarian: none,
    };
    expect(formatGenius(report).split('\n')[0]).toBe(
      'GENIUS domain Grid: 60 issues, 1.0e+60 outcomes, 0 profiles',
    );
  });

  it('print how time costs in the window when a stakeholder discounts, and nothing when none does', async () => {
    const river = withRiverModel(await loadTestCase('minimal'));
    const plain = (s: string) => s;
    const model = structuredClone(river.model!);
    model.stakeholders[1]!.discount = { value: 0.99, per: 'day', rationale: 'an invented judgement' };
    const lines = formatWindow(dealWindow({ ...river, model }, {}, 'river'), plain).split('\n');
    expect(lines[3]).toBe(
      'Time costs (south 0.99 per day): GENIUS on the calendar: utility × d^t and reservation value × d^t, t = days (or rounds held) since the model’s first reservation day; margins are discounted',
    );
    expect(formatWindow(dealWindow(river, {}, 'river'), plain)).not.toContain('Time costs');
  });
});
