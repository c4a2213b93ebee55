import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../database.ts';
import type { ServerKey } from './server-key.ts';
import type { Tables } from '../tables.ts';
import type { CheckpointTables } from './checkpoint-tables.ts';
import { auditedCaseIds } from '../audit/read-audit.ts';
import { signCheckpoint, type SignedCheckpoint } from './signed-checkpoint.ts';

/** The server signs a checkpoint once a case's log has grown this many entries past the last one. */
export const DEFAULT_CHECKPOINT_EVERY = 100;

type Reader = Database | { db: Kysely<Tables> };
const tables = (database: Reader) => database.db.withTables<CheckpointTables>();

const checkpointOf = (r: Selectable<CheckpointTables['audit_checkpoints']>): SignedCheckpoint => ({
  caseId: r.case_id,
  entries: Number(r.entries),
  headHash: r.head_hash,
  at: r.at,
  keyFingerprint: r.key_fingerprint,
  publicKey: r.public_key,
  signature: r.signature,
});

/** A case's signed checkpoints, oldest first. */
export async function listCheckpoints(database: Reader, caseId: string): Promise<SignedCheckpoint[]> {
  const rows = await tables(database)
    .selectFrom('audit_checkpoints')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('entries')
    .execute();
  return rows.map(checkpointOf);
}

export async function latestCheckpoint(
  database: Reader,
  caseId: string,
): Promise<SignedCheckpoint | undefined> {
  const row = await tables(database)
    .selectFrom('audit_checkpoints')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('entries', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && checkpointOf(row);
}

/**
 * Signs the case's head as it stands and stores it; undefined when the case has no log. When a
 * checkpoint of this very head exists, it is returned instead (a head is signed once).
 */
export async function createCheckpoint(
  database: Reader,
  caseId: string,
  key: ServerKey,
  now: Date,
): Promise<SignedCheckpoint | undefined> {
  const head = await tables(database)
    .selectFrom('audit_entries')
    .select(['seq', 'entry_hash'])
    .where('case_id', '=', caseId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!head) return undefined;
  const signed = signCheckpoint({ caseId, entries: Number(head.seq), headHash: head.entry_hash }, key, now);
  const { numInsertedOrUpdatedRows } = await tables(database)
    .insertInto('audit_checkpoints')
    .values({
      case_id: caseId,
      entries: signed.entries,
      head_hash: signed.headHash,
      at: signed.at,
      key_fingerprint: signed.keyFingerprint,
      public_key: signed.publicKey,
      signature: signed.signature,
    })
    .onConflict((oc) => oc.columns(['case_id', 'entries']).doNothing())
    .executeTakeFirst();
  if (numInsertedOrUpdatedRows === 0n || numInsertedOrUpdatedRows === undefined)
    return (await listCheckpoints(database, caseId)).find((c) => c.entries === signed.entries);
  return signed;
}

/**
 * Signs a checkpoint when the case's log has grown `every` entries or more past its latest one
 * (or has none and has reached `every`). Called after a write commits, so the key stays with the
 * server and the store's writers (the CLI among them) need none; a missed boundary is caught up
 * by the next write or the next start.
 */
export async function checkpointIfDue(
  database: Reader,
  caseId: string,
  key: ServerKey,
  every: number,
  now: Date,
): Promise<SignedCheckpoint | undefined> {
  const [head, last] = await Promise.all([
    tables(database)
      .selectFrom('audit_entries')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('case_id', '=', caseId)
      .executeTakeFirst(),
    tables(database)
      .selectFrom('audit_checkpoints')
      .select((eb) => eb.fn.max('entries').as('entries'))
      .where('case_id', '=', caseId)
      .executeTakeFirst(),
  ]);
  const entries = Number(head?.seq ?? 0);
  if (entries - Number(last?.entries ?? 0) < every) return undefined;
  return createCheckpoint(database, caseId, key, now);
}

/** Catches up every case's due checkpoint (a server start: writes made without the server). */
export async function checkpointDueCases(database: Database, key: ServerKey, every: number, now: Date) {
  for (const caseId of await auditedCaseIds(database))
    await checkpointIfDue(database, caseId, key, every, now);
}
