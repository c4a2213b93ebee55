// Several record changes in one request: what must arrive together (a source and the claim that
// cites it, a draft and its texts) can be added, all or nothing, over real HTTP.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '@parley/model/case.ts';
import { loadCase } from '@parley/case-files/load.ts';
import { createApiToken } from '@parley/store/accounts/api-tokens.ts';
import { createUser } from '@parley/store/accounts/users.ts';
import { readAudit } from '@parley/store/audit/read-audit.ts';
import { importCase } from '@parley/store/cases.ts';
import { grantRole } from '@parley/store/members.ts';
import { engines, useTestDatabase } from '@parley/store/test-databases.test-support.ts';
import { everything } from '@parley/store/visibility.ts';
import { startTestServer, type TestServer } from '../test-server.test-support.ts';

const riverDir = fileURLToPath(new URL('../../../case-files/fixtures/river-deals', import.meta.url));
const CASE = 'river-accord';
const CHANGES = `/api/cases/${CASE}/changes`;

describe.each(engines)('batched changes on $name', (engine) => {
  const database = useTestDatabase(engine);
  let server: TestServer;
  let token = '';
  let river: Case;
  const post = (json: unknown) => server.call('POST', CHANGES, { bearer: token, json });
  const exported = async () =>
    JSON.stringify((await server.call('GET', `/api/cases/${CASE}/export`, { bearer: token })).body);

  beforeAll(async () => {
    const db = database();
    river = (await loadCase(riverDir)).caseData!;
    await importCase(db, river);
    const user = await createUser(db, {
      email: 'pen@example.org',
      displayName: 'Pen',
      passwordHash: 'unused',
      isAdmin: false,
    });
    await grantRole(db, CASE, user.id, { role: 'mediator-lead', party: null });
    token = (await createApiToken(db, user.id, 'changes')).token;
    server = await startTestServer({ database: db });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('adds a source only together with a claim that cites it', async () => {
    const source = { ...river.sources[0]!, id: 'new-report' };
    const claim = { ...river.claims[0]!, id: 'new-claim', sources: ['new-report'] };
    const alone = await server.call('POST', `/api/cases/${CASE}/records/source`, {
      bearer: token,
      json: { body: source },
    });
    expect([alone.status, alone.body.error.code]).toEqual([409, 'conflict']);

    const together = await post({
      changes: [
        { op: 'create', kind: 'source', body: source },
        { op: 'create', kind: 'claim', body: claim },
      ],
    });
    expect([together.status, together.body]).toEqual([
      200,
      {
        applied: [
          { op: 'create', kind: 'source', id: 'new-report', version: 1 },
          { op: 'create', kind: 'claim', id: 'new-claim', version: 1 },
        ],
      },
    ]);
    const log = await readAudit(database(), CASE, everything);
    expect(log.slice(-2).map((e) => ('target' in e ? `${e.action} ${e.target}` : '?'))).toEqual([
      'record.create source/new-report',
      'record.create claim/new-claim',
    ]);
  });

  it('adds a new draft together with its texts, and its brackets can be read', async () => {
    const draft = river.drafts[0]!;
    const copy = { ...draft, id: 'side-letter', title: 'Side letter' };
    const texts = draft.versions.map((v) => ({
      op: 'create',
      kind: 'draft-text',
      id: `side-letter@${v.id}`,
      body: { text: river.draftTexts[`${draft.id}@${v.id}`] },
    }));
    const answer = await post({ changes: [{ op: 'create', kind: 'draft', body: copy }, ...texts] });
    expect(answer.status).toBe(200);
    expect(answer.body.applied.map((a: { id: string }) => a.id)).toEqual([
      'side-letter',
      ...draft.versions.map((v) => `side-letter@${v.id}`),
    ]);
    const brackets = await server.call('GET', `/api/cases/${CASE}/drafts/side-letter/brackets`, {
      bearer: token,
    });
    const original = await server.call('GET', `/api/cases/${CASE}/drafts/${draft.id}/brackets`, {
      bearer: token,
    });
    expect(brackets.status).toBe(200);
    expect(brackets.body.document).toBe('side-letter');
    expect(brackets.body.entries.length).toBe(draft.versions.length);
    expect(brackets.body.entries).toEqual(original.body.entries);
  });

  it('applies nothing when one change is invalid, naming it at changes[i].body', async () => {
    const before = await exported();
    const answer = await post({
      changes: [
        { op: 'create', kind: 'actor', body: { ...river.actors[0]!, id: 'fine-actor' } },
        { op: 'create', kind: 'actor', body: { ...river.actors[0]!, id: 'bad-actor', kind: 'planet' } },
      ],
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error.diagnostics.map((d: { path: string }) => d.path)).toEqual([
      'changes[1].body.kind',
    ]);
    expect(await exported()).toBe(before);
  });

  it('applies nothing when one change replaces a stale version', async () => {
    const before = await exported();
    const actor = river.actors[0]!;
    const answer = await post({
      changes: [
        { op: 'create', kind: 'actor', body: { ...actor, id: 'another-actor' } },
        { op: 'update', kind: 'actor', id: actor.id, body: { ...actor, name: 'Renamed' }, ifMatch: 7 },
      ],
    });
    expect([answer.status, answer.body.error.code]).toEqual([409, 'conflict']);
    expect(answer.body.error.message).toMatch(/^changes\[1\]: the actor "north" is at version 1, not 7/);
    expect(await exported()).toBe(before);
  });
});
