import { describe, expect, it } from 'vitest';
import { hashPassword, verifyLoginPassword, verifyPassword } from './password.ts';

describe('passwords', () => {
  it('stores scrypt with its cost, a 16-byte salt and a 32-byte hash', async () => {
    const encoded = await hashPassword('correct horse battery');
    const [scheme, N, r, p, salt, hash, ...rest] = encoded.split('$');
    expect([scheme, N, r, p, rest]).toEqual(['scrypt', '32768', '8', '1', []]);
    expect(Buffer.from(salt!, 'base64url').length).toBe(16);
    expect(Buffer.from(hash!, 'base64url').length).toBe(32);
  });

  it('salts every hash: the same password hashes differently twice', async () => {
    const [a, b] = await Promise.all([
      hashPassword('same password here'),
      hashPassword('same password here'),
    ]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password here', a)).toBe(true);
    expect(await verifyPassword('same password here', b)).toBe(true);
  });

  it('accepts the password and nothing else', async () => {
    const encoded = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', encoded)).toBe(true);
    expect(await verifyPassword('correct horse batterY', encoded)).toBe(false);
    expect(await verifyPassword('', encoded)).toBe(false);
  });

  it('reads the cost from the stored hash, so older costs still verify', async () => {
    // A hash made with N = 2^10 (the cost is part of what is stored).
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.alloc(16, 7);
    const key = scryptSync('an older password', salt, 32, { N: 1024, r: 8, p: 1 });
    const encoded = `scrypt$1024$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
    expect(await verifyPassword('an older password', encoded)).toBe(true);
    expect(await verifyPassword('another password', encoded)).toBe(false);
  });

  it('matches nothing against a malformed hash', async () => {
    expect(await verifyPassword('whatever password', 'plain text')).toBe(false);
    expect(await verifyPassword('whatever password', 'bcrypt$1$2$3$4$5')).toBe(false);
    expect(await verifyPassword('whatever password', 'scrypt$x$8$1$AAAA$AAAA')).toBe(false);
    expect(await verifyPassword('whatever password', 'scrypt$1024$8$1$AAAA$')).toBe(false);
  });

  it('refuses a login with no account after doing the same work as a real check', async () => {
    expect(await verifyLoginPassword('correct horse battery', undefined)).toBe(false);
    const encoded = await hashPassword('correct horse battery');
    expect(await verifyLoginPassword('correct horse battery', encoded)).toBe(true);
  });
});
