import type { Database } from '../database.ts';
import { hashSecret, newSecret } from './secrets.ts';
import { userOfRow, type User } from './users.ts';

/** A browser's sign-in: the cookie carries the token, every write carries the CSRF token. */
export interface NewSession {
  /** Shown once, to be set as the cookie; only its hash is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface Session {
  user: User;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  database: Database,
  userId: string,
  expiresAt: Date,
): Promise<NewSession> {
  const token = newSecret();
  const csrfToken = newSecret();
  await database.db
    .insertInto('sessions')
    .values({ token_hash: hashSecret(token), user_id: userId, csrf_token: csrfToken, expires_at: expiresAt })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** The session this token opens and its user; undefined when unknown or expired at `now`. */
export async function findSession(
  database: Database,
  token: string,
  now: Date,
): Promise<Session | undefined> {
  const tokenHash = hashSecret(token);
  const key = `${database.id}\u0000${tokenHash}`;
  // A browser sends its cookie with every call: on the embedded database, which no other process
  // opens, a session read stays true until this process sends its next write (a sign-out, a
  // changed user: write-generation.ts), so it is kept until then. On PostgreSQL another server
  // process may end the session, and nothing announces that: every call asks.
  const generation = database.engine === 'pglite' ? database.writeGeneration?.() : undefined;
  const kept = generation === undefined ? undefined : recentSessions.get(key);
  if (kept && kept.generation === generation) return kept.session.expiresAt > now ? kept.session : undefined;
  const row = await database.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'users.id',
      'users.email',
      'users.display_name',
      'users.is_admin',
      'users.created_at',
      'sessions.csrf_token',
      'sessions.expires_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
  const session = row && {
    user: userOfRow(row),
    csrfToken: row.csrf_token,
    expiresAt: new Date(row.expires_at),
  };
  // Kept only if no write was sent while it was read (it might not show that write).
  if (session && generation !== undefined && database.writeGeneration?.() === generation) {
    recentSessions.set(key, { session, generation });
    if (recentSessions.size > MAX_KEPT_SESSIONS) recentSessions.delete(recentSessions.keys().next().value!);
  }
  return session;
}

/** Sessions read lately, with the write generation they were read at (see findSession). */
const recentSessions = new Map<string, { session: Session; generation: number }>();
const MAX_KEPT_SESSIONS = 1000;

/** Ends a session (sign-out); true when there was one. */
export async function deleteSession(database: Database, token: string): Promise<boolean> {
  const { numDeletedRows } = await database.db
    .deleteFrom('sessions')
    .where('token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  return numDeletedRows > 0n;
}

/** Removes the sessions expired at `now`; returns how many. */
export async function deleteExpiredSessions(database: Database, now: Date): Promise<number> {
  const { numDeletedRows } = await database.db
    .deleteFrom('sessions')
    .where('expires_at', '<=', now)
    .executeTakeFirst();
  return Number(numDeletedRows);
}
