import { describe, expect, it } from 'vitest';
import { minimalCase } from '../minimal-case.test-support.ts';
import { overviewView } from './overview.ts';

describe('overviewView', () => {
  it('counts records, names who takes part, lists contested points and the gaps as of asOf', async () => {
    expect(overviewView(await minimalCase())).toEqual({
      view: 'overview',
      case: 'river-accord',
      title: 'River Accord talks (test fixture)',
      summary: 'An invented two-party negotiation over a shared river, used to test Parley.',
      period: '2030-01/2030-06',
      asOf: '2030-03-01',
      counts: {
        actors: 4,
        rounds: 2,
        events: 1,
        issues: 4,
        positions: 8,
        sources: 2,
        propositions: 3,
        claims: 5,
        draftVersions: 2,
      },
      parties: ['north', 'south'],
      mediators: ['envoy'],
      prospectiveGuarantors: ['league'],
      firstDate: '2030-02-01',
      lastDate: '2030-02-10/2030-02-12',
      latestDraft: { document: 'accord', version: 'v2', date: '2030-02-12', status: 'working-draft' },
      contestedPropositions: ['league-guarantee-offered', 'flow-figure'],
      gaps: [{ issue: 'min-flow', value: 10, unit: 'm3/s' }],
    });
  });

  it('gives no gaps and no asOf for a case without an asOf date', async () => {
    const c = await minimalCase();
    const overview = overviewView({ ...c, meta: { ...c.meta, asOf: undefined } });
    expect(overview.asOf).toBeUndefined();
    expect(overview.gaps).toEqual([]);
  });
});
