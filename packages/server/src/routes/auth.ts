import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ParleyError } from '@parley/model/errors.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '@parley/store/accounts/api-tokens.ts';
import { createSession, deleteExpiredSessions, deleteSession } from '@parley/store/accounts/sessions.ts';
import { setUpAdministrator } from '@parley/store/accounts/setup-links.ts';
import {
  createUser,
  findUserByEmail,
  getUser,
  listUsers,
  normalEmail,
  type User,
} from '@parley/store/accounts/users.ts';
import { caseRoleSchema } from '@parley/store/membership.ts';
import { grantRole, membersOf, revokeRole } from '@parley/store/members.ts';
import { actingMember } from '../acting-member.ts';
import { guardedRoute } from '../access.ts';
import {
  hashPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  verifyLoginPassword,
} from '../auth/password.ts';
import { LoginLimiter, RateLimited } from '../auth/rate-limit.ts';
import { CSRF_HEADER } from '../auth/authenticate.ts';
import {
  clearSessionCookie,
  DEFAULT_SESSION_HOURS,
  SESSION_COOKIE,
  setSessionCookie,
} from '../auth/session-cookie.ts';
import { problemSchema } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';

/** What accounts add to the server's dependencies (both optional). */
export interface AuthDeps {
  /** How long a session lasts (default 12). */
  sessionHours?: number;
  /** Counts failed logins; one per server (tests give their own, on a clock they move). */
  loginLimiter?: LoginLimiter;
}

const userSchema = z
  .object({ id: z.string(), email: z.string(), displayName: z.string(), isAdmin: z.boolean() })
  .meta({ id: 'User', description: 'An account.' });
const signedInSchema = z
  .object({
    user: userSchema,
    csrfToken: z.string().optional().meta({
      description:
        'Send it as X-CSRF-Token with every write made with the session cookie. Absent when signed in with an API token.',
    }),
  })
  .meta({ id: 'SignedIn', description: 'Who is signed in.' });
