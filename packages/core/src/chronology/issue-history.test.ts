import { describe, expect, it } from 'vitest';
import { issueHistory } from './issue-history.ts';
import { loadCase } from '@parley/case-files/load.ts';
import { minimalCaseDir } from '@parley/case-files/test-support.ts';

describe('issueHistory', () => {
  it('gives the standing after each dated move, with the gap narrowing', async () => {
    const { caseData } = await loadCase(minimalCaseDir);
    const steps = issueHistory(caseData!, ['north', 'south'], 'min-flow');
    expect(steps.map((s) => [s.date, s.standing.positions.map((p) => p.id), s.standing.gap?.gap])).toEqual([
      ['2030-02-01', ['north-flow-1', 'south-flow-1'], 20],
      ['2030-02-10/2030-02-12', ['north-flow-2', 'south-flow-1'], 10],
      ['2030-03', ['north-flow-3', 'south-flow-1'], 2],
    ]);
  });

  it('is empty for an issue nobody took a position on', async () => {
    const { caseData } = await loadCase(minimalCaseDir);
    expect(issueHistory(caseData!, ['north', 'south'], 'no-such-issue')).toEqual([]);
  });
});
