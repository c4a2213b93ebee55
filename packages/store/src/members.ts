import { ParleyError } from '@parley/model/errors.ts';
import { appendAudit } from './audit/append.ts';
import { lockCase } from './case-lock.ts';
import type { Database } from './database.ts';
import { actorBoundRoles, type CaseRole, type Membership } from './membership.ts';

/** A user's roles in a case; empty when they are not a member. */
export async function membershipsOf(
  database: Database,
  caseId: string,
  userId: string,
): Promise<Membership[]> {
  const rows = await database.db
    .selectFrom('memberships')
    .select(['role', 'party'])
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .orderBy('role')
    .execute();
  return rows.map((r) => ({ role: r.role as CaseRole, party: r.party }));
}

/** Every member of a case with their roles. */
export async function membersOf(
  database: Database,
  caseId: string,
): Promise<{ userId: string; email: string; displayName: string; role: CaseRole; party: string | null }[]> {
  const rows = await database.db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'memberships.user_id',
      'users.email',
      'users.display_name',
      'memberships.role',
      'memberships.party',
    ])
    .where('memberships.case_id', '=', caseId)
    .orderBy('users.email')
    .orderBy('memberships.role')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    email: r.email,
    displayName: r.display_name,
    role: r.role as CaseRole,
    party: r.party,
  }));
}

/** Gives a user a role in a case (idempotent). Actor-bound roles must name the actor. */
export async function grantRole(
  database: Database,
  caseId: string,
  userId: string,
  membership: Membership,
  by: Actor = keeper,
): Promise<void> {
  const bound = actorBoundRoles.has(membership.role);
  if (bound && !membership.party)
    throw new ParleyError(
      'invalid-input',
      `the role ${membership.role} speaks for an actor: give its party`,
      [{ code: 'missing-field', severity: 'error', path: 'party', message: 'required for this role' }],
    );
  if (!bound && membership.party)
    throw new ParleyError(
      'invalid-input',
      `the role ${membership.role} does not speak for an actor: leave out party`,
      [{ code: 'invalid-value', severity: 'error', path: 'party', message: 'not used by this role' }],
    );
  await database.db.transaction().execute(async (trx) => {
    await lockCase(trx, caseId);
    await trx
      .insertInto('memberships')
      .values({ case_id: caseId, user_id: userId, role: membership.role, party: membership.party })
      .onConflict((oc) => oc.columns(['case_id', 'user_id', 'role']).doUpdateSet({ party: membership.party }))
      .execute();
    await appendAudit(trx, caseId, {
      ...by,
      action: 'member.grant',
      target: `member/${userId}/${membership.role}`,
      visibility: 'case',
      payload: { userId, role: membership.role, party: membership.party },
    });
  });
}

/** Who changes a membership, for the audit log: an account, or the case's keeper (the CLI). */
export interface Actor {
  userId: string | null;
  roles: string;
}
const keeper: Actor = { userId: null, roles: 'keeper' };

/** Takes a role away; not-found when the user does not hold it. */
export async function revokeRole(
  database: Database,
  caseId: string,
  userId: string,
  role: CaseRole,
  by: Actor = keeper,
): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    await lockCase(trx, caseId);
    const { numDeletedRows } = await trx
      .deleteFrom('memberships')
      .where('case_id', '=', caseId)
      .where('user_id', '=', userId)
      .where('role', '=', role)
      .executeTakeFirst();
    if (numDeletedRows === 0n)
      throw new ParleyError('not-found', `that member does not hold the role ${role} in this case`);
    await appendAudit(trx, caseId, {
      ...by,
      action: 'member.revoke',
      target: `member/${userId}/${role}`,
      visibility: 'case',
      payload: { userId, role },
    });
  });
}

/** The cases a user belongs to, with their roles there, by case id. */
export async function casesOfMember(
  database: Database,
  userId: string,
): Promise<{ caseId: string; roles: Membership[] }[]> {
  const rows = await database.db
    .selectFrom('memberships')
    .select(['case_id', 'role', 'party'])
    .where('user_id', '=', userId)
    .orderBy('case_id')
    .orderBy('role')
    .execute();
  const byCase = new Map<string, Membership[]>();
  for (const r of rows)
    byCase.set(r.case_id, [...(byCase.get(r.case_id) ?? []), { role: r.role as CaseRole, party: r.party }]);
  return [...byCase].map(([caseId, roles]) => ({ caseId, roles }));
}
