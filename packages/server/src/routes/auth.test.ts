import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRole } from '@parley/store/members.ts';
import { engines, useTestDatabase } from '@parley/store/test-databases.test-support.ts';
import { firstStartSetup } from '../auth/first-start.ts';
import { LoginLimiter } from '../auth/rate-limit.ts';
import { createServerApp } from '../server-app.ts';
import {
  sessionCookieOf,
  startTestServer,
  type Answer,
  type CallOptions,
  type TestServer,
} from '../test-server.test-support.ts';

const START = new Date('2026-03-01T09:00:00Z');
const PASSWORD = 'correct horse battery';
const hours = (h: number) => h * 3600 * 1000;

/** A signed-in browser: its session cookie and CSRF token. */
interface Browser {
  session: string;
  csrf: string;
  userId: string;
}

describe.each(engines)('accounts over HTTP on $name', (engine) => {
  const database = useTestDatabase(engine);
  let clock = START;
  const now = () => clock;
  let server: TestServer;
  const call = (method: string, path: string, options?: CallOptions) => server.call(method, path, options);
  let admin: Browser;
  let bob: Browser;

  async function login(email: string, password = PASSWORD): Promise<Answer> {
    return call('POST', '/api/auth/login', { json: { email, password } });
  }
  async function signIn(email: string): Promise<Browser> {
    const answer = await login(email);
    expect(answer.status).toBe(200);
    return { session: sessionCookieOf(answer)!, csrf: answer.body.csrfToken, userId: answer.body.user.id };
  }
  const as = (b: Browser, options: CallOptions = {}): CallOptions => ({
    session: b.session,
    csrf: b.csrf,
    ...options,
  });

  beforeAll(async () => {
    const deps = { database: database(), now, loginLimiter: new LoginLimiter(now) };
    server = await startTestServer(deps);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('creates the first administrator with the setup link, once only', async () => {
    const withdrawn = (await firstStartSetup(database(), clock))!;
    const token = (await firstStartSetup(database(), clock))!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const setup = { token, email: 'Ada@Example.org', displayName: 'Ada', password: PASSWORD };

    const early = await call('POST', '/api/auth/setup', { json: { ...setup, token: withdrawn } });
    expect(early.status).toBe(403);
    const short = await call('POST', '/api/auth/setup', { json: { ...setup, password: 'elevenchars' } });
    expect(short.status).toBe(422);
    expect(short.body.error.diagnostics).toEqual([
      { code: 'invalid-value', path: 'password', message: 'a password has at least 12 characters' },
    ]);

    const first = await call('POST', '/api/auth/setup', { json: setup });
    expect(first.status).toBe(201);
    expect(first.body.user).toEqual({
      id: first.body.user.id,
      email: 'ada@example.org',
      displayName: 'Ada',
      isAdmin: true,
    });
    expect(first.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sessionCookieOf(first)).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const again = await call('POST', '/api/auth/setup', { json: { ...setup, email: 'eve@example.org' } });
    expect(again.status).toBe(403);
    expect(again.body.error.code).toBe('forbidden');
    expect(await firstStartSetup(database(), clock)).toBeUndefined();
  });

  it('refuses an expired setup link', async () => {
    // Accounts exist now, but a link made by hand still works until it expires.
    const { createSetupLink } = await import('@parley/store/accounts/setup-links.ts');
    const token = await createSetupLink(database(), new Date(clock.getTime() + hours(24)));
    clock = new Date(START.getTime() + hours(24));
    const late = await call('POST', '/api/auth/setup', {
      json: { token, email: 'late@example.org', displayName: 'Late', password: PASSWORD },
    });
    clock = START;
    expect(late.status).toBe(403);
    expect(late.body.error.message).toBe(
      'this setup link is unknown, already used or expired; a server with no account prints a new one when it starts',
    );
  });

  it('signs in with an HttpOnly, SameSite=Strict cookie that lasts as long as the session', async () => {
    const answer = await login('ADA@example.org');
    expect(answer.status).toBe(200);
    const cookie = answer.headers.getSetCookie().find((c) => c.startsWith('parley_session='))!;
    expect(cookie.split('; ').slice(1).sort()).toEqual([
      'HttpOnly',
      'Max-Age=43200',
      'Path=/',
      'SameSite=Strict',
    ]);
    admin = { session: sessionCookieOf(answer)!, csrf: answer.body.csrfToken, userId: answer.body.user.id };
    const me = await call('GET', '/api/auth/me', { session: admin.session });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      user: { id: admin.userId, email: 'ada@example.org', displayName: 'Ada', isAdmin: true },
      csrfToken: admin.csrf,
    });
  });

  it('marks the cookie Secure when the request came over https', async () => {
    const app = createServerApp({ database: database(), now });
    const answer = await app.request('https://parley.example/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'ada@example.org', password: PASSWORD }),
    });
    expect(answer.status).toBe(200);
    const cookie = answer.headers.getSetCookie().find((c) => c.startsWith('parley_session='))!;
    expect(cookie.split('; ').slice(1).sort()).toEqual([
      'HttpOnly',
      'Max-Age=43200',
      'Path=/',
      'SameSite=Strict',
      'Secure',
    ]);
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const wrongPassword = await login('ada@example.org', 'not the password at all');
    const unknownEmail = await login('nobody@example.org');
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual({
      error: { code: 'unauthenticated', message: 'wrong email or password' },
    });
    expect(unknownEmail.body).toEqual(wrongPassword.body);
    expect(sessionCookieOf(wrongPassword)).toBeUndefined();
  });

  it('lets an administrator create accounts and no one else', async () => {
    const created = await call(
      'POST',
      '/api/users',
      as(admin, { json: { email: 'Bob@example.org', displayName: 'Bob', password: PASSWORD } }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: created.body.id,
      email: 'bob@example.org',
      displayName: 'Bob',
      isAdmin: false,
    });
    const taken = await call(
      'POST',
      '/api/users',
      as(admin, { json: { email: 'BOB@example.org', displayName: 'Bob 2', password: PASSWORD } }),
    );
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toBe('an account with the email bob@example.org already exists');

    bob = await signIn('bob@example.org');
    const refused = await call(
      'POST',
      '/api/users',
      as(bob, { json: { email: 'mallory@example.org', displayName: 'M', password: PASSWORD } }),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error).toEqual({
      code: 'forbidden',
      message: 'only a server administrator may do this',
    });
    expect((await call('GET', '/api/users', as(bob))).status).toBe(403);
    expect((await call('GET', '/api/users')).status).toBe(401);
    const users = await call('GET', '/api/users', as(admin));
    expect(users.body.users.map((u: { email: string }) => u.email)).toEqual([
      'ada@example.org',
      'bob@example.org',
    ]);
  });

  it('refuses a cookie write without the CSRF token, and takes it with the token', async () => {
    const missing = await call('POST', '/api/auth/tokens', {
      session: bob.session,
      json: { name: 'laptop' },
    });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('forbidden');
    expect(missing.body.error.message).toContain('X-CSRF-Token');
    const wrong = await call('POST', '/api/auth/tokens', {
      session: bob.session,
      csrf: admin.csrf,
      json: { name: 'laptop' },
    });
    expect(wrong.status).toBe(403);
    const ok = await call('POST', '/api/auth/tokens', as(bob, { json: { name: 'laptop' } }));
    expect(ok.status).toBe(201);
    expect(ok.body.name).toBe('laptop');
    expect(ok.body.token).toMatch(/^parley_[A-Za-z0-9_-]{43}$/);
  });

  it('takes an API token without CSRF, lists tokens without secrets, and refuses a revoked one', async () => {
    const { body: created } = await call('POST', '/api/auth/tokens', as(bob, { json: { name: 'script' } }));
    const me = await call('GET', '/api/auth/me', { bearer: created.token });
    expect(me.body).toEqual({
      user: { id: bob.userId, email: 'bob@example.org', displayName: 'Bob', isAdmin: false },
    });
    const another = await call('POST', '/api/auth/tokens', { bearer: created.token, json: { name: 'ci' } });
    expect(another.status).toBe(201);

    const listed = await call('GET', '/api/auth/tokens', { bearer: created.token });
    expect(listed.body.tokens.map((t: { name: string }) => t.name)).toEqual(['laptop', 'script', 'ci']);
    expect(Object.keys(listed.body.tokens[0]).sort()).toEqual(['createdAt', 'id', 'name']);

    const othersToken = await call('DELETE', `/api/auth/tokens/${created.id}`, as(admin));
    expect(othersToken.status).toBe(404);
    expect((await call('DELETE', `/api/auth/tokens/${created.id}`, as(bob))).status).toBe(204);
    const revoked = await call('GET', '/api/auth/me', { bearer: created.token });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('unauthenticated');
    expect((await call('GET', '/api/auth/me', { bearer: another.body.token })).status).toBe(200);
    expect((await call('GET', '/api/auth/me', { bearer: 'parley_made-up' })).status).toBe(401);
    const basic = await call('GET', '/api/auth/me', {
      session: bob.session,
      headers: { Authorization: 'Basic Ym9iOnB3' },
    });
    expect(basic.status).toBe(401);
  });

  it('lets a member of a case list its members and a case admin change them', async () => {
    await database().db.insertInto('cases').values({ id: 'talks' }).execute();
    await grantRole(database(), 'talks', admin.userId, { role: 'case-admin', party: null });

    expect((await call('GET', '/api/cases/talks/members', as(bob))).status).toBe(404);
    const granted = await call(
      'PUT',
      `/api/cases/talks/members/${bob.userId}`,
      as(admin, { json: { role: 'observer' } }),
    );
    expect(granted.status).toBe(200);
    expect(granted.body.members).toEqual([
      { userId: admin.userId, email: 'ada@example.org', displayName: 'Ada', role: 'case-admin', party: null },
      { userId: bob.userId, email: 'bob@example.org', displayName: 'Bob', role: 'observer', party: null },
    ]);
    const listed = await call('GET', '/api/cases/talks/members', as(bob));
    expect(listed.body).toEqual(granted.body);

    const bobGrants = await call(
      'PUT',
      `/api/cases/talks/members/${bob.userId}`,
      as(bob, { json: { role: 'case-admin' } }),
    );
    expect(bobGrants.status).toBe(403);
    expect(bobGrants.body.error.message).toBe(
      'this needs one of the roles case-admin in case "talks"; you hold observer',
    );
    const noParty = await call(
      'PUT',
      `/api/cases/talks/members/${bob.userId}`,
      as(admin, { json: { role: 'delegation-head' } }),
    );
    expect(noParty.status).toBe(422);
    const noUser = await call(
      'PUT',
      '/api/cases/talks/members/nobody',
      as(admin, { json: { role: 'observer' } }),
    );
    expect(noUser.status).toBe(404);

    expect(
      (await call('DELETE', `/api/cases/talks/members/${admin.userId}/case-admin`, as(admin))).status,
    ).toBe(409);
    const noCsrf = await call('DELETE', `/api/cases/talks/members/${bob.userId}/observer`, {
      session: admin.session,
    });
    expect(noCsrf.status).toBe(403);
    expect((await call('DELETE', `/api/cases/talks/members/${bob.userId}/observer`, as(bob))).status).toBe(
      403,
    );
    expect((await call('DELETE', `/api/cases/talks/members/${bob.userId}/observer`, as(admin))).status).toBe(
      204,
    );
    expect((await call('DELETE', `/api/cases/talks/members/${bob.userId}/observer`, as(admin))).status).toBe(
      404,
    );
    expect((await call('GET', '/api/cases/talks/members', as(bob))).status).toBe(404);
  });

  it('ends a session after 12 hours', async () => {
    clock = new Date(START.getTime() + hours(12) - 1000);
    expect((await call('GET', '/api/auth/me', as(bob))).status).toBe(200);
    clock = new Date(START.getTime() + hours(12));
    const expired = await call('GET', '/api/auth/me', as(bob));
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('unauthenticated');
    // An expired session is no session: a write with it is unauthenticated, not a CSRF failure.
    expect(
      (await call('POST', '/api/auth/tokens', { session: bob.session, json: { name: 'x' } })).status,
    ).toBe(401);
    bob = await signIn('bob@example.org');
  });

  it('refuses every login for an email after 5 failures in 15 minutes, the right password too', async () => {
    for (let i = 0; i < 5; i++)
      expect((await login('bob@example.org', `wrong password ${i}`)).status).toBe(401);
    const limited = await login('bob@example.org');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('900');
    expect(limited.body.error).toEqual({
      code: 'rate-limited',
      message: 'too many failed logins; try again in 900 s',
    });
    expect(sessionCookieOf(limited)).toBeUndefined();
    // Another account from the same address is still let in.
    expect((await login('ada@example.org')).status).toBe(200);
    clock = new Date(clock.getTime() + 15 * 60 * 1000);
    expect((await login('bob@example.org')).status).toBe(200);
  });

  it('signs out: the session is gone and the cookie cleared', async () => {
    const noCsrf = await call('POST', '/api/auth/logout', { session: bob.session });
    expect(noCsrf.status).toBe(403);
    const out = await call('POST', '/api/auth/logout', as(bob));
    expect(out.status).toBe(204);
    const cleared = out.headers.getSetCookie().find((c) => c.startsWith('parley_session='))!;
    expect(cleared).toMatch(/^parley_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Strict$/);
    expect((await call('GET', '/api/auth/me', as(bob))).status).toBe(401);
  });
});
