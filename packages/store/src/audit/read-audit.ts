import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import type { Tables } from '../tables.ts';
import { sees, type Audience, type Visibility } from '../visibility.ts';
import type { AuditEntry, SealedEntry } from './audit-chain.ts';

/**
 * A case's audit log in order, as a reader sees it: the entries about records they may see in
 * full, every other entry sealed (its number and hashes only), so anyone can check the chain
 * without learning what happened in another caucus.
 */
export async function readAudit(
  database: Database | { db: Kysely<Tables> },
  caseId: string,
  audience: Audience,
): Promise<(AuditEntry | SealedEntry)[]> {
  const rows = await database.db
    .selectFrom('audit_entries')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
  return rows.map((r): AuditEntry | SealedEntry => {
    const seq = Number(r.seq);
    if (!sees(audience, r.visibility as Visibility))
      return { seq, prevHash: r.prev_hash, entryHash: r.entry_hash };
    return {
      caseId: r.case_id,
      seq,
      at: r.at,
      userId: r.user_id,
      roles: r.roles,
      action: r.action,
      target: r.target,
      visibility: r.visibility,
      payload: r.payload,
      payloadHash: r.payload_hash,
      prevHash: r.prev_hash,
      entryHash: r.entry_hash,
    };
  });
}

/** The cases with an audit log, deleted cases included, by id. */
export async function auditedCaseIds(database: Database): Promise<string[]> {
  const rows = await database.db
    .selectFrom('audit_entries')
    .select('case_id')
    .distinct()
    .orderBy('case_id')
    .execute();
  return rows.map((r) => r.case_id);
}
