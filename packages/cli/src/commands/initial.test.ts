// Initialling end to end: keys made by the CLI, a head initials over real HTTP, and
// `parley verify` checks the exported bundle offline.
import { createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCase } from '@parley/case-files/load.ts';
import { startTestServer, type TestServer } from '@parley/server/test-server.test-support.ts';
import { createApiToken } from '@parley/store/accounts/api-tokens.ts';
import { createUser } from '@parley/store/accounts/users.ts';
import { readAudit } from '@parley/store/audit/read-audit.ts';
import { importCase } from '@parley/store/cases.ts';
import { grantRole } from '@parley/store/members.ts';
import type { Membership } from '@parley/store/membership.ts';
import { fingerprintOf } from '@parley/store/signing/version-digest.ts';
import { engines, useTestDatabase } from '@parley/store/test-databases.test-support.ts';
import { everything } from '@parley/store/visibility.ts';
import { runCli } from '../test-cli.ts';
import { PRIVATE_KEY_FILE, PUBLIC_KEY_FILE } from './keys.ts';

const CASE = 'river-accord';
const riverDir = fileURLToPath(new URL('../../../case-files/fixtures/river-deals', import.meta.url));
const V1 = `/api/cases/${CASE}/drafts/accord/versions/v1`;

describe.each(engines)('initialling on $name', (engine) => {
  const database = useTestDatabase(engine);
  let server: TestServer;
  let dir: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    const db = database();
    await importCase(db, (await loadCase(riverDir)).caseData!);
    const people: [string, Membership][] = [
      ['north-head', { role: 'delegation-head', party: 'north' }],
      ['south-head', { role: 'delegation-head', party: 'south' }],
      ['mediator', { role: 'mediator', party: null }],
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
    server = await startTestServer({ database: db });
    dir = await mkdtemp(path.join(tmpdir(), 'parley-initial-'));
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const as = (who: string, method: string, url: string, json?: unknown) =>
    server.call(method, url, { bearer: tokens[who]!, ...(json !== undefined ? { json } : {}) });
  const northKey = () => path.join(dir, 'north', PRIVATE_KEY_FILE);

  it('generates a key pair locally, the private key readable by its owner only, and registers it', async () => {
    const made = await runCli(['keys', 'generate', '--out', path.join(dir, 'north')]);
    expect(made.code).toBe(0);
    expect((await stat(northKey())).mode & 0o777).toBe(0o600);
    const publicKey = await readFile(path.join(dir, 'north', PUBLIC_KEY_FILE), 'utf8');
    expect(createPublicKey(publicKey).asymmetricKeyType).toBe('ed25519');
    expect(made.out).toContain(`fingerprint ${fingerprintOf(publicKey)}`);
    // A second generate into the same folder never overwrites the key.
    expect((await runCli(['keys', 'generate', '--out', path.join(dir, 'north')])).code).toBe(74);

    const registered = await as('north-head', 'POST', '/api/auth/keys', { publicKey, name: 'laptop' });
    expect(registered.status).toBe(201);
    expect(registered.body.fingerprint).toBe(fingerprintOf(publicKey));
    const listed = await as('north-head', 'GET', '/api/auth/keys');
    expect(listed.body.keys.map((k: { name: string }) => k.name)).toEqual(['laptop']);
    expect((await as('south-head', 'GET', '/api/auth/keys')).body.keys).toEqual([]);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    const refused = await as('north-head', 'POST', '/api/auth/keys', { publicKey: rsa, name: 'rsa' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toBe('the public key is rsa, not ed25519');
  });

  it('lets a head initial over HTTP, and `parley verify` accepts the bundle offline', async () => {
    const initialled = await runCli([
      'initial',
      '--server',
      server.url,
      '--token',
      tokens['north-head']!,
      CASE,
      'accord@v1',
      '--key',
      northKey(),
    ]);
    expect(initialled.err).toBe('');
    expect(initialled.code).toBe(0);
    const { digest } = (await as('mediator', 'GET', `${V1}/digest`)).body;
    expect(initialled.out).toMatch(
      new RegExp(`^initialled accord@v1 in ${CASE} for north: digest ${digest}, key key_`),
    );

    const initials = (await as('mediator', 'GET', `${V1}/initials`)).body;
    expect(
      initials.initials.map((i: { displayName: string; party: string; current: boolean }) => [
        i.displayName,
        i.party,
        i.current,
      ]),
    ).toEqual([['north-head', 'north', true]]);
    const audit = await readAudit(database(), CASE, everything);
    expect(audit.at(-1)).toMatchObject({ action: 'draft.initial', target: 'draft/accord@v1' });

    const bundle = (await as('mediator', 'GET', `${V1}/bundle`)).body;
    const file = path.join(dir, 'bundle.json');
    await writeFile(file, JSON.stringify(bundle, null, 2));
    const verified = await runCli(['verify', file]);
    expect(verified.code).toBe(0);
    const fingerprint = initials.initials[0].fingerprint;
    expect(verified.out.split('\n')).toEqual([
      `accord@v1, digest ${digest}`,
      `OK      north-head (north), key ${fingerprint}`,
    ]);
  });

  it.each([
    ['one character of the text', (b: any) => (b.payload.text = b.payload.text.replace(/a/, 'e'))],
    ['a metadata field', (b: any) => (b.payload.version.date = '2030-02-02')],
    ['one character of the AKN', (b: any) => (b.akn = b.akn.replace('River', 'Rivet'))],
  ])('makes verify fail with exit 1, naming the signature, when %s changes', async (_, change) => {
    const file = path.join(dir, 'bundle.json');
    const bundle = JSON.parse(await readFile(file, 'utf8'));
    const before = JSON.stringify(bundle);
    change(bundle);
    expect(JSON.stringify(bundle)).not.toBe(before);
    const tampered = path.join(dir, 'tampered.json');
    await writeFile(tampered, JSON.stringify(bundle));
    const verified = await runCli(['verify', tampered]);
    expect(verified.code).toBe(1);
    expect(verified.out).toContain(`FAILED  north-head (north), key ${bundle.initials[0].fingerprint}`);
    expect(verified.err).toContain(
      `1 of 1 signature(s) failed: north-head (${bundle.initials[0].fingerprint})`,
    );
  });

  it("refuses with 422 a signature by another user's key, and one over a stale digest", async () => {
    const south = generateKeyPairSync('ed25519');
    const southPem = south.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const southKey = (await as('south-head', 'POST', '/api/auth/keys', { publicKey: southPem, name: 's' }))
      .body;
    const { digest } = (await as('north-head', 'GET', `${V1}/digest`)).body;
    const southSigned = sign(null, Buffer.from(digest), south.privateKey).toString('base64');

    const notYours = await as('north-head', 'POST', `${V1}/initials`, {
      keyId: southKey.id,
      signature: southSigned,
    });
    expect(notYours.status).toBe(422);
    expect(notYours.body.error.message).toBe(`key "${southKey.id}" is not one of your registered keys`);
    const northKeyId = (await as('north-head', 'GET', '/api/auth/keys')).body.keys[0].id;
    const wrongSigner = await as('north-head', 'POST', `${V1}/initials`, {
      keyId: northKeyId,
      signature: southSigned,
    });
    expect(wrongSigner.status).toBe(422);

    // The text changes after south signed: the signature is over a stale digest.
    const text = await as('mediator', 'GET', `/api/cases/${CASE}/records/draft-text/accord%40v1`);
    const changed = await server.call('PUT', `/api/cases/${CASE}/records/draft-text/accord%40v1`, {
      bearer: tokens.mediator!,
      headers: { 'If-Match': text.headers.get('etag')! },
      json: { body: { text: `${text.body.body.text}\n` } },
    });
    expect(changed.status).toBe(200);
    const fresh = (await as('south-head', 'GET', `${V1}/digest`)).body.digest;
    expect(fresh).not.toBe(digest);
    const stale = await as('south-head', 'POST', `${V1}/initials`, {
      keyId: southKey.id,
      signature: southSigned,
    });
    expect(stale.status).toBe(422);
    expect(stale.body.error.message).toContain(`over the version's current digest ${fresh}`);
    // North's initial was over the old text: listed, but not current, and out of the bundle.
    const initials = (await as('mediator', 'GET', `${V1}/initials`)).body.initials;
    expect(initials.map((i: { current: boolean }) => i.current)).toEqual([false]);
    expect((await as('mediator', 'GET', `${V1}/bundle`)).body.initials).toEqual([]);
  });

  it('retires a key: it initials nothing more', async () => {
    const south = generateKeyPairSync('ed25519');
    const publicKey = south.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const key = (await as('south-head', 'POST', '/api/auth/keys', { publicKey, name: 'old' })).body;
    expect((await as('north-head', 'DELETE', `/api/auth/keys/${key.id}`)).status).toBe(404);
    expect((await as('south-head', 'DELETE', `/api/auth/keys/${key.id}`)).status).toBe(204);
    expect((await as('south-head', 'DELETE', `/api/auth/keys/${key.id}`)).status).toBe(404);
    const { digest } = (await as('south-head', 'GET', `${V1}/digest`)).body;
    const signature = sign(null, Buffer.from(digest), south.privateKey).toString('base64');
    const refused = await as('south-head', 'POST', `${V1}/initials`, { keyId: key.id, signature });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(new RegExp(`^key "${key.id}" was retired on `));
  });

  it('lets a mediator not initial (403), and answers 404 for a version the case does not hold', async () => {
    const refused = await as('mediator', 'POST', `${V1}/initials`, { keyId: 'k', signature: 'AA==' });
    expect(refused.status).toBe(403);
    expect(
      (await as('north-head', 'GET', `/api/cases/${CASE}/drafts/accord/versions/v9/digest`)).status,
    ).toBe(404);
  });
});
