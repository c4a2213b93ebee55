import type { Transaction } from 'kysely';
import { ParleyError } from '@parley/model/errors.ts';
import type { Tables } from './tables.ts';

/**
 * Takes the case's row lock for the rest of the transaction: every change to a case (its records,
 * members, audit log) holds it, so changes to one case run one at a time and the audit log is
 * numbered without gaps. Not found when no such case is stored.
 */
export async function lockCase(trx: Transaction<Tables>, caseId: string): Promise<void> {
  const found = await trx
    .selectFrom('cases')
    .select('id')
    .where('id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!found) throw new ParleyError('not-found', `no case "${caseId}"`);
}
