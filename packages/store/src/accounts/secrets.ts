import { createHash, randomBytes } from 'node:crypto';

/**
 * A new bearer secret: 32 random bytes, URL-safe. It is handed out once; the database keeps only
 * its hash, so a copy of the database opens no session and no token.
 */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** The hash a secret is stored and looked up by (SHA-256: the secret is random, no salt is needed). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
