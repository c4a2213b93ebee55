// Signed checkpoints over HTTP: the server's public key, checkpoints made on demand by the
// mediation team and on their own every N entries, and read by every member.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCase } from '@parley/case-files/load.ts';
import { createApiToken } from '@parley/store/accounts/api-tokens.ts';
import { createUser } from '@parley/store/accounts/users.ts';
import { readAudit } from '@parley/store/audit/read-audit.ts';
import { checkpointProblem, verifyAudit } from '@parley/store/signing/signed-checkpoint.ts';
import { importCase } from '@parley/store/cases.ts';
import { grantRole } from '@parley/store/members.ts';
import type { Membership } from '@parley/store/membership.ts';
import { serverKeyOf } from '@parley/store/signing/server-key.ts';
import { engines, useTestDatabase } from '@parley/store/test-databases.test-support.ts';
import { everything } from '@parley/store/visibility.ts';
import type { ServerDeps } from '../server-env.ts';
import { checkpointEveryFrom } from './checkpoints.ts';
import { startTestServer, type TestServer } from '../test-server.test-support.ts';

const CASE = 'river-accord';
const riverDir = fileURLToPath(new URL('../../../case-files/fixtures/river-deals', import.meta.url));
const CHECKPOINTS = `/api/cases/${CASE}/audit/checkpoints`;

describe.each(engines)('signed checkpoints on $name', (engine) => {
  const database = useTestDatabase(engine);
  let server: TestServer;
  const tokens: Record<string, string> = {};
  let actor: Record<string, unknown>;

  beforeAll(async () => {
    const db = database();
    const river = (await loadCase(riverDir)).caseData!;
    actor = river.actors[0]! as unknown as Record<string, unknown>;
    await importCase(db, river);
    const people: [string, Membership][] = [
      ['mediator', { role: 'mediator', party: null }],
      ['observer', { role: 'observer', party: null }],
      ['north-head', { role: 'delegation-head', party: 'north' }],
    ];
    for (const [name, membership] of people) {
      const user = await createUser(db, {
        email: `${name}@example.org`,
        displayName: name,
        passwordHash: 'unused',
        isAdmin: false,
      });
      tokens[name] = (await createApiToken(db, user.id, 'test')).token;
      await grantRole(db, CASE, user.id, membership);
    }
    const deps = { database: db, checkpointEvery: 3 };
    server = await startTestServer(deps as ServerDeps);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  const as = (who: string, method: string, url: string, json?: unknown) =>
    server.call(method, url, { bearer: tokens[who]!, ...(json !== undefined ? { json } : {}) });

  it('publishes the server key to anyone, the same on every call', async () => {
    const key = await server.call('GET', '/api/server-key');
    expect(key.status).toBe(200);
    const { fingerprint, publicKey } = await serverKeyOf(database());
    expect(key.body).toEqual({ algorithm: 'Ed25519', fingerprint, publicKey });
    expect((await server.call('GET', '/api/server-key')).body.fingerprint).toBe(fingerprint);
  });

  it('signs the head on demand for the mediation team only, and shows it to every member', async () => {
    expect((await as('observer', 'GET', `${CHECKPOINTS}/latest`)).body.error.message).toBe(
      `no signed checkpoint of case "${CASE}" yet`,
    );
    const refused = await as('observer', 'POST', CHECKPOINTS);
    expect(refused.status).toBe(403);
    // The import and three grants: four entries.
    const made = await as('mediator', 'POST', CHECKPOINTS);
    expect(made.status).toBe(201);
    const log = await readAudit(database(), CASE, everything);
    expect(made.body).toMatchObject({ caseId: CASE, entries: 4, headHash: log[3]!.entryHash });
    const { fingerprint } = await serverKeyOf(database());
    expect(checkpointProblem(made.body, CASE, new Set([fingerprint]))).toBeUndefined();
    expect(checkpointProblem({ ...made.body, entries: 3 }, CASE, new Set([fingerprint]))).toBe(
      'its signature does not hold: it was forged or altered',
    );
    // A head is signed once: asking again gives the same checkpoint.
    expect((await as('mediator', 'POST', CHECKPOINTS)).body).toEqual(made.body);
    expect((await as('north-head', 'GET', `${CHECKPOINTS}/latest`)).body).toEqual(made.body);
    expect((await as('observer', 'GET', CHECKPOINTS)).body).toEqual({ checkpoints: [made.body] });
  });

  it('signs one on its own once a write grows the log three entries past the last', async () => {
    const add = (n: number) =>
      as('mediator', 'POST', `/api/cases/${CASE}/records/actor`, {
        body: { ...actor, id: `envoy-${n}`, name: `Envoy ${n}` },
      });
    for (const n of [1, 2]) expect((await add(n)).status).toBe(201);
    expect(
      (await as('observer', 'GET', CHECKPOINTS)).body.checkpoints.map((c: { entries: number }) => c.entries),
    ).toEqual([4]);
    expect((await add(3)).status).toBe(201);
    const { checkpoints } = (await as('observer', 'GET', CHECKPOINTS)).body;
    expect(checkpoints.map((c: { entries: number }) => c.entries)).toEqual([4, 7]);
    const log = await readAudit(database(), CASE, everything);
    const { fingerprint } = await serverKeyOf(database());
    expect(verifyAudit(CASE, log, checkpoints, { trusted: new Set([fingerprint]) })).toEqual({
      ok: true,
      entries: 7,
      headHash: log[6]!.entryHash,
      checkpoints: 2,
    });
  });
});

describe('PARLEY_CHECKPOINT_EVERY', () => {
  it('is a whole number from 1, or unset', () => {
    expect(checkpointEveryFrom({})).toBeUndefined();
    expect(checkpointEveryFrom({ PARLEY_CHECKPOINT_EVERY: '25' })).toBe(25);
    for (const bad of ['0', '-3', '2.5', 'often'])
      expect(() => checkpointEveryFrom({ PARLEY_CHECKPOINT_EVERY: bad })).toThrow(
        `PARLEY_CHECKPOINT_EVERY must be a whole number from 1, not "${bad}"`,
      );
  });
});
