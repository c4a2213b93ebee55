import { describe, expect, it } from 'vitest';
import { isParleyError } from '@parley/model/errors.ts';
import { showInputSchema } from './show-input.ts';
import { minimalCase } from '../minimal-case.test-support.ts';
import { viewNames } from './names.ts';
import { showView } from './registry.ts';

describe('showView', () => {
  it('builds every view the names list, each tagged with its name and the case', async () => {
    const c = await minimalCase();
    for (const view of viewNames) {
      const input = showInputSchema.parse({ view, ...(view === 'history' ? { issue: 'monitor' } : {}) });
      expect([showView(c, input).view, showView(c, input).case]).toEqual([view, 'river-accord']);
    }
  });

  it('passes each view its narrowing input', async () => {
    const c = await minimalCase();
    const positions = showView(c, showInputSchema.parse({ view: 'positions', at: '2030-02-01' }));
    expect(positions.view === 'positions' && positions.at).toBe('2030-02-01');
    const claims = showView(c, showInputSchema.parse({ view: 'claims', contestedOnly: true }));
    expect(claims.view === 'claims' && claims.propositions.length).toBe(2);
  });

  it('refuses a history of an unknown issue, or of none when the input was not parsed', async () => {
    const c = await minimalCase();
    const unknown = showInputSchema.parse({ view: 'history', issue: 'nope' });
    expect(() => showView(c, unknown, { seeIssues: 'the issues view' })).toThrow(
      'unknown issue "nope"; see the issues view',
    );
    try {
      showView(c, { view: 'history', contestedOnly: false });
      expect.unreachable();
    } catch (error) {
      expect(isParleyError(error, 'usage') && error.message).toBe(
        'the history view needs issue <id>: one of the ids the issues view lists',
      );
    }
  });
});
