import { coalescing } from './coalesce.ts';
import type { Database } from './database.ts';
import type { CaseRole, Membership } from './membership.ts';

/** A user's roles in a stored case and the case's revision when they were read. */
export interface CaseStanding {
  revision: number;
  /** Empty when the user is not a member. */
  memberships: Membership[];
}

/**
 * Whether the case exists, its revision and the user's roles in it, in one round trip: what
 * every case route checks before it answers (membershipsOf, caseExists and caseRevision at
 * once). Undefined when no such case is stored. A script's concurrent requests share the
 * queries (coalesce.ts), each still read after its request arrived.
 */
export async function caseStanding(
  database: Database,
  caseId: string,
  userId: string,
): Promise<CaseStanding | undefined> {
  const key = `${database.id}\u0000${caseId}\u0000${userId}`;
  // On an embedded database, an answer read while no write has been sent since is still true.
  const generation = database.writeGeneration?.();
  const kept = generation === undefined ? undefined : known.get(key);
  if (kept && kept.generation === generation) return kept.standing;
  const standing = await shared(key, () => readStanding(database, caseId, userId));
  if (generation !== undefined) {
    known.set(key, { generation, standing });
    if (known.size > MAX_KNOWN) known.delete(known.keys().next().value!);
  }
  return standing;
}

const known = new Map<string, { generation: number; standing: CaseStanding | undefined }>();
const MAX_KNOWN = 10_000;

const shared = coalescing<CaseStanding | undefined>();

async function readStanding(
  database: Database,
  caseId: string,
  userId: string,
): Promise<CaseStanding | undefined> {
  const rows = await database.db
    .selectFrom('cases')
    .leftJoin('memberships', (join) =>
      join.onRef('memberships.case_id', '=', 'cases.id').on('memberships.user_id', '=', userId),
    )
    .select(['cases.revision', 'memberships.role', 'memberships.party'])
    .where('cases.id', '=', caseId)
    .execute();
  if (rows.length === 0) return undefined;
  return {
    revision: Number(rows[0]!.revision),
    // Sorted here, as membershipsOf sorts them: an ORDER BY made the query 3× slower on PGlite.
    memberships: rows
      .flatMap((r) => (r.role === null ? [] : [{ role: r.role as CaseRole, party: r.party }]))
      .sort((a, b) => (a.role < b.role ? -1 : a.role > b.role ? 1 : 0)),
  };
}
