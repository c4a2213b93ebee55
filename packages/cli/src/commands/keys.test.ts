// The whole initialling flow from the CLI against a real server: `parley keys generate`, `parley
// keys register` (POST /api/auth/keys), `parley initial`, and `parley verify` of the bundle.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCase } from '@parley/case-files/load.ts';
import { startTestServer, type TestServer } from '@parley/server/test-server.test-support.ts';
import { createApiToken } from '@parley/store/accounts/api-tokens.ts';
import { createUser } from '@parley/store/accounts/users.ts';
import { importCase } from '@parley/store/cases.ts';
import { grantRole } from '@parley/store/members.ts';
import { engines, useTestDatabase } from '@parley/store/test-databases.test-support.ts';
import { runCli } from '../test-cli.ts';
import { PRIVATE_KEY_FILE, PUBLIC_KEY_FILE } from './keys.ts';

const CASE = 'river-accord';
const riverDir = fileURLToPath(new URL('../../../case-files/fixtures/river-deals', import.meta.url));

describe.each(engines)('keys register on $name', (engine) => {
  const database = useTestDatabase(engine);
  let server: TestServer;
  let dir: string;
  let token: string;

  beforeAll(async () => {
    const db = database();
    await importCase(db, (await loadCase(riverDir)).caseData!);
    const user = await createUser(db, {
      email: 'north-head@example.org',
      displayName: 'North Head',
      passwordHash: 'unused',
      isAdmin: false,
    });
    token = (await createApiToken(db, user.id, 'test')).token;
    await grantRole(db, CASE, user.id, { role: 'delegation-head', party: 'north' });
    server = await startTestServer({ database: db });
    dir = await mkdtemp(path.join(tmpdir(), 'parley-keys-'));
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const register = (...args: string[]) =>
    runCli(['keys', 'register', '--server', server.url, '--token', token, ...args]);

  it('generates a key, registers it, initials with it and verifies the bundle, all from the CLI', async () => {
    expect((await runCli(['keys', 'generate', '--out', dir])).code).toBe(0);
    const registered = await register('--key', path.join(dir, PUBLIC_KEY_FILE), '--name', 'laptop');
    expect(registered.err).toBe('');
    expect(registered.code).toBe(0);
    const listed = await server.call('GET', '/api/auth/keys', { bearer: token });
    expect(listed.body.keys).toHaveLength(1);
    const [key] = listed.body.keys;
    expect(registered.out).toBe(`registered key ${key.id} ("laptop"), fingerprint ${key.fingerprint}`);
    expect(key.name).toBe('laptop');

    // Registering the same key again, by its private file this time, adds nothing.
    const again = await register('--key', path.join(dir, PRIVATE_KEY_FILE));
    expect(again).toEqual({
      code: 0,
      err: '',
      out: `${key.fingerprint} is already registered to you as key ${key.id} ("laptop")`,
    });
    expect((await server.call('GET', '/api/auth/keys', { bearer: token })).body.keys).toHaveLength(1);

    const initialled = await runCli([
      'initial',
      '--server',
      server.url,
      '--token',
      token,
      CASE,
      'accord@v1',
      '--key',
      path.join(dir, PRIVATE_KEY_FILE),
    ]);
    expect(initialled.err).toBe('');
    expect(initialled.code).toBe(0);
    const bundle = await server.call('GET', `/api/cases/${CASE}/drafts/accord/versions/v1/bundle`, {
      bearer: token,
    });
    const file = path.join(dir, 'bundle.json');
    await writeFile(file, JSON.stringify(bundle.body));
    const verified = await runCli(['verify', file]);
    expect(verified.code).toBe(0);
    expect(verified.out.split('\n')[1]).toBe(`OK      North Head (north), key ${key.fingerprint}`);
  });

  it('refuses a key that is not Ed25519, a missing file and a wrong token, each with a clear message', async () => {
    const rsa = path.join(dir, 'rsa.pem');
    await writeFile(
      rsa,
      generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }),
    );
    expect(await register('--key', rsa)).toEqual({ code: 1, out: '', err: `${rsa}: a rsa key, not ed25519` });
    const missing = await register('--key', path.join(dir, 'none.pem'));
    expect([missing.code, missing.err.split('\n')[0]]).toEqual([
      2,
      `parley: ${path.join(dir, 'none.pem')}: no such key file`,
    ]);
    const stranger = await runCli([
      'keys',
      'register',
      '--server',
      server.url,
      '--token',
      'parley_not-a-token',
      '--key',
      path.join(dir, PUBLIC_KEY_FILE),
    ]);
    expect(stranger.code).toBe(1);
    expect(stranger.err).toMatch(/^GET \/api\/auth\/keys: 401 /);
  });
});
