import { describe, expect, it } from 'vitest';
import type { Case } from '@parley/model/case.ts';
import { minimalCase } from '../minimal-case.test-support.ts';
import { historyView } from './history.ts';
import { overviewView } from './overview.ts';
import { positionsView } from './positions.ts';

/** The minimal case with North's first flow figure turned into a range (South holds 50–70). */
async function northHolds(range: { min: number; max: number }): Promise<Case> {
  const c = await minimalCase();
  return {
    ...c,
    positions: c.positions.map((p) => (p.id === 'north-flow-1' ? { ...p, range, value: undefined } : p)),
  };
}

describe('positionsView', () => {
  it('gives each party its latest position known by the date, and the numeric gap', async () => {
    const data = positionsView(await minimalCase(), { at: '2030-02-01' });
    expect(data.at).toBe('2030-02-01');
    expect(data.parties).toEqual(['north', 'south']);
    const flow = data.issues.find((i) => i.issue === 'min-flow');
    expect(flow?.positions.map((p) => [p.party, p.id])).toEqual([
      ['north', 'north-flow-1'],
      ['south', 'south-flow-1'],
    ]);
    expect(flow?.gap).toEqual({
      value: 20,
      unit: 'm3/s',
      low: { party: 'north', value: 30 },
      high: { party: 'south', value: 50 },
    });
  });

  it('marks a position resting on a contested proposition with both claims', async () => {
    const data = positionsView(await minimalCase(), { at: '2030-02-12' });
    expect(data.issues[0]?.positions[0]).toEqual({
      party: 'north',
      id: 'north-flow-2',
      date: '2030-02-10/2030-02-12',
      value: 40,
      status: 'proposed',
      confidence: 'low',
      document: 'accord@v1',
      sources: ['report-b'],
      contested: [
        {
          proposition: 'flow-figure',
          statement: 'The minimum flow North offered in round 2.',
          values: [40, 45],
          claims: [
            { id: 'flow-per-times', claimant: 'envoy', stance: 'supports', value: 40, sources: ['report-b'] },
            {
              id: 'flow-per-briefing',
              claimant: 'south',
              stance: 'supports',
              value: 45,
              sources: ['report-a'],
            },
          ],
        },
      ],
    });
  });

  it("defaults to the case's asOf date and leaves out issues nobody has a position on yet", async () => {
    const c = await minimalCase();
    const data = positionsView(c);
    expect(data.at).toBe('2030-03-01');
    expect(data.issues.map((i) => i.issue)).toEqual(['min-flow', 'monitor', 'guarantors', 'dam-moratorium']);
    expect(positionsView(c, { at: '2030-01' }).issues).toEqual([]);
  });

  it('names the nearest ends of two ranges as the values the gap is measured between', async () => {
    const c = await northHolds({ min: 20, max: 35 });
    const flow = positionsView(c, { at: '2030-02-01' }).issues.find((i) => i.issue === 'min-flow');
    expect(flow?.positions.map((p) => [p.party, p.value, p.range])).toEqual([
      ['north', undefined, { min: 20, max: 35 }],
      ['south', undefined, { min: 50, max: 70 }],
    ]);
    // North's range ends at 35, South's starts at 50: the gap is 15, between those two ends.
    expect(flow?.gap).toEqual({
      value: 15,
      unit: 'm3/s',
      low: { party: 'north', value: 35 },
      high: { party: 'south', value: 50 },
    });
    expect(historyView(c, { issue: 'min-flow' }).steps[0]?.gap).toEqual(flow?.gap);
    expect(overviewView({ ...c, meta: { ...c.meta, asOf: '2030-02-01' } }).gaps).toEqual([
      { issue: 'min-flow', value: 15, unit: 'm3/s' },
    ]);
  });

  it('gives no gap for overlapping ranges, and low above high marks the shared span', async () => {
    const flow = positionsView(await northHolds({ min: 45, max: 60 }), { at: '2030-02-01' }).issues.find(
      (i) => i.issue === 'min-flow',
    );
    expect(flow?.gap).toEqual({
      value: 0,
      unit: 'm3/s',
      low: { party: 'north', value: 60 },
      high: { party: 'south', value: 50 },
    });
  });
});
