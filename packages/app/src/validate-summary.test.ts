import { describe, expect, it } from 'vitest';
import { minimalCase } from './minimal-case.test-support.ts';
import { validSummary } from './validate-summary.ts';

describe('validSummary', () => {
  it('counts the records of a valid case, singular for one', async () => {
    expect(validSummary(await minimalCase())).toBe(
      'valid — 4 actors, 2 rounds, 1 event, 4 issues, 8 positions, 5 claims, 2 sources, 2 draft versions',
    );
  });
});
