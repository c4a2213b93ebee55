// Channels, messages and proposals over HTTP: status codes and exact bodies of what is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, useTestDatabase } from '@parley/store/test-databases.test-support.ts';
import { startConductServer, type ConductServer } from '../conduct-server.test-support.ts';

const pkg = (...values: { issue: string; value: unknown; unit?: string }[]) => ({
  content: { type: 'package', values },
});

describe.each(engines)('channels and proposals on $name', (engine) => {
  const database = useTestDatabase(engine);
  let s: ConductServer;

  beforeAll(async () => {
    s = await startConductServer(database());
  }, 120_000);
  afterAll(async () => {
    await s?.server.close();
  });

  it('posts and lists messages in order, with their author and role', async () => {
    await s.as('north').post('/channels/north/messages', { text: 'first' });
    await s.as('mediator').post('/channels/north/messages', {
      text: 'second',
      attachments: [{ document: 'accord', version: 'v1' }],
    });
    const listed = (await s.as('northMember').get('/channels/north/messages')).body;
    expect(listed.map((m: { body: unknown }) => m.body)).toEqual([
      {
        id: expect.stringMatching(/^m-[a-z0-9]{20}$/),
        channel: 'north',
        author: { user: s.userIds.north, role: 'delegation-head:north', at: expect.any(String) },
        text: 'first',
      },
      {
        id: expect.stringMatching(/^m-[a-z0-9]{20}$/),
        channel: 'north',
        author: { user: s.userIds.mediator, role: 'mediator', at: expect.any(String) },
        text: 'second',
        attachments: [{ document: 'accord', version: 'v1' }],
      },
    ]);
  });

  it('refuses a message to a caucus the caller does not see as a missing channel, and unknown attachments', async () => {
    expect(await bodyOf(s.as('south').post('/channels/north/messages', { text: 'hello' }))).toEqual([
      404,
      { error: { code: 'not-found', message: 'no channel "north" in case "river-accord"' } },
    ]);
    expect(
      await bodyOf(
        s
          .as('north')
          .post('/channels/north/messages', { text: 'see', attachments: [{ document: 'treaty' }] }),
      ),
    ).toEqual([
      422,
      {
        error: {
          code: 'invalid-input',
          message: 'the message has 1 problem(s)',
          diagnostics: [
            { code: 'unknown-reference', path: 'attachments[0]', message: 'unknown draft "treaty"' },
          ],
        },
      },
    ]);
    expect((await s.as('observer').post('/channels/plenary/messages', { text: 'hi' })).status).toBe(403);
  });

  it('checks a package against the agenda: known issues, kinds, options, members and units, by field', async () => {
    const answer = await bodyOf(
      s
        .as('north')
        .post(
          '/channels/north/proposals',
          pkg(
            { issue: 'no-such-issue', value: true },
            { issue: 'monitor', value: 'the-moon' },
            { issue: 'min-flow', value: 40, unit: 'l/s' },
            { issue: 'guarantors', value: ['league', 'mars'] },
            { issue: 'dam-moratorium', value: 'yes' },
            { issue: 'monitor', value: 'joint' },
          ),
        ),
    );
    expect(answer).toEqual([
      422,
      {
        error: {
          code: 'invalid-input',
          message: 'the proposal has 6 problem(s)',
          diagnostics: [
            {
              code: 'unknown-reference',
              path: 'content.values[0].issue',
              message: 'unknown issue "no-such-issue"',
            },
            {
              code: 'invalid-value',
              path: 'content.values[1].value',
              message: '"the-moon" is not an option of issue "monitor" (league, joint)',
            },
            {
              code: 'invalid-value',
              path: 'content.values[2].unit',
              message: 'unit "l/s" differs from the issue\'s unit "m3/s"',
            },
            {
              code: 'invalid-value',
              path: 'content.values[3].value[1]',
              message: '"mars" is not a member of issue "guarantors"',
            },
            {
              code: 'invalid-value',
              path: 'content.values[4].value',
              message: 'issue "dam-moratorium" is boolean; expected true or false, got string',
            },
            {
              code: 'duplicate-id',
              path: 'content.values[5].issue',
              message: 'issue "monitor" is given twice',
            },
          ],
        },
      },
    ]);
  });

  it('checks an amendment against the draft version and its provisions', async () => {
    const amend = (provision: string, version = 'v1') => ({
      content: { type: 'amendment', document: 'accord', version, provision, text: '[north: sixty]' },
    });
    expect(await bodyOf(s.as('north').post('/channels/north/proposals', amend('art-9')))).toEqual([
      422,
      {
        error: {
          code: 'invalid-input',
          message: 'the proposal has 1 problem(s)',
          diagnostics: [
            {
              code: 'unknown-reference',
              path: 'content.provision',
              message: 'accord@v1 has no provision "art-9" (provisions: art-1, art-1.p1)',
            },
          ],
        },
      },
    ]);
    const tabled = await s.as('north').post('/channels/north/proposals', amend('art-1.p1'));
    expect([tabled.status, tabled.body.body.content]).toEqual([
      201,
      { type: 'amendment', document: 'accord', version: 'v1', provision: 'art-1.p1', text: '[north: sixty]' },
    ]);
    expect(await bodyOf(s.as('north').get(`/proposals/${tabled.body.id}/evaluation`))).toEqual([
      422,
      {
        error: {
          code: 'invalid-input',
          message: `proposal "${tabled.body.id}" is an amendment: only a package has a utility`,
        },
      },
    ]);
  });

  it('moves a proposal only by the roles and from the states its life allows', async () => {
    const id = (
      await s.as('north').post('/channels/north/proposals', pkg({ issue: 'monitor', value: 'joint' }))
    ).body.id;
    const move = (who: Parameters<ConductServer['as']>[0], to: string) =>
      bodyOf(s.as(who).post(`/proposals/${id}/transitions`, { to }));
    expect(await move('north', 'under-consideration')).toEqual([
      403,
      {
        error: { code: 'forbidden', message: 'only the mediation team takes a proposal under consideration' },
      },
    ]);
    expect(await move('north', 'accepted')).toEqual([
      403,
      {
        error: {
          code: 'forbidden',
          message:
            "only the receiving side (the mediation team, or a delegation in the proposal's channel other than the north delegation) may accept a proposal",
        },
      },
    ]);
    const considered = await s
      .as('mediator')
      .post(`/proposals/${id}/transitions`, { to: 'under-consideration' });
    expect([considered.status, considered.body.version, considered.headers.get('ETag')]).toEqual([
      200,
      2,
      '"2"',
    ]);
    expect(await move('mediator', 'under-consideration')).toEqual([
      409,
      {
        error: {
          code: 'conflict',
          message: 'the proposal is under-consideration; it can be under-consideration only when tabled',
        },
      },
    ]);
    const withdrawn = await s.as('northMember').post(`/proposals/${id}/transitions`, { to: 'withdrawn' });
    expect(
      withdrawn.body.body.history.map((h: { state: string; role: string }) => [h.state, h.role]),
    ).toEqual([
      ['tabled', 'delegation-head:north'],
      ['under-consideration', 'mediator'],
      ['withdrawn', 'delegation-member:north'],
    ]);
    expect(await move('mediator', 'rejected')).toEqual([
      409,
      {
        error: {
          code: 'conflict',
          message: 'the proposal is withdrawn; it can be rejected only when tabled or under-consideration',
        },
      },
    ]);
    expect((await move('north', 'superseded'))[0]).toBe(422);
    expect(
      await bodyOf(s.as('mediator').post(`/proposals/${id}/carry`, { to: 'south', as: 'as-is' })),
    ).toEqual([
      409,
      {
        error: {
          code: 'conflict',
          message: 'the proposal is withdrawn; only one tabled or under consideration is carried',
        },
      },
    ]);
  });

  it('supersedes a proposal of the same tabler by tabling its successor', async () => {
    const first = (
      await s.as('south').post('/channels/south/proposals', pkg({ issue: 'monitor', value: 'league' }))
    ).body.id;
    const second = await s.as('south').post('/channels/south/proposals', {
      ...pkg({ issue: 'monitor', value: 'joint' }),
      supersedes: first,
    });
    expect([second.status, second.body.body.supersedes]).toEqual([201, first]);
    const old = (await s.as('south').get(`/proposals/${first}`)).body;
    expect([old.body.state, old.version]).toEqual(['superseded', 2]);
    // The mediation team cannot supersede a party's proposal.
    expect(
      await bodyOf(
        s.as('mediator').post('/channels/south/proposals', {
          ...pkg({ issue: 'monitor', value: 'joint' }),
          supersedes: second.body.id,
        }),
      ),
    ).toEqual([
      403,
      {
        error: {
          code: 'forbidden',
          message: 'only the south delegation, which tabled it, may supersede this proposal',
        },
      },
    ]);
  });

  it('carries as is with the origin shown, and refuses edits to an as-is carry', async () => {
    const id = (
      await s.as('north').post('/channels/north/proposals', pkg({ issue: 'monitor', value: 'joint' }))
    ).body.id;
    expect(
      await bodyOf(
        s.as('mediator').post(`/proposals/${id}/carry`, {
          to: 'south',
          as: 'as-is',
          values: [{ issue: 'monitor', value: 'league' }],
        }),
      ),
    ).toEqual([
      422,
      {
        error: {
          code: 'invalid-input',
          message: 'a proposal carried as is keeps its content; carry it as a suggestion to reword it',
          diagnostics: [{ code: 'invalid-value', path: 'values', message: 'not for an as-is carry' }],
        },
      },
    ]);
    const copy = await s.as('mediator').post(`/proposals/${id}/carry`, { to: 'south', as: 'as-is' });
    expect([copy.status, copy.body.body.tabledBy, copy.body.body.carried, copy.body.visibility]).toEqual([
      201,
      'north',
      true,
      'channel:south',
    ]);
    // South, receiving it, may accept it; north, which tabled it, may not.
    expect(
      (await s.as('north').post(`/proposals/${copy.body.id}/transitions`, { to: 'accepted' })).status,
    ).toBe(404);
    expect(
      (await s.as('south').post(`/proposals/${copy.body.id}/transitions`, { to: 'accepted' })).status,
    ).toBe(200);
  });

  it('keeps conduct records out of the generic record writes', async () => {
    expect(
      await bodyOf(s.as('mediator').post('/records/proposal', { body: {}, visibility: 'case' })),
    ).toEqual([
      400,
      {
        error: {
          code: 'usage',
          message:
            'a proposal is written through its own routes (docs/server.md, "Channels and proposals"), not as a record',
        },
      },
    ]);
  });
});

async function bodyOf(answer: Promise<{ status: number; body: unknown }>): Promise<[number, unknown]> {
  const { status, body } = await answer;
  return [status, body];
}
