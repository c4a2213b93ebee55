import { describe, expect, it } from 'vitest';
import { engines } from '@parley/store/test-databases.test-support.ts';
import { RIVER, TEXTS, V1_TEXT, useSingleTextServer, versionBody } from '../single-text.test-support.ts';

const compact = `${TEXTS}/compact`;
const v1 = `${compact}/versions/v1`;

describe.each(engines)('single text routes on $name', (engine) => {
  const served = useSingleTextServer(engine);

  it('declares a text once, with pen-holders from the mediation team only', async () => {
    const { call, userId } = served();
    const outsider = await call('lead', 'POST', TEXTS, {
      document: 'compact',
      title: 'River Compact',
      penHolders: [userId('northHead')],
    });
    expect([outsider.status, outsider.body]).toEqual([
      422,
      {
        error: {
          code: 'invalid-input',
          message: `a pen-holder is a member of the mediation team; ${userId('northHead')} is not`,
          diagnostics: [
            { code: 'invalid-value', path: 'penHolders[0]', message: 'not a mediator of the case' },
          ],
        },
      },
    ]);
    const untitled = await call('lead', 'POST', TEXTS, { document: 'compact' });
    expect([untitled.status, untitled.body.error.diagnostics]).toEqual([
      422,
      [{ code: 'missing-field', path: 'title', message: 'required for a new document' }],
    ]);
    const made = await call('lead', 'POST', TEXTS, { document: 'compact', title: 'River Compact' });
    expect(made.status).toBe(201);
    const again = await call('lead', 'POST', TEXTS, { document: 'compact', title: 'River Compact' });
    expect([again.status, again.body.error.message]).toEqual([
      409,
      '"compact" is already held as a single negotiating text',
    ]);
    // An existing draft keeps its title and kind.
    const existing = await call('lead', 'POST', TEXTS, { document: 'accord', title: 'ignored' });
    expect([existing.status, existing.body.title]).toEqual([201, 'River Accord']);
  });

  it('lets only the pen-holder issue versions', async () => {
    const { call } = served();
    const body = versionBody('v1', '2030-03-01', V1_TEXT);
    const mediator = await call('mediator', 'POST', `${compact}/versions`, body);
    expect([mediator.status, mediator.body.error.message]).toEqual([
      403,
      'only the pen-holders of the single text "compact" issue its versions and put them to rounds',
    ]);
    const head = await call('northHead', 'POST', `${compact}/versions`, body);
    expect(head.status).toBe(403);
    const undeclared = await call('lead', 'POST', `${TEXTS}/nothing/versions`, body);
    expect([undeclared.status, undeclared.body.error.message]).toEqual([
      404,
      '"nothing" is not held as a single negotiating text',
    ]);
    const issued = await call('lead', 'POST', `${compact}/versions`, body);
    expect([issued.status, issued.body]).toEqual([
      201,
      {
        document: 'compact',
        id: 'v1',
        date: '2030-03-01',
        author: 'joint',
        status: 'working-draft',
        text: 'drafts/compact-v1.txt',
        reconstruction: false,
        sources: ['report-a'],
      },
    ]);
    const unclosed = await call('lead', 'POST', `${compact}/versions`, {
      ...versionBody('v2', '2030-03-05', '## Article 1. Flow\n\n1. The flow [north: shall be 30.\n'),
    });
    expect([unclosed.status, unclosed.body]).toEqual([
      422,
      {
        error: {
          code: 'invalid-input',
          message: 'the text has 1 problem(s)',
          diagnostics: [
            {
              code: 'unclosed-bracket',
              path: 'text',
              message: '"[" is never closed (its section ends at line 4)',
              line: 3,
              column: 13,
            },
          ],
        },
      },
    ]);
    const noBasis = await call('lead', 'POST', `${compact}/versions`, {
      ...versionBody('v2', '2030-03-05', V1_TEXT),
      basis: 'v0',
    });
    expect([noBasis.status, noBasis.body]).toEqual([
      422,
      {
        error: {
          code: 'invalid-input',
          message: 'the basis "v0" is not an earlier version of "compact"',
          diagnostics: [{ code: 'unknown-reference', path: 'basis', message: 'no version "v0"' }],
        },
      },
    ]);
    const taken = await call('lead', 'POST', `${compact}/versions`, body);
    expect([taken.status, taken.body.error.message]).toEqual([
      409,
      'version "v1" of "compact" is already issued',
    ]);
    const state = await call('observer', 'GET', compact);
    expect(state.body.versions).toEqual(['v1']);

    const text = await call('observer', 'GET', `/api/cases/${RIVER}/records/draft-text/compact@v1`);
    expect(text.body.body).toEqual({ text: V1_TEXT });
  });

  it('takes criticisms anchored to a provision of the version, each party seeing its own', async () => {
    const { call, userId } = served();
    const unknown = await call('northHead', 'POST', `${v1}/criticisms`, { provision: 'art-9', text: 'x' });
    expect([unknown.status, unknown.body]).toEqual([
      400,
      {
        error: {
          code: 'usage',
          message:
            'compact@v1 has no provision "art-9" (provisions: art-1, art-1.p1, art-1.p2, art-2, art-2.p1)',
          diagnostics: [
            { code: 'unknown-id', path: 'provision', message: 'no provision "art-9" in compact@v1' },
          ],
        },
      },
    ]);
    const noVersion = await call('northHead', 'POST', `${compact}/versions/v7/criticisms`, {
      provision: 'art-1',
      text: 'x',
    });
    expect(noVersion.status).toBe(404);
    const north = await call('northMember', 'POST', `${v1}/criticisms`, {
      provision: 'art-1.p2',
      text: 'Too often.',
    });
    expect([north.status, north.body]).toEqual([
      201,
      {
        id: 'compact@v1/north/1',
        document: 'compact',
        version: 'v1',
        provision: 'art-1.p2',
        party: 'north',
        text: 'Too often.',
        by: userId('northMember'),
      },
    ]);
    await call('southHead', 'POST', `${v1}/criticisms`, { provision: 'art-1.p2', text: 'Not often enough.' });
    await call('southHead', 'POST', `${v1}/criticisms`, { provision: 'art-2.p1', text: 'Upstream alone?' });
    const wrongParty = await call('northHead', 'POST', `${v1}/criticisms`, {
      provision: 'art-1',
      text: 'x',
      party: 'south',
    });
    expect([wrongParty.status, wrongParty.body.error.message]).toEqual([
      403,
      'you speak for north in this case, not south',
    ]);

    const byPen = await call('lead', 'GET', `${v1}/criticisms`);
    expect(byPen.body).toEqual({
      document: 'compact',
      version: 'v1',
      parties: [
        {
          party: 'north',
          provisions: [
            {
              provision: 'art-1.p2',
              criticisms: [{ id: 'compact@v1/north/1', text: 'Too often.', by: userId('northMember') }],
            },
          ],
        },
        {
          party: 'south',
          provisions: [
            {
              provision: 'art-1.p2',
              criticisms: [{ id: 'compact@v1/south/1', text: 'Not often enough.', by: userId('southHead') }],
            },
            {
              provision: 'art-2.p1',
              criticisms: [{ id: 'compact@v1/south/2', text: 'Upstream alone?', by: userId('southHead') }],
            },
          ],
        },
      ],
    });
    const byNorth = await call('northHead', 'GET', `${v1}/criticisms`);
    expect(byNorth.body.parties.map((p: { party: string }) => p.party)).toEqual(['north']);
    const byObserver = await call('observer', 'GET', `${v1}/criticisms`);
    expect(byObserver.body.parties).toEqual([]);
    const oneProvision = await call('lead', 'GET', `${v1}/provisions/art-2.p1/criticisms`);
    expect(oneProvision.body.parties).toEqual([
      {
        party: 'south',
        provisions: [
          {
            provision: 'art-2.p1',
            criticisms: [{ id: 'compact@v1/south/2', text: 'Upstream alone?', by: userId('southHead') }],
          },
        ],
      },
    ]);
    const noProvision = await call('lead', 'GET', `${v1}/provisions/art-7/criticisms`);
    expect(noProvision.status).toBe(400);
  });

  it('runs a yes/no round: signatories answer, the pen-holder closes, the result goes to the case', async () => {
    const { call, userId } = served();
    const unknown = await call('lead', 'POST', `${v1}/rounds`, { signatories: ['atlantis'] });
    expect([unknown.status, unknown.body.error.diagnostics]).toEqual([
      422,
      [{ code: 'unknown-id', path: 'signatories[0]', message: 'no actor "atlantis"' }],
    ]);
    expect((await call('mediator', 'POST', `${v1}/rounds`, {})).status).toBe(403);
    const opened = await call('lead', 'POST', `${v1}/rounds`, { signatories: ['north'] });
    expect([opened.status, opened.body.id, opened.body.signatories]).toEqual([
      201,
      'compact@v1#1',
      ['north'],
    ]);
    const twice = await call('lead', 'POST', `${v1}/rounds`, {});
    expect([twice.status, twice.body.error.message]).toEqual([
      409,
      'round compact@v1#1 is still open: close it first',
    ]);

    const notAsked = await call('southHead', 'PUT', `${v1}/rounds/1/answer`, { answer: 'yes' });
    expect([notAsked.status, notAsked.body.error.message]).toEqual([
      403,
      'round compact@v1#1 asks north for an answer, not south',
    ]);
    expect((await call('northMember', 'PUT', `${v1}/rounds/1/answer`, { answer: 'yes' })).status).toBe(403);
    expect((await call('northHead', 'PUT', `${v1}/rounds/1/answer`, { answer: 'yes' })).status).toBe(200);
    const changed = await call('northHead', 'PUT', `${v1}/rounds/1/answer`, { answer: 'no' });
    expect([changed.status, changed.body]).toEqual([
      200,
      {
        id: 'compact@v1#1/north',
        round: 'compact@v1#1',
        party: 'north',
        answer: 'no',
        by: userId('northHead'),
      },
    ]);
    const missing = await call('northHead', 'PUT', `${v1}/rounds/2/answer`, { answer: 'no' });
    expect([missing.status, missing.body.error.message]).toEqual([404, 'no round "compact@v1#2"']);

    const answers = async (person: Parameters<ReturnType<typeof served>['call']>[0]) =>
      (await call(person, 'GET', `${v1}/rounds`)).body[0].answers;
    const northAnswer = [{ party: 'north', answer: 'no', by: userId('northHead') }];
    expect(await answers('lead')).toEqual(northAnswer);
    expect(await answers('northMember')).toEqual(northAnswer);
    expect(await answers('southHead')).toEqual([]);
    expect(await answers('observer')).toEqual([]);

    expect((await call('mediator', 'POST', `${v1}/rounds/1/close`)).status).toBe(403);
    const closed = await call('lead', 'POST', `${v1}/rounds/1/close`);
    expect(closed.body.result).toEqual({ yes: [], no: ['north'], none: [] });
    const seen = await call('observer', 'GET', `${v1}/rounds`);
    expect([seen.body[0].status, seen.body[0].result, seen.body[0].answers]).toEqual([
      'closed',
      { yes: [], no: ['north'], none: [] },
      [],
    ]);
    const late = await call('northHead', 'PUT', `${v1}/rounds/1/answer`, { answer: 'yes' });
    expect([late.status, late.body.error.message]).toEqual([409, 'round compact@v1#1 is closed']);
    const closedTwice = await call('lead', 'POST', `${v1}/rounds/1/close`);
    expect(closedTwice.status).toBe(409);
  });

  it("logs each step, sealing another caucus's criticisms and answers", async () => {
    const { call } = served();
    const log = (await call('southHead', 'GET', `/api/cases/${RIVER}/audit`)).body;
    const actions = log.entries.filter((e: { action?: string }) => e.action?.startsWith('single-text.'));
    // South sees the declarations, its own two criticisms, and the round opened and closed.
    expect(actions.map((e: { action: string; target: string }) => `${e.action} ${e.target}`)).toEqual([
      'single-text.declare single-text/compact',
      'single-text.declare single-text/accord',
      'single-text.criticise criticism/compact@v1/south/1',
      'single-text.criticise criticism/compact@v1/south/2',
      'single-text.round-open text-round/compact@v1#1',
      'single-text.round-close text-round/compact@v1#1',
    ]);
    expect(log.check.ok).toBe(true);
    const lead = (await call('lead', 'GET', `/api/cases/${RIVER}/audit`)).body;
    expect(lead.entries.filter((e: { action?: string }) => e.action?.startsWith('single-text.')).length).toBe(
      9,
    );
  });

  it('lets the lead hand the pen on, to the mediation team only', async () => {
    const { call, userId } = served();
    // The lead hands the pen to the co-mediator: from then on only they issue versions.
    const toHead = await call('lead', 'PUT', `${compact}/pen-holders`, { penHolders: [userId('northHead')] });
    expect([toHead.status, toHead.body.error.diagnostics]).toEqual([
      422,
      [{ code: 'invalid-value', path: 'penHolders[0]', message: 'not a mediator of the case' }],
    ]);
    const byMediator = await call('mediator', 'PUT', `${compact}/pen-holders`, {
      penHolders: [userId('mediator')],
    });
    expect(byMediator.status).toBe(403);
    const handed = await call('lead', 'PUT', `${compact}/pen-holders`, { penHolders: [userId('mediator')] });
    expect([handed.status, handed.body.penHolders]).toEqual([200, [userId('mediator')]]);
    const unknown = await call('lead', 'PUT', `${TEXTS}/nothing/pen-holders`, {
      penHolders: [userId('mediator')],
    });
    expect([unknown.status, unknown.body.error.message]).toEqual([
      404,
      '"nothing" is not held as a single negotiating text',
    ]);
    const v2 = versionBody('v2', '2030-03-05', V1_TEXT);
    const formerHolder = await call('lead', 'POST', `${compact}/versions`, v2);
    expect(formerHolder.status).toBe(403);
    const newHolder = await call('mediator', 'POST', `${compact}/versions`, v2);
    expect(newHolder.status).toBe(201);
    expect((await call('observer', 'GET', compact)).body.versions).toEqual(['v1', 'v2']);
  });
});
