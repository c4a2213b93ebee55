import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'parley_session';
/** Sessions last this long unless the server is told otherwise; the cookie lives as long. */
export const DEFAULT_SESSION_HOURS = 12;

/**
 * HttpOnly: page scripts cannot read it. SameSite=Strict: no other site's page sends it. Secure
 * when the request came over https. (Behind a TLS-terminating proxy the request looks like http:
 * the proxy should then set Secure itself.)
 */
const attributes = (c: Context) =>
  ({
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: new URL(c.req.url).protocol === 'https:',
  }) as const;

export function setSessionCookie(c: Context, token: string, maxAgeSeconds: number): void {
  setCookie(c, SESSION_COOKIE, token, { ...attributes(c), maxAge: maxAgeSeconds });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, attributes(c));
}
