// The shuttle, end to end over HTTP (issue 13): a mediator and two delegations, north and south,
// on the river fixture. North tables a package in its caucus; south cannot see it by any route;
// the mediator carries it to south as the mediation team's own suggestion; south cannot learn
// where it came from; south counters; the mediator sees both and the link, and may reveal it.
// Then the mediator, holding the pen, issues the single text; both heads initial it with their own
// keys from the CLI; `parley verify` accepts the bundle offline, and refuses it once one character
// of the text is changed. Each step is one `it`, in order.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVATE_KEY_FILE, PUBLIC_KEY_FILE } from '@parley/cli/commands/keys.ts';
import { runCli } from '@parley/cli/test-cli.ts';
import { createApiToken } from '@parley/store/accounts/api-tokens.ts';
import { grantRole } from '@parley/store/members.ts';
import { engines, useTestDatabase } from '@parley/store/test-databases.test-support.ts';
import { everyCaseGet, startConductServer, type ConductServer } from './conduct-server.test-support.ts';

const SECRET = 'north-would-accept-a-joint-commission';
const CONDUCT_KINDS = ['message', 'proposal', 'carry', 'actor'];

describe.each(engines)('the shuttle on $name', (engine) => {
  const database = useTestDatabase(engine);
  let s: ConductServer;
  /** Ids as the scenario makes them. */
  const ids = { northPackage: '', northMessage: '', copy: '', carry: '', counter: '', own: '', ownCarry: '' };

  beforeAll(async () => {
    s = await startConductServer(database());
  }, 120_000);
  afterAll(async () => {
    await s?.server.close();
    if (keysDir) await rm(keysDir, { recursive: true, force: true });
  });
  let keysDir = '';

  it('gives each side the channels it may use', async () => {
    expect((await s.as('mediator').get('/channels')).body).toEqual([
      { id: 'plenary', party: null, visibility: 'case' },
      { id: 'north', party: 'north', visibility: 'channel:north' },
      { id: 'south', party: 'south', visibility: 'channel:south' },
    ]);
    expect((await s.as('south').get('/channels')).body).toEqual([
      { id: 'plenary', party: null, visibility: 'case' },
      { id: 'south', party: 'south', visibility: 'channel:south' },
    ]);
    expect((await s.as('observer').get('/channels')).body).toEqual([
      { id: 'plenary', party: null, visibility: 'case' },
    ]);
  });

  it('north tables a package in its caucus, and says why there', async () => {
    const message = await s.as('north').post('/channels/north/messages', { text: `Between us: ${SECRET}.` });
    expect(message.status).toBe(201);
    ids.northMessage = message.body.id;
    const tabled = await s.as('north').post('/channels/north/proposals', {
      content: {
        type: 'package',
        values: [
          { issue: 'monitor', value: 'joint' },
          { issue: 'dam-moratorium', value: false },
        ],
      },
      note: SECRET,
    });
    expect(tabled.status).toBe(201);
    ids.northPackage = tabled.body.id;
    expect(tabled.body.id).toMatch(/^p-[a-z0-9]{20}$/);
    expect(tabled.body).toMatchObject({
      kind: 'proposal',
      visibility: 'channel:north',
      version: 1,
      body: { channel: 'north', tabledBy: 'north', state: 'tabled' },
    });
    expect(tabled.body.body.history).toEqual([
      { state: 'tabled', user: s.userIds.north, role: 'delegation-head:north', at: expect.any(String) },
    ]);
  });

  it('south cannot see it by any route: channels, proposals, records, search, export, the audit log', async () => {
    const secrets = [ids.northPackage, ids.northMessage, SECRET];
    // The records routes with every conduct kind, and one case kind: secrets live only in the former.
    const paths = everyCaseGet([ids.northPackage, ids.northMessage, 'p-aaaaaaaaaaaaaaaaaaaa'], CONDUCT_KINDS);
    expect(paths.length).toBeGreaterThan(40);
    const leaks: string[] = [];
    for (const path of paths) {
      const answer = await s.as('south').get(path);
      const text = JSON.stringify(answer.body ?? '');
      // A hidden id answers exactly as an id that never existed (the path itself may echo it).
      const asked = text.replaceAll(ids.northPackage, 'ID').replaceAll(ids.northMessage, 'ID');
      for (const secret of secrets)
        if (text.includes(secret) && !path.includes(encodeURIComponent(secret)))
          leaks.push(`${path}: ${secret}`);
      if (path.includes(ids.northPackage) || path.includes(ids.northMessage)) {
        const missing = await s
          .as('south')
          .get(
            path
              .replaceAll(ids.northPackage, 'p-aaaaaaaaaaaaaaaaaaaa')
              .replaceAll(ids.northMessage, 'p-aaaaaaaaaaaaaaaaaaaa'),
          );
        const never = JSON.stringify(missing.body ?? '').replaceAll('p-aaaaaaaaaaaaaaaaaaaa', 'ID');
        if (answer.status !== missing.status || asked !== never)
          leaks.push(`${path}: answers unlike a missing id`);
      }
    }
    expect(leaks).toEqual([]);
    // The probe finds what is there: the mediator, who sees the caucus, meets every secret.
    const found = new Set<string>();
    for (const path of paths) {
      const text = JSON.stringify((await s.as('mediator').get(path)).body ?? '');
      for (const secret of secrets) if (text.includes(secret) && !path.includes(secret)) found.add(secret);
    }
    expect([...found].sort()).toEqual([...secrets].sort());
    expect((await s.as('south').get(`/proposals/${ids.northPackage}`)).status).toBe(404);
    expect((await s.as('south').get('/channels/north/proposals')).body).toEqual({
      error: { code: 'not-found', message: 'no channel "north" in case "river-accord"' },
    });
  });

  it("the mediator carries it to south as the mediation team's own suggestion, reworded", async () => {
    const carried = await s.as('mediator').post(`/proposals/${ids.northPackage}/carry`, {
      to: 'south',
      as: 'suggestion',
      values: [
        { issue: 'monitor', value: 'joint' },
        { issue: 'dam-moratorium', value: true },
      ],
      note: 'A thought of ours.',
    });
    expect(carried.status).toBe(201);
    ids.copy = carried.body.id;
    expect(ids.copy).not.toBe(ids.northPackage);
    expect(carried.body.origin).toEqual({
      channel: 'north',
      tabledBy: 'north',
      proposal: ids.northPackage,
      as: 'suggestion',
    });
    const carries = (await s.as('mediator').get('/carries')).body;
    expect(carries.map((c: { body: unknown }) => c.body)).toEqual([
      {
        id: expect.stringMatching(/^c-/),
        copy: ids.copy,
        to: 'south',
        as: 'suggestion',
        original: ids.northPackage,
        from: 'north',
        origin: 'north',
        by: { user: s.userIds.mediator, role: 'mediator', at: expect.any(String) },
      },
    ]);
    ids.carry = carries[0].id;
  });

  it('south sees a suggestion of the mediation team and nothing of its origin', async () => {
    const seen = await s.as('south').get('/channels/south/proposals');
    expect(seen.body).toEqual([
      {
        kind: 'proposal',
        id: ids.copy,
        visibility: 'channel:south',
        version: 1,
        body: {
          id: ids.copy,
          channel: 'south',
          tabledBy: 'mediation',
          content: {
            type: 'package',
            values: [
              { issue: 'monitor', value: 'joint' },
              { issue: 'dam-moratorium', value: true },
            ],
          },
          state: 'tabled',
          history: [{ state: 'tabled', user: s.userIds.mediator, role: 'mediator', at: expect.any(String) }],
          note: 'A thought of ours.',
        },
      },
    ]);
    const one = await s.as('south').get(`/proposals/${ids.copy}`);
    expect(one.headers.get('ETag')).toBe('"1"');
    expect(one.body.origin).toBeUndefined();
    // Nothing south may read names north's proposal, the carry, or north at all in the carry's entries.
    const paths = everyCaseGet([ids.copy, ids.carry, ids.northPackage], CONDUCT_KINDS);
    const leaks: string[] = [];
    for (const path of paths) {
      const text = JSON.stringify((await s.as('south').get(path)).body ?? '');
      for (const secret of [ids.northPackage, ids.carry, SECRET])
        if (text.includes(secret) && !path.includes(secret)) leaks.push(`${path}: ${secret}`);
    }
    expect(leaks).toEqual([]);
  });

  it("south's audit log cannot tell the carried suggestion from one the team wrote itself", async () => {
    const own = await s.as('mediator').post('/channels/south/proposals', {
      content: { type: 'package', values: [{ issue: 'monitor', value: 'league' }] },
    });
    expect(own.status).toBe(201);
    ids.own = own.body.id;
    const entries = (await s.as('south').get('/audit')).body.entries as {
      seq: number;
      action?: string;
      target?: string;
      roles?: string;
      payload?: { body?: unknown };
    }[];
    const around = (id: string) => {
      const i = entries.findIndex((e) => e.target === `proposal/${id}`);
      return entries
        .slice(i, i + 2)
        .map((e) => (e.action ? `${e.action} ${e.target!.split('/')[0]} ${e.roles}` : 'sealed'));
    };
    expect(around(ids.copy)).toEqual(['record.create proposal mediator', 'sealed']);
    expect(around(ids.own)).toEqual(around(ids.copy));
    // The whole log checks out for south, sealed entries and all.
    expect((await s.as('south').get('/audit')).body.check).toMatchObject({ ok: true });
  });

  it('south values the suggestion by its own model: utility, reservation value, never the model', async () => {
    const evaluation = await s.as('south').get(`/proposals/${ids.copy}/evaluation?at=2030-03-01`);
    expect(evaluation.status).toBe(200);
    // south: monitor weight 1 (league 1, joint 0), dam moratorium weight 3 (yes 1): (0 + 3) / 4.
    expect(evaluation.body).toEqual({
      proposal: ids.copy,
      party: 'south',
      at: '2030-03-01',
      utility: 0.75,
      open: [],
      reservationValue: 0.5,
      aboveReservation: true,
      previousOffers: [],
    });
    expect(JSON.stringify(evaluation.body)).not.toContain('weight');
    // North's delegation cannot see the copy, so cannot value it; the mediator values nothing.
    expect((await s.as('north').get(`/proposals/${ids.copy}/evaluation`)).status).toBe(404);
    expect((await s.as('mediator').get(`/proposals/${ids.copy}/evaluation`)).status).toBe(403);
  });

  it('south counters in its caucus, and sees the counter among its own offers', async () => {
    const counter = await s.as('south').post('/channels/south/proposals', {
      content: {
        type: 'package',
        values: [
          { issue: 'monitor', value: 'league' },
          { issue: 'dam-moratorium', value: true },
        ],
      },
    });
    expect(counter.status).toBe(201);
    ids.counter = counter.body.id;
    const evaluation = await s.as('south').get(`/proposals/${ids.copy}/evaluation?at=2030-04-02`);
    expect(evaluation.body).toMatchObject({
      utility: 0.75,
      reservationValue: 0.8,
      aboveReservation: false,
      previousOffers: [{ proposal: ids.counter, channel: 'south', state: 'tabled', utility: 1 }],
    });
  });

  it('the mediator sees both caucuses and the link; north sees neither the copy nor the counter', async () => {
    const north = (await s.as('mediator').get('/channels/north/proposals')).body;
    const south = (await s.as('mediator').get('/channels/south/proposals')).body;
    expect(north.map((p: { id: string }) => p.id)).toEqual([ids.northPackage]);
    expect(
      south.map((p: { id: string; origin?: { proposal: string } }) => [p.id, p.origin?.proposal]),
    ).toEqual([
      [ids.copy, ids.northPackage],
      [ids.own, undefined],
      [ids.counter, undefined],
    ]);
    expect((await s.as('north').get('/channels/south/proposals')).status).toBe(404);
    expect((await s.as('north').get(`/proposals/${ids.counter}`)).status).toBe(404);
  });

  it('the mediator takes north’s package under consideration; south cannot move what it cannot see', async () => {
    const moved = await s.as('mediator').post(`/proposals/${ids.northPackage}/transitions`, {
      to: 'under-consideration',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.body.state).toBe('under-consideration');
    expect(
      (await s.as('south').post(`/proposals/${ids.northPackage}/transitions`, { to: 'rejected' })).status,
    ).toBe(404);
  });

  it('the mediator reveals the origin later: south then sees where its suggestion came from', async () => {
    const released = await s.as('mediator').post(`/carries/${ids.carry}/release`, {});
    expect(released.status).toBe(200);
    expect(released.body.visibility).toBe('channel:south');
    const one = await s.as('south').get(`/proposals/${ids.copy}`);
    expect(one.body.origin).toEqual({
      channel: 'north',
      tabledBy: 'north',
      proposal: ids.northPackage,
      as: 'suggestion',
    });
    // The original itself stays in north's caucus.
    expect((await s.as('south').get(`/proposals/${ids.northPackage}`)).status).toBe(404);
  });
  const SINGLE_TEXT = `# River Accord

## Article 1. Monitoring

1. A joint commission shall monitor the flow of the river.

2. The dam moratorium is left to a later round.
`;

  it('the mediator, given the pen, issues the single text as a new version of the accord', async () => {
    await grantRole(database(), 'river-accord', s.userIds.mediator, { role: 'mediator-lead', party: null });
    const declared = await s.as('mediator').post('/single-texts', { document: 'accord' });
    expect([declared.status, declared.body.penHolders]).toEqual([201, [s.userIds.mediator]]);
    const issued = await s.as('mediator').post('/single-texts/accord/versions', {
      id: 'v3',
      date: '2030-04-10',
      text: SINGLE_TEXT,
      sources: ['report-a'],
    });
    expect([issued.status, issued.body.basis]).toEqual([201, 'v2']);
    // A delegation may criticise the text, not issue it.
    const refused = await s.as('north').post('/single-texts/accord/versions', {
      id: 'v4',
      date: '2030-04-11',
      text: SINGLE_TEXT,
      sources: ['report-a'],
    });
    expect(refused.status).toBe(403);
    // Nor may anyone go round the pen through the generic record writes.
    const draft = await s.as('mediator').get('/records/draft/accord');
    const bypass = await s.as('mediator').post('/changes', {
      changes: [
        {
          op: 'update',
          kind: 'draft',
          id: 'accord',
          ifMatch: draft.body.version,
          body: { ...draft.body.body, title: 'River Accord (rewritten)' },
        },
      ],
    });
    expect(bypass.status).toBe(403);
    expect(bypass.body.error.message).toBe(
      'changes[0].body: the draft "accord" is a single negotiating text: its pen-holders issue its versions (POST …/single-texts/accord/versions), no other write changes it',
    );
  });

  it('both heads initial it from the CLI with their own keys; parley verify accepts it offline, and refuses one changed character', async () => {
    keysDir = await mkdtemp(path.join(tmpdir(), 'parley-scenario-keys-'));
    const base = s.server.url;
    for (const head of ['north', 'south'] as const) {
      const token = (await createApiToken(database(), s.userIds[head], 'initialling')).token;
      const dir = path.join(keysDir, head);
      expect((await runCli(['keys', 'generate', '--out', dir])).code).toBe(0);
      const registered = await runCli([
        'keys',
        'register',
        '--server',
        base,
        '--token',
        token,
        '--key',
        path.join(dir, PUBLIC_KEY_FILE),
      ]);
      expect([registered.code, registered.err]).toEqual([0, '']);
      const initialled = await runCli([
        'initial',
        '--server',
        base,
        '--token',
        token,
        'river-accord',
        'accord@v3',
        '--key',
        path.join(dir, PRIVATE_KEY_FILE),
      ]);
      expect([initialled.code, initialled.err]).toEqual([0, '']);
    }
    const bundle = await s.as('mediator').get('/drafts/accord/versions/v3/bundle');
    expect(bundle.status).toBe(200);
    expect(bundle.body.payload.text).toBe(SINGLE_TEXT);
    const file = path.join(keysDir, 'bundle.json');
    await writeFile(file, JSON.stringify(bundle.body));
    const verified = await runCli(['verify', file]);
    expect(verified.code).toBe(0);
    expect(verified.out.split('\n').filter((line) => line.startsWith('OK'))).toEqual([
      expect.stringMatching(/^OK {6}north \(north\), key /),
      expect.stringMatching(/^OK {6}south \(south\), key /),
    ]);

    const tampered = JSON.parse(await readFile(file, 'utf8'));
    tampered.payload.text = tampered.payload.text.replace('joint', 'Joint');
    await writeFile(file, JSON.stringify(tampered));
    const refused = await runCli(['verify', file]);
    expect(refused.code).toBe(1);
    expect(refused.out).not.toMatch(/^OK/m);
  }, 120_000);
});
