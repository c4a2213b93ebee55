import { describe, expect, it } from 'vitest';
import { minimalCase } from '../minimal-case.test-support.ts';
import { positionsView } from './positions.ts';

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
});
