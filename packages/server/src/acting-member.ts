import type { Context } from 'hono';
import type { ServerEnv } from './server-env.ts';

/** Who acts in a case route, as the audit log records it: the account and its roles there. */
export function actingMember(c: Context<ServerEnv>): { userId: string; roles: string } {
  const memberships = c.get('access')?.memberships ?? [];
  return {
    userId: c.get('user')!.id,
    roles: memberships.map((m) => (m.party ? `${m.role}:${m.party}` : m.role)).join(',') || 'none',
  };
}