const emailSchema = z.email().max(320);
const displayNameSchema = z.string().trim().min(1).max(200);
const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `a password has at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `a password has at most ${MAX_PASSWORD_LENGTH} characters`);
const setupInput = z
  .strictObject({
    token: z.string().min(1).max(200),
    email: emailSchema,
    displayName: displayNameSchema,
    password: passwordSchema,
  })
  .meta({ id: 'SetupInput', description: "The setup link's token and the first administrator's account." });
const loginInput = z
  .strictObject({ email: z.string().min(1).max(320), password: z.string().min(1).max(MAX_PASSWORD_LENGTH) })
  .meta({ id: 'LoginInput' });
const newUserInput = z
  .strictObject({
    email: emailSchema,
    displayName: displayNameSchema,
    password: passwordSchema,
    isAdmin: z.boolean().optional(),
  })
  .meta({ id: 'NewUserInput' });
const apiTokenSchema = z
  .object({ id: z.string(), name: z.string(), createdAt: z.iso.datetime() })
  .meta({ id: 'ApiToken', description: 'A personal API token, without its secret.' });
const newApiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    token: z
      .string()
      .meta({ description: 'The secret: shown this once. Send it as Authorization: Bearer <token>.' }),
  })
  .meta({ id: 'NewApiToken' });
const apiTokenInput = z
  .strictObject({ name: z.string().trim().min(1).max(100) })
  .meta({ id: 'ApiTokenInput' });
const memberSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: caseRoleSchema,
    party: z.string().nullable(),
  })
  .meta({ id: 'Member', description: 'One role a user holds in a case.' });
const memberInput = z
  .strictObject({
    role: caseRoleSchema,
    party: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: 'The actor a delegation or guarantor speaks for; only for those roles.' }),
  })
  .meta({ id: 'MemberRoleInput' });

const idParam = z.string().min(1).max(200);
const caseParams = z.object({ caseId: idParam });
const memberParams = caseParams.extend({ userId: idParam });

const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = <S extends z.ZodType>(schema: S) => ({
  content: { 'application/json': { schema } },
  required: true,
});
const failure = (description: string) => json(problemSchema, description);
const signedInErrors = {
  401: failure('Not signed in'),
  403: failure('A cookie write without its CSRF token'),
} as const;

const userView = (u: Pick<User, 'id' | 'email' | 'displayName' | 'isAdmin'>) => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  isAdmin: u.isAdmin,
});

/** Accounts: first-start setup, sign-in and out, API tokens, users (admin) and case members. */
export function registerAuthRoutes(app: OpenAPIHono<ServerEnv>, deps: ServerDeps & AuthDeps) {
  const db = () => deps.database;
  const now = deps.now ?? (() => new Date());
  const sessionSeconds = (deps.sessionHours ?? DEFAULT_SESSION_HOURS) * 3600;
  const limiter = deps.loginLimiter ?? new LoginLimiter(now);

  // The two ways to sign a request, as /openapi.json names them.
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: `Set by POST /api/auth/login; every write also carries the session's ${CSRF_HEADER} header.`,
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'token', {
    type: 'http',
    scheme: 'bearer',
    description: 'A personal API token (parley_…) from POST /api/auth/tokens; no CSRF header needed.',
  });

  /** Opens a session for the user and sets its cookie: the answer of setup and login. */
  const signIn = async (c: Context, user: User) => {
    // Sweeping here keeps the table from growing with abandoned sessions, at one cheap delete per sign-in.
    await deleteExpiredSessions(db(), now());
    const session = await createSession(db(), user.id, new Date(now().getTime() + sessionSeconds * 1000));
    setSessionCookie(c, session.token, sessionSeconds);
    return { user: userView(user), csrfToken: session.csrfToken };
  };

  app.openapi(
    guardedRoute(
      {
        method: 'post',
        path: '/api/auth/setup',
        summary: 'Create the first administrator with the one-time setup link, and sign in',
        request: { body: body(setupInput) },
        responses: {
          201: json(signedInSchema, 'The administrator, signed in'),
          403: failure('The link is unknown, used or expired'),
          409: failure('The email is taken'),
          422: failure('Invalid input'),
        },
      },
      { to: 'public' },
      db,
    ),
    async (c) => {
      const input = c.req.valid('json');
      const user = await setUpAdministrator(db(), input.token, now(), {
        email: input.email,
        displayName: input.displayName,
        passwordHash: await hashPassword(input.password),
      });
      if (!user)
        throw new ParleyError(
          'forbidden',
          'this setup link is unknown, already used or expired; a server with no account prints a new one when it starts',
        );
      return c.json(await signIn(c, user), 201);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'post',
        path: '/api/auth/login',
        summary: 'Sign in: sets the session cookie and returns the CSRF token',
        request: { body: body(loginInput) },
        responses: {
          200: json(signedInSchema, 'Signed in'),
          401: failure('Wrong email or password'),
          429: failure('Too many failed logins; Retry-After says when to try again'),
        },
      },
      { to: 'public' },
      db,
    ),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const who = normalEmail(email);
      const address = clientAddress(c);
      try {
        limiter.check(who, address);
      } catch (error) {
        if (error instanceof RateLimited) c.header('Retry-After', String(error.retryAfterSeconds));
        throw error;
      }
      const user = await findUserByEmail(db(), who);
      if (!(await verifyLoginPassword(password, user?.passwordHash)) || !user) {
        limiter.recordFailure(who, address);
        // One message for an unknown email and a wrong password: it does not tell which accounts exist.
        throw new ParleyError('unauthenticated', 'wrong email or password');
      }
      limiter.recordSuccess(who);
      return c.json(await signIn(c, user), 200);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'post',
        path: '/api/auth/logout',
        summary: 'Sign out: ends the session and clears its cookie',
        responses: { 204: { description: 'Signed out' }, ...signedInErrors },
      },
      { to: 'signed-in' },
      db,
    ),
    async (c) => {
      const session = c.get('session');
      if (session) await deleteSession(db(), session.token);
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/auth/me',
        summary: 'Who is signed in, and the session’s CSRF token',
        responses: { 200: json(signedInSchema, 'The caller'), 401: failure('Not signed in') },
      },
      { to: 'signed-in' },
      db,
    ),
    async (c) => {
      const user = c.get('user')!;
      const session = c.get('session');
      return c.json({ user: userView(user), ...(session ? { csrfToken: session.csrfToken } : {}) }, 200);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/auth/tokens',
        summary: 'The caller’s API tokens (without their secrets)',
        responses: {
          200: json(z.object({ tokens: z.array(apiTokenSchema) }), 'The live tokens, oldest first'),
          401: failure('Not signed in'),
        },
      },
      { to: 'signed-in' },
      db,
    ),
    async (c) => {
      const tokens = await listApiTokens(db(), c.get('user')!.id);
      return c.json(
        { tokens: tokens.map((t) => ({ id: t.id, name: t.name, createdAt: t.createdAt.toISOString() })) },
        200,
      );
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'post',
        path: '/api/auth/tokens',
        summary: 'Create an API token for a script or the CLI; its secret is shown once',
        request: { body: body(apiTokenInput) },
        responses: {
          201: json(newApiTokenSchema, 'The token and its secret'),
          ...signedInErrors,
          422: failure('Invalid input'),
        },
      },
      { to: 'signed-in' },
      db,
    ),
    async (c) => {
      const created = await createApiToken(db(), c.get('user')!.id, c.req.valid('json').name);
      return c.json({ id: created.id, name: created.name, token: created.token }, 201);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'delete',
        path: '/api/auth/tokens/{tokenId}',
        summary: 'Revoke one of the caller’s API tokens',
        request: { params: z.object({ tokenId: idParam }) },
        responses: {
          204: { description: 'Revoked' },
          ...signedInErrors,
          404: failure('The caller holds no live token with this id'),
        },
      },
      { to: 'signed-in' },
      db,
    ),
    async (c) => {
      const { tokenId } = c.req.valid('param');
      if (!(await revokeApiToken(db(), c.get('user')!.id, tokenId, now())))
        throw new ParleyError('not-found', `you hold no live API token "${tokenId}"`);
      return c.body(null, 204);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'post',
        path: '/api/users',
        summary: 'Create an account (administrators)',
        request: { body: body(newUserInput) },
        responses: {
          201: json(userSchema, 'The account'),
          ...signedInErrors,
          409: failure('The email is taken'),
          422: failure('Invalid input'),
        },
      },
      { to: 'admin' },
      db,
    ),
    async (c) => {
      const input = c.req.valid('json');
      const user = await createUser(db(), {
        email: input.email,
        displayName: input.displayName,
        passwordHash: await hashPassword(input.password),
        isAdmin: input.isAdmin ?? false,
      });
      return c.json(userView(user), 201);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/users',
        summary: 'Every account (administrators)',
        responses: {
          200: json(z.object({ users: z.array(userSchema) }), 'The accounts, by email'),
          ...signedInErrors,
        },
      },
      { to: 'admin' },
      db,
    ),
    async (c) => c.json({ users: (await listUsers(db())).map(userView) }, 200),
  );

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/cases/{caseId}/members',
        summary: 'The members of a case and their roles',
        request: { params: caseParams },
        responses: {
          200: json(z.object({ members: z.array(memberSchema) }), 'One entry per role held, by email'),
          401: failure('Not signed in'),
          404: failure('No such case, or the caller is not a member'),
        },
      },
      { to: 'case', roles: 'member' },
      db,
    ),
    async (c) => c.json({ members: await membersOf(db(), c.req.valid('param').caseId) }, 200),
  );

  app.openapi(
    guardedRoute(
      {
        method: 'put',
        path: '/api/cases/{caseId}/members/{userId}',
        summary: 'Give a user a role in the case (case admins)',
        request: { params: memberParams, body: body(memberInput) },
        responses: {
          200: json(z.object({ members: z.array(memberSchema) }), "The case's members after the change"),
          ...signedInErrors,
          404: failure('No such case or user'),
          422: failure('Invalid input'),
        },
      },
      { to: 'case', roles: ['case-admin'] },
      db,
    ),
    async (c) => {
      const { caseId, userId } = c.req.valid('param');
      const { role, party } = c.req.valid('json');
      if (!(await getUser(db(), userId))) throw new ParleyError('not-found', `no user "${userId}"`);
      await grantRole(db(), caseId, userId, { role, party: party ?? null }, actingMember(c));
      return c.json({ members: await membersOf(db(), caseId) }, 200);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'delete',
        path: '/api/cases/{caseId}/members/{userId}/{role}',
        summary: 'Take a role away from a member (case admins)',
        request: { params: memberParams.extend({ role: caseRoleSchema }) },
        responses: {
          204: { description: 'Taken away' },
          ...signedInErrors,
          404: failure('No such case, or the user does not hold the role'),
          409: failure('It would leave the case without a case admin'),
        },
      },
      { to: 'case', roles: ['case-admin'] },
      db,
    ),
    async (c) => {
      const { caseId, userId, role } = c.req.valid('param');
      if (role === 'case-admin') {
        const admins = (await membersOf(db(), caseId)).filter((m) => m.role === 'case-admin');
        if (admins.length === 1 && admins[0]!.userId === userId)
          throw new ParleyError(
            'conflict',
            'this is the case’s last case admin: give the role to someone else first',
          );
      }
      await revokeRole(db(), caseId, userId, role, actingMember(c));
      return c.body(null, 204);
    },
  );
}

/** The caller's address, to count failed logins by; `unknown` off a real socket (app.request in tests). */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
