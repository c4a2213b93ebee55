// The server key in the file PARLEY_SERVER_KEY names: made once, readable by its owner only,
// the same key on every later start, and a file that holds no Ed25519 key refused by name.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverKeyFile } from './server-key.ts';

describe('the server key in a file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parley-server-key-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is made on first use, mode 0600, and is the same key ever after', async () => {
    const file = path.join(dir, 'server.pem');
    const made = await serverKeyFile(file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(made.kept).toBe('file');
    expect(made.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect((await serverKeyFile(file)).fingerprint).toBe(made.fingerprint);
  });

  it('refuses a file that is not an Ed25519 private key', async () => {
    const rsa = path.join(dir, 'rsa.pem');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    await writeFile(rsa, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await expect(serverKeyFile(rsa)).rejects.toThrow(`PARLEY_SERVER_KEY=${rsa}: a rsa key, not ed25519`);
    const junk = path.join(dir, 'junk.pem');
    await writeFile(junk, 'not a key');
    await expect(serverKeyFile(junk)).rejects.toThrow(`PARLEY_SERVER_KEY=${junk}: not a PEM private key`);
  });
});
