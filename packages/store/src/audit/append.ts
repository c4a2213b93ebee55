import type { Kysely, Transaction } from 'kysely';
import type { Tables } from '../tables.ts';
import { GENESIS_HASH, entryHashOf, payloadHashOf, type AuditEntry } from './audit-chain.ts';

/** What a change says about itself for the record. */
export interface AuditEvent {
  userId: string | null;
  roles: string;
  action: string;
  target: string;
  visibility: string;
  payload: unknown;
}

/**
 * Appends an entry to a case's audit log, inside the transaction that makes the change. The
 * caller holds the case's lock (its row `for update`, or the row it just inserted), so entries
 * are numbered without gaps or races.
 */
export async function appendAudit(
  trx: Transaction<Tables> | Kysely<Tables>,
  caseId: string,
  event: AuditEvent,
  now = new Date(),
): Promise<AuditEntry> {
  const last = await trx
    .selectFrom('audit_entries')
    .select(['seq', 'entry_hash'])
    .where('case_id', '=', caseId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const partial = {
    caseId,
    seq: last ? Number(last.seq) + 1 : 1,
    at: now.toISOString(),
    userId: event.userId,
    roles: event.roles,
    action: event.action,
    target: event.target,
    visibility: event.visibility,
    payloadHash: payloadHashOf(event.payload),
    prevHash: last?.entry_hash ?? GENESIS_HASH,
  };
  const entry: AuditEntry = { ...partial, payload: event.payload ?? null, entryHash: entryHashOf(partial) };
  await trx
    .insertInto('audit_entries')
    .values({
      case_id: caseId,
      seq: entry.seq,
      at: entry.at,
      user_id: entry.userId,
      roles: entry.roles,
      action: entry.action,
      target: entry.target,
      visibility: entry.visibility,
      payload: JSON.stringify(entry.payload),
      payload_hash: entry.payloadHash,
      prev_hash: entry.prevHash,
      entry_hash: entry.entryHash,
    })
    .execute();
  return entry;
}
