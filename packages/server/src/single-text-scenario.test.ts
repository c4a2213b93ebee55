// The single negotiating text over HTTP, start to finish: the mediator issues v1, both delegations
// criticise it, the mediator issues v2 and puts it to a yes/no round, north says yes and south no,
// the round closes, and the convergence series comes out exact.
import { describe, expect, it } from 'vitest';
import { engines } from '@parley/store/test-databases.test-support.ts';
import { TEXTS, V1_TEXT, V2_TEXT, useSingleTextServer, versionBody } from './single-text.test-support.ts';

describe.each(engines)('the single negotiating text on $name', (engine) => {
  const served = useSingleTextServer(engine);

  it('runs from the first version to a closed round, with the bracket convergence series', async () => {
    const { call, userId } = served();
    const charter = `${TEXTS}/charter`;
    const declared = await call('lead', 'POST', TEXTS, { document: 'charter', title: 'River Charter' });
    expect([declared.status, declared.body]).toEqual([
      201,
      { id: 'charter', title: 'River Charter', kind: 'treaty', penHolders: [userId('lead')] },
    ]);

    const v1 = await call('lead', 'POST', `${charter}/versions`, versionBody('v1', '2030-03-01', V1_TEXT));
    expect(v1.status).toBe(201);

    for (const [person, provision, text] of [
      ['northHead', 'art-1.p2', 'Monthly publication is more than our gauges can deliver.'],
      ['southHead', 'art-2.p1', 'Quotas set upstream alone leave the delta without a say.'],
      ['southHead', 'art-1.p1', 'Thirty cubic metres dries the delta in August.'],
    ] as const) {
      const made = await call(person, 'POST', `${charter}/versions/v1/criticisms`, { provision, text });
      expect(made.status).toBe(201);
    }

    const v2 = await call('lead', 'POST', `${charter}/versions`, versionBody('v2', '2030-03-10', V2_TEXT));
    expect([v2.status, v2.body.basis]).toEqual([201, 'v1']);

    const round = await call('lead', 'POST', `${charter}/versions/v2/rounds`, {});
    expect([round.status, round.body]).toEqual([
      201,
      {
        id: 'charter@v2#1',
        document: 'charter',
        version: 'v2',
        signatories: ['north', 'south'],
        status: 'open',
        openedBy: userId('lead'),
      },
    ]);
    expect(
      (await call('northHead', 'PUT', `${charter}/versions/v2/rounds/1/answer`, { answer: 'yes' })).status,
    ).toBe(200);
    expect(
      (await call('southHead', 'PUT', `${charter}/versions/v2/rounds/1/answer`, { answer: 'no' })).status,
    ).toBe(200);
    const closed = await call('lead', 'POST', `${charter}/versions/v2/rounds/1/close`);
    expect([closed.status, closed.body.status, closed.body.result]).toEqual([
      200,
      'closed',
      { yes: ['north'], no: ['south'], none: [] },
    ]);

    const standing = await call('lead', 'GET', `${charter}/standing`);
    expect(standing.status).toBe(200);
    expect(standing.body.parties).toEqual(['north', 'south']);
    expect(standing.body.series).toEqual({
      entries: [
        {
          version: 'v1',
          date: '2030-03-01',
          openBrackets: { north: 2, south: 2 },
          openProvisions: { north: 3, south: 3 },
        },
        {
          version: 'v2',
          date: '2030-03-10',
          openBrackets: { north: 1, south: 0 },
          openProvisions: { north: 1, south: 0 },
          delta: { north: -1, south: -2 },
        },
      ],
      trend: { north: 'converging', south: 'converging' },
    });
    expect(standing.body.versions).toEqual([
      {
        version: 'v1',
        date: '2030-03-01',
        parties: [
          {
            party: 'north',
            brackets: 2,
            criticisms: 1,
            openProvisions: ['art-1.p1', 'art-1.p2', 'art-2.p1'],
            answer: null,
            holdsOpen: true,
          },
          {
            party: 'south',
            brackets: 2,
            criticisms: 2,
            openProvisions: ['art-1.p1', 'art-1.p2', 'art-2.p1'],
            answer: null,
            holdsOpen: true,
          },
        ],
      },
      {
        version: 'v2',
        date: '2030-03-10',
        parties: [
          {
            party: 'north',
            brackets: 1,
            criticisms: 0,
            openProvisions: ['art-2.p1'],
            answer: 'yes',
            holdsOpen: true,
          },
          { party: 'south', brackets: 0, criticisms: 0, openProvisions: [], answer: 'no', holdsOpen: true },
        ],
      },
    ]);

    // North sees its own criticism, not south's: south's v1 standing is its brackets alone.
    const north = await call('northHead', 'GET', `${charter}/standing`);
    expect(north.body.versions[0].parties[1]).toEqual({
      party: 'south',
      brackets: 2,
      criticisms: 0,
      openProvisions: ['art-1.p1', 'art-1.p2'],
      answer: null,
      holdsOpen: true,
    });
    expect(north.body.versions[1].parties.map((p: { answer: string }) => p.answer)).toEqual(['yes', 'no']);
  });
});
