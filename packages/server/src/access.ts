import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { ParleyError } from '@parley/model/errors.ts';
import { caseStanding } from '@parley/store/case-standing.ts';
import type { Database } from '@parley/store/database.ts';
import { audienceOf, type CaseRole } from '@parley/store/membership.ts';
import { analysisCache } from './analysis-cache.ts';
import type { ServerEnv } from './server-env.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The case's revision as the access check read it: what answers are cached by. */
    caseRevision: number | undefined;
  }
}

/**
 * Who may call a route. `public`: anyone. `signed-in`: any account. `admin`: the server's
 * administrators. `case`: members of the case the path names holding one of these roles
 * (`member`: any role). A non-member gets 404, as if the case did not exist.
 */
export type AccessRule =
  | { to: 'public' }
  | { to: 'signed-in' }
  | { to: 'admin' }
  | { to: 'case'; roles: readonly CaseRole[] | 'member' };

/** Every route's rule, by `METHOD /openapi/path`: the authorization matrix test reads it. */
export const routeAccess = new Map<string, AccessRule>();

/**
 * A route with its access rule: the rule is enforced before the handler runs (and before its
 * input is parsed, so a caller who may not call it learns nothing from validation errors).
 */
export function guardedRoute<const R extends RouteConfig>(
  route: R,
  rule: AccessRule,
  database: () => Database,
  options: { cached?: boolean } = {},
) {
  routeAccess.set(`${route.method.toUpperCase()} ${route.path}`, rule);
  // An analysis's answer is kept until the case changes (analysis-cache.ts).
  const middleware = options.cached
    ? [enforce(rule, database), analysisCache(database)]
    : [enforce(rule, database)];
  return createRoute({ ...route, middleware: middleware as [MiddlewareHandler<ServerEnv>] });
}

function enforce(rule: AccessRule, database: () => Database): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    if (rule.to === 'public') return next();
    const user = c.get('user');
    if (!user)
      throw new ParleyError(
        'unauthenticated',
        'sign in first: a session cookie or an API token (Authorization: Bearer …)',
      );
    if (rule.to === 'signed-in') return next();
    if (rule.to === 'admin') {
      if (!user.isAdmin) throw new ParleyError('forbidden', 'only a server administrator may do this');
      return next();
    }
    const caseId = c.req.param('caseId');
    if (!caseId) throw new Error(`route ${c.req.routePath} has a case rule but no {caseId}`);
    // The roles, the case's existence and its revision in one round trip.
    const standing = await caseStanding(database(), caseId, user.id);
    const memberships = standing?.memberships ?? [];
    // Not a member: the case is as good as missing, whether or not it exists.
    if (memberships.length === 0) throw new ParleyError('not-found', `no case "${caseId}"`);
    if (
      rule.roles !== 'member' &&
      !memberships.some((m) => (rule.roles as readonly CaseRole[]).includes(m.role))
    )
      throw new ParleyError(
        'forbidden',
        `this needs one of the roles ${rule.roles.join(', ')} in case "${caseId}"; you hold ${memberships.map((m) => m.role).join(', ')}`,
      );
    c.set('access', { caseId, memberships, audience: audienceOf(memberships) });
    c.set('caseRevision', standing!.revision);
    return next();
  };
}
