import { describe, expect, it } from 'vitest';
import { minimalCase } from '../minimal-case.test-support.ts';
import { bracketsReport } from './brackets.ts';

describe('bracketsReport', () => {
  it('gives the brackets of each version in date order, and the trend', async () => {
    const report = bracketsReport(await minimalCase(), { document: 'accord' });
    expect(report.title).toBe('River Accord');
    expect(report.warnings.map((w) => w.warnings)).toEqual([[], []]);
    const provisions = { agreed: 0, bracketed: 0, deferred: 0, dropped: 0, unmarked: 2 };
    expect(report.json).toEqual({
      document: 'accord',
      entries: [
        {
          version: 'v1',
          date: '2030-02-01',
          brackets: 2,
          byParty: { unattributed: 2 },
          maxDepth: 1,
          wordsInBrackets: 2,
          words: 14,
          provisions,
        },
        {
          version: 'v2',
          date: '2030-02-12',
          brackets: 0,
          byParty: {},
          maxDepth: 0,
          wordsInBrackets: 0,
          words: 13,
          provisions,
          delta: -2,
        },
      ],
      trend: 'converging',
    });
  });

  it('orders versions by date, not by their order in drafts.yaml', async () => {
    const c = await minimalCase();
    const [accord] = c.drafts;
    const reversed = { ...c, drafts: [{ ...accord!, versions: [...accord!.versions].reverse() }] };
    expect(bracketsReport(reversed, { document: 'accord' }).json.entries.map((e) => e.version)).toEqual([
      'v1',
      'v2',
    ]);
  });

  it('names the documents there are when the document is unknown', async () => {
    const c = await minimalCase();
    expect(() => bracketsReport(c, { document: 'treaty' })).toThrow(
      'parley: unknown draft document "treaty" (documents: accord)',
    );
  });
});
