import { z } from 'zod';
import type { Audience } from './visibility.ts';

/**
 * The roles a user can hold in a case. A user may hold several (a mediator who is also the case
 * admin). Delegation roles and the guarantor role are bound to an actor of the case: the party
 * or guarantor they speak for.
 */
export const caseRoles = [
  'case-admin',
  'mediator-lead',
  'mediator',
  'delegation-head',
  'delegation-member',
  'guarantor',
  'observer',
  'analyst',
] as const;
export type CaseRole = (typeof caseRoles)[number];
export const caseRoleSchema = z.enum(caseRoles);

/** The roles that speak for one actor of the case and so must name it. */
export const actorBoundRoles: ReadonlySet<CaseRole> = new Set([
  'delegation-head',
  'delegation-member',
  'guarantor',
]);
/** The mediation team: sees `mediation` records and every shuttle channel. */
export const mediationRoles: ReadonlySet<CaseRole> = new Set(['mediator-lead', 'mediator']);

export interface Membership {
  role: CaseRole;
  /** The actor a delegation or guarantor speaks for; null for the other roles. */
  party: string | null;
}

/** What a member sees, from all their roles in the case. */
export function audienceOf(memberships: readonly Membership[]): Audience {
  return {
    mediation: memberships.some((m) => mediationRoles.has(m.role)),
    parties: [
      ...new Set(
        memberships.flatMap((m) => (m.party !== null && actorBoundRoles.has(m.role) ? [m.party] : [])),
      ),
    ],
  };
}
