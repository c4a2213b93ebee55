import { randomUUID } from 'node:crypto';
import type { Database } from '../database.ts';
import { hashSecret, newSecret } from './secrets.ts';
import { userOfRow, type User } from './users.ts';

/** Personal API tokens start with this, so a leaked one is easy to recognise (secret scanners). */
export const API_TOKEN_PREFIX = 'parley_';

export interface ApiTokenInfo {
  id: string;
  name: string;
  createdAt: Date;
}

/** Creates a token for a script or the CLI; its secret is in the answer and nowhere else. */
export async function createApiToken(
  database: Database,
  userId: string,
  name: string,
): Promise<ApiTokenInfo & { token: string }> {
  const token = newSecret(API_TOKEN_PREFIX);
  const row = await database.db
    .insertInto('api_tokens')
    .values({ id: randomUUID(), user_id: userId, name, token_hash: hashSecret(token) })
    .returning(['id', 'name', 'created_at'])
    .executeTakeFirstOrThrow();
  return { id: row.id, name: row.name, createdAt: new Date(row.created_at), token };
}

/** The user an unrevoked token belongs to; undefined for an unknown or revoked token. */
export async function findUserByApiToken(database: Database, token: string): Promise<User | undefined> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
  const row = await database.db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['users.id', 'users.email', 'users.display_name', 'users.is_admin', 'users.created_at'])
    .where('api_tokens.token_hash', '=', hashSecret(token))
    .where('api_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
  return row && userOfRow(row);
}

/** A user's live tokens, oldest first, without their secrets. */
export async function listApiTokens(database: Database, userId: string): Promise<ApiTokenInfo[]> {
  const rows = await database.db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: new Date(r.created_at) }));
}

/**
 * Revokes one of the user's own tokens; false when the user holds no live token with this id
 * (another user's token is, to them, no token at all).
 */
export async function revokeApiToken(
  database: Database,
  userId: string,
  tokenId: string,
  now: Date,
): Promise<boolean> {
  const { numUpdatedRows } = await database.db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return numUpdatedRows > 0n;
}
