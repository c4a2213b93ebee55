import { randomUUID } from 'node:crypto';
import { coalescing } from '../coalesce.ts';
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
  const tokenHash = hashSecret(token);
  const key = `${database.id}\u0000${tokenHash}`;
  const generation = database.writeGeneration?.();
  const recent = recentTokens.get(key);
  if (recent && recent.until > Date.now() && stillTrue(database, recent.generation, generation))
    return recent.user;
  const seenRevocations = revocations;
  // Concurrent requests with one token share a lookup sent after each arrived (coalesce.ts).
  const row = await sharedLookup(key, () => tokenOwner(database, tokenHash));
  if (!row) return undefined;
  const user = userOfRow(row);
  // A revocation that ran while this looked the token up may have come after the read.
  if (generation !== undefined && seenRevocations === revocations)
    remember(key, { user, tokenId: row.token_id, until: Date.now() + TOKEN_TTL_MS, generation });
  return user;
}

/**
 * Whether a token found at one write generation is still known good. On PGlite every
 * revocation goes through revokeApiToken here, which forgets the token at once, so other
 * writes do not matter. On PostgreSQL another process may revoke it: any write announced since
 * (write-notices.ts) drops the entry.
 */
function stillTrue(database: Database, then: number, now: number | undefined): boolean {
  if (now === undefined) return false;
  return database.engine === 'pglite' || then === now;
}

const tokenOwner = (database: Database, tokenHash: string) =>
  database.db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id as token_id',
      'users.id',
      'users.email',
      'users.display_name',
      'users.is_admin',
      'users.created_at',
    ])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
const sharedLookup = coalescing<Awaited<ReturnType<typeof tokenOwner>>>();

/**
 * Tokens found lately, so that a script's every request does not look its token up again
 * (see stillTrue for how long an entry is believed). The few seconds only bound how long an
 * entry lives.
 */
interface RecentToken {
  user: User;
  tokenId: string;
  until: number;
  generation: number;
}
const recentTokens = new Map<string, RecentToken>();
const TOKEN_TTL_MS = 5000;
const MAX_RECENT_TOKENS = 1000;
/** Bumped before and after each revocation: a lookup that overlapped one is not remembered. */
let revocations = 0;
function remember(key: string, entry: RecentToken) {
  recentTokens.set(key, entry);
  if (recentTokens.size > MAX_RECENT_TOKENS) recentTokens.delete(recentTokens.keys().next().value!);
}
function forgetToken(tokenId: string) {
  for (const [key, entry] of recentTokens) if (entry.tokenId === tokenId) recentTokens.delete(key);
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
  revocations++;
  const { numUpdatedRows } = await database.db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  forgetToken(tokenId);
  revocations++;
  return numUpdatedRows > 0n;
}
