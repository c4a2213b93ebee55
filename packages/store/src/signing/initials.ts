import { appendAudit } from '../audit/append.ts';
import type { Database } from '../database.ts';

/** One head of delegation's initials on a draft version. */
export interface Initial {
  userId: string;
  displayName: string;
  party: string | null;
  keyId: string;
  fingerprint: string;
  publicKey: string;
  digest: string;
  signature: string;
  at: string;
}

export interface NewInitial {
  caseId: string;
  documentId: string;
  versionId: string;
  userId: string;
  party: string | null;
  keyId: string;
  digest: string;
  signature: string;
}

/** Stores a verified signature and logs it, in one transaction under the case's lock. */
export async function recordInitial(database: Database, initial: NewInitial, roles: string): Promise<void> {
  const { caseId, documentId, versionId, userId, party, keyId, digest, signature } = initial;
  await database.db.transaction().execute(async (trx) => {
    await trx.selectFrom('cases').select('id').where('id', '=', caseId).forUpdate().executeTakeFirstOrThrow();
    await trx
      .insertInto('initials')
      .values({
        case_id: caseId,
        document_id: documentId,
        version_id: versionId,
        user_id: userId,
        party,
        key_id: keyId,
        digest,
        signature,
      })
      .onConflict((oc) =>
        oc
          .columns(['case_id', 'document_id', 'version_id', 'user_id', 'key_id', 'digest'])
          .doUpdateSet({ signature }),
      )
      .execute();
    await appendAudit(trx, caseId, {
      userId,
      roles,
      action: 'draft.initial',
      target: `draft/${documentId}@${versionId}`,
      visibility: 'case',
      payload: { documentId, versionId, party, keyId, digest, signature },
    });
  });
}

/** The initials on a version, oldest first, with each signer's name and public key. */
export async function initialsOf(
  database: Database,
  caseId: string,
  documentId: string,
  versionId: string,
): Promise<Initial[]> {
  const rows = await database.db
    .selectFrom('initials')
    .innerJoin('users', 'users.id', 'initials.user_id')
    .innerJoin('signing_keys', 'signing_keys.id', 'initials.key_id')
    .select([
      'initials.user_id',
      'users.display_name',
      'initials.party',
      'initials.key_id',
      'signing_keys.fingerprint',
      'signing_keys.public_key',
      'initials.digest',
      'initials.signature',
      'initials.created_at',
    ])
    .where('initials.case_id', '=', caseId)
    .where('initials.document_id', '=', documentId)
    .where('initials.version_id', '=', versionId)
    .orderBy('initials.created_at')
    .orderBy('initials.user_id')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    displayName: r.display_name,
    party: r.party,
    keyId: r.key_id,
    fingerprint: r.fingerprint,
    publicKey: r.public_key,
    digest: r.digest,
    signature: r.signature,
    at: new Date(r.created_at).toISOString(),
  }));
}
