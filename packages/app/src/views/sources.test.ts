import { describe, expect, it } from 'vitest';
import { minimalCase } from '../minimal-case.test-support.ts';
import { sourcesView } from './sources.ts';

describe('sourcesView', () => {
  it('counts the records citing each source', async () => {
    expect(sourcesView(await minimalCase()).sources.map((s) => [s.id, s.citedBy])).toEqual([
      ['report-a', 16],
      ['report-b', 14],
    ]);
  });
});
