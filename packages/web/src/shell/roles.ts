import type { components } from '../api/schema.d.ts';

/** One role a member holds in a case, as the server gives it (store/membership.ts). */
export type Membership = components['schemas']['CaseSummary']['roles'][number];
export type CaseRole = Membership['role'];

/** The mediation team's roles: the server shows them the mediation records and every caucus. */
export const mediationRoles: readonly CaseRole[] = ['mediator-lead', 'mediator'];

/** How a member's roles read: "mediator", "delegation-head for ua". */
export const describeRoles = (roles: readonly Membership[]) =>
  roles.map((r) => (r.party ? `${r.role} for ${r.party}` : r.role)).join(', ');

/** Whether roles let a member see a view restricted to `allowed` (absent: everyone). */
export const mayOpen = (roles: readonly Membership[], allowed: readonly CaseRole[] | undefined) =>
  !allowed || roles.some((r) => allowed.includes(r.role));
