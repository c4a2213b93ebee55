// Optimistic concurrency over real HTTP: 50 writers update one record at once, each with the
// version it read. Exactly one write succeeds per version, every other is refused with 409 and
// the record as it now stands, and the record ends as the last successful write left it.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCase } from '@parley/case-files/load.ts';
import { createApiToken } from '@parley/store/accounts/api-tokens.ts';
import { createUser } from '@parley/store/accounts/users.ts';
import { importCase } from '@parley/store/cases.ts';
import { grantRole } from '@parley/store/members.ts';
import { engines, useTestDatabase } from '@parley/store/test-databases.test-support.ts';
import { startTestServer, type TestServer } from './test-server.test-support.ts';

const riverDir = fileURLToPath(new URL('../../case-files/fixtures/river-deals', import.meta.url));
const WRITERS = 50;
const RECORD = '/api/cases/river-accord/records/actor/north';

describe.each(engines)('concurrent writers on $name', (engine) => {
  const database = useTestDatabase(engine);
  let server: TestServer;
  let token = '';

  beforeAll(async () => {
    const db = database();
    await importCase(db, (await loadCase(riverDir)).caseData!);
    const user = await createUser(db, {
      email: 'writer@example.org',
      displayName: 'Writer',
      passwordHash: 'unused',
      isAdmin: false,
    });
    await grantRole(db, 'river-accord', user.id, { role: 'mediator-lead', party: null });
    token = (await createApiToken(db, user.id, 'writers')).token;
    server = await startTestServer({ database: db });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('lets exactly one writer through per version and loses no update', async () => {
    const first = await server.call('GET', RECORD, { bearer: token });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"1"');
    const base = first.body.body;

    const successes: { writer: number; replaced: number; version: number }[] = [];
    let refusals = 0;
    // Every writer starts from version 1 at the same moment; after a 409 it retries from the
    // version the refusal reports, until its own write has gone through once.
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        let version = 1;
        for (;;) {
          const answer = await server.call('PUT', RECORD, {
            bearer: token,
            headers: { 'If-Match': `"${version}"` },
            json: { body: { ...base, name: `Northland (writer ${writer})` } },
          });
          if (answer.status === 200) {
            successes.push({ writer, replaced: version, version: answer.body.version });
            expect(answer.headers.get('etag')).toBe(`"${answer.body.version}"`);
            return;
          }
          expect(answer.status).toBe(409);
          expect(answer.body.error.code).toBe('conflict');
          expect(answer.body.current.version).toBeGreaterThan(version);
          expect(answer.headers.get('etag')).toBe(`"${answer.body.current.version}"`);
          refusals++;
          version = answer.body.current.version;
        }
      }),
    );

    // One success per version, in an unbroken chain 1 → 2 → … → 51.
    expect(successes).toHaveLength(WRITERS);
    expect(successes.map((s) => s.replaced).sort((a, b) => a - b)).toEqual(
      Array.from({ length: WRITERS }, (_, i) => i + 1),
    );
    expect(successes.every((s) => s.version === s.replaced + 1)).toBe(true);
    // The first round alone refuses 49 writers; later rounds refuse more.
    expect(refusals).toBeGreaterThanOrEqual(WRITERS - 1);

    const last = successes.find((s) => s.version === WRITERS + 1)!;
    const final = await server.call('GET', RECORD, { bearer: token });
    expect(final.body.version).toBe(WRITERS + 1);
    expect(final.body.body).toEqual({ ...base, name: `Northland (writer ${last.writer})` });
  }, 120_000);

  it('refuses an update without If-Match (428) and a blind If-Match: * (400)', async () => {
    const body = { body: (await server.call('GET', RECORD, { bearer: token })).body.body };
    const none = await server.call('PUT', RECORD, { bearer: token, json: body });
    expect(none.status).toBe(428);
    expect(none.body.error.code).toBe('precondition-required');
    const star = await server.call('PUT', RECORD, {
      bearer: token,
      json: body,
      headers: { 'If-Match': '*' },
    });
    expect(star.status).toBe(400);
    expect(star.body.error.code).toBe('usage');
  });
});
