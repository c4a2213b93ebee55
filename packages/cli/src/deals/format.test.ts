import { describe, expect, it } from 'vitest';
import type { GeniusReport } from '@parley/core/bargaining/genius/genius-report.ts';
import { count, formatGenius } from './format.ts';

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
});
