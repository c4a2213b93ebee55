import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { ParleyError } from '@parley/model/errors.ts';
import { findUserByApiToken } from '@parley/store/accounts/api-tokens.ts';
import { findSession } from '@parley/store/accounts/sessions.ts';
import type { User } from '@parley/store/accounts/users.ts';
import type { Database } from '@parley/store/database.ts';
import type { ServerEnv, SignedInUser } from '../server-env.ts';
import { SESSION_COOKIE } from './session-cookie.ts';

/** The cookie session behind a request, for sign-out and for handing the CSRF token back. */
export interface RequestSession {
  token: string;
  csrfToken: string;
}

declare module 'hono' {
  interface ContextVariableMap {
    session: RequestSession | undefined;
  }
}

export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Works out who is calling: an `Authorization: Bearer parley_…` token, else the session cookie.
 * A browser sends the cookie by itself, so a write with a cookie must also carry the session's
 * CSRF token in a header that another site's page cannot set; a token is never sent by itself,
 * so it needs none. An expired or unknown session is no session; a bad token is refused (401).
 */
export function authenticate(database: () => Database, now: () => Date): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    c.set('user', undefined);
    c.set('session', undefined);
    const authorization = c.req.header('Authorization');
    if (authorization !== undefined) {
      const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
      const user = token === undefined ? undefined : await findUserByApiToken(database(), token);
      if (!user)
        throw new ParleyError(
          'unauthenticated',
          'the API token is unknown or revoked (Authorization: Bearer parley_…)',
        );
      c.set('user', signedIn(user, 'token'));
      return next();
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    const session = cookie ? await findSession(database(), cookie, now()) : undefined;
    if (cookie && session) {
      if (!SAFE_METHODS.has(c.req.method) && !sameSecret(c.req.header(CSRF_HEADER), session.csrfToken))
        throw new ParleyError(
          'forbidden',
          `a write with a session cookie must carry the session's CSRF token in the ${CSRF_HEADER} header (from the login answer or GET /api/auth/me)`,
        );
      c.set('user', signedIn(session.user, 'session'));
      c.set('session', { token: cookie, csrfToken: session.csrfToken });
    }
    return next();
  };
}

function signedIn(user: User, via: SignedInUser['via']): SignedInUser {
  return { id: user.id, email: user.email, displayName: user.displayName, isAdmin: user.isAdmin, via };
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
