import { randomBytes } from 'node:crypto';
import { ParleyError } from '@parley/model/errors.ts';
import type { Database } from '../database.ts';
import { ed25519Key, fingerprintOf } from './version-digest.ts';

/** A user's registered public key; the private key never leaves the user's machine. */
export interface SigningKey {
  id: string;
  userId: string;
  name: string;
  publicKey: string;
  fingerprint: string;
  createdAt: string;
  retiredAt: string | null;
}

type Row = {
  id: string;
  user_id: string;
  name: string;
  public_key: string;
  fingerprint: string;
  created_at: Date;
  retired_at: Date | null;
};
const keyOf = (r: Row): SigningKey => ({
  id: r.id,
  userId: r.user_id,
  name: r.name,
  publicKey: r.public_key,
  fingerprint: r.fingerprint,
  createdAt: new Date(r.created_at).toISOString(),
  retiredAt: r.retired_at === null ? null : new Date(r.retired_at).toISOString(),
});

/** Registers an Ed25519 public key (PEM) for the user. */
export async function registerKey(
  database: Database,
  userId: string,
  publicKey: string,
  name: string,
): Promise<SigningKey> {
  const pem = ed25519Key(publicKey).export({ type: 'spki', format: 'pem' }).toString();
  const row = await database.db
    .insertInto('signing_keys')
    .values({
      id: `key_${randomBytes(9).toString('base64url')}`,
      user_id: userId,
      name,
      public_key: pem,
      fingerprint: fingerprintOf(pem),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return keyOf(row);
}

export async function listKeys(database: Database, userId: string): Promise<SigningKey[]> {
  const rows = await database.db
    .selectFrom('signing_keys')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(keyOf);
}

export async function getKey(database: Database, keyId: string): Promise<SigningKey | undefined> {
  const row = await database.db
    .selectFrom('signing_keys')
    .selectAll()
    .where('id', '=', keyId)
    .executeTakeFirst();
  return row ? keyOf(row) : undefined;
}

/** Retires one of the user's keys: it signs nothing more, and what it signed stays verifiable. */
export async function retireKey(database: Database, userId: string, keyId: string, now: Date): Promise<void> {
  const { numUpdatedRows } = await database.db
    .updateTable('signing_keys')
    .set({ retired_at: now })
    .where('id', '=', keyId)
    .where('user_id', '=', userId)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  if (numUpdatedRows === 0n) throw new ParleyError('not-found', `you have no active key "${keyId}"`);
}
