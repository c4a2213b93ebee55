import { sql, type Transaction } from 'kysely';
import type { Case } from '@parley/model/case.ts';
import { ParleyError } from '@parley/model/errors.ts';
import { validateCase } from '@parley/app/validate/validate-case.ts';
import { appendAudit } from './audit/append.ts';
import { lockCase } from './case-lock.ts';
import { caseOfRecords, recordsOfCase } from './case-records.ts';
import type { Database } from './database.ts';
import type { RecordKind, StoredRecord } from './record-kinds.ts';
import type { Tables } from './tables.ts';
import { visibleValues, type Audience, type Visibility } from './visibility.ts';

const INSERT_BATCH = 500;

/**
 * Stores a whole case under its meta id, in one transaction: a case with any error imports
 * nothing, and a case id already stored is refused (delete it first).
 */
export async function importCase(
  database: Database,
  caseData: Case,
  options: {
    caseAdmin?: string;
    /**
     * Every record visible to the whole case, the parties' models included: for a case whose
     * model is the analyst's reading of a past negotiation, not the parties' own confidential
     * preferences (the embedded case on first start).
     */
    shareModels?: boolean;
  } = {},
): Promise<string> {
  const errors = validateCase(caseData).filter((d) => d.severity === 'error');
  if (errors.length > 0)
    throw new ParleyError(
      'invalid-case',
      `the case has ${errors.length} problem(s); nothing was imported`,
      errors,
    );
  const id = caseData.meta.id;
  await database.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('cases').select('id').where('id', '=', id).executeTakeFirst();
    if (taken) throw new ParleyError('conflict', `a case "${id}" is already stored; nothing was imported`);
    await trx.insertInto('cases').values({ id }).execute();
    const rows = recordsOfCase(caseData).map((r) => ({
      case_id: id,
      kind: r.kind,
      record_id: r.id,
      position: r.position,
      visibility: options.shareModels ? 'case' : r.visibility,
      version: 1,
      body: JSON.stringify(r.body),
    }));
    for (let i = 0; i < rows.length; i += INSERT_BATCH)
      await trx
        .insertInto('case_records')
        .values(rows.slice(i, i + INSERT_BATCH))
        .execute();
    await appendAudit(trx, id, {
      userId: options.caseAdmin ?? null,
      roles: options.caseAdmin ? 'server-admin' : 'keeper',
      action: 'case.import',
      target: 'case',
      visibility: 'case',
      // What came in, by kind; the records themselves are the case's first version.
      payload: { records: countByKind(rows.map((r) => r.kind)), shareModels: options.shareModels ?? false },
    });
    // Whoever imports a case over the API administers it; the CLI's import names nobody.
    if (options.caseAdmin)
      await trx
        .insertInto('memberships')
        .values({ case_id: id, user_id: options.caseAdmin, role: 'case-admin', party: null })
        .execute();
  });
  return id;
}

/** The stored cases' ids, in order. */
export async function listCaseIds(database: Database): Promise<string[]> {
  const rows = await database.db.selectFrom('cases').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}

export async function caseExists(database: Database, caseId: string): Promise<boolean> {
  return (
    (await database.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst()) !==
    undefined
  );
}

/** The case's current revision: it changes with every write. */
export async function caseRevision(database: Database, caseId: string): Promise<number | undefined> {
  const row = await database.db
    .selectFrom('cases')
    .select('revision')
    .where('id', '=', caseId)
    .executeTakeFirst();
  return row === undefined ? undefined : Number(row.revision);
}

/** Deletes a case and its records; its audit log stays, closed by a `case.delete` entry. */
export async function deleteCase(
  database: Database,
  caseId: string,
  by: { userId: string | null; roles: string } = { userId: null, roles: 'keeper' },
): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    await lockCase(trx, caseId);
    await appendAudit(trx, caseId, {
      ...by,
      action: 'case.delete',
      target: 'case',
      visibility: 'case',
      payload: null,
    });
    await trx.deleteFrom('cases').where('id', '=', caseId).execute();
  });
}

function countByKind(kinds: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of kinds) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** The rows of a case that an audience sees: the one query every read goes through. */
export async function visibleRows(
  source: Database['db'] | Transaction<Tables>,
  caseId: string,
  audience: Audience,
  kind?: RecordKind,
): Promise<StoredRecord[]> {
  let query = source
    .selectFrom('case_records')
    .select(['kind', 'record_id', 'position', 'visibility', 'version', 'body'])
    .where('case_id', '=', caseId);
  if (kind) query = query.where('kind', '=', kind);
  if (!audience.everything) {
    const { exact, anyChannel } = visibleValues(audience);
    query = query.where((eb) =>
      anyChannel
        ? eb.or([eb('visibility', 'in', exact), eb('visibility', 'like', sql<string>`${'channel:%'}`)])
        : eb('visibility', 'in', exact),
    );
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    kind: r.kind as RecordKind,
    id: r.record_id,
    position: r.position,
    visibility: r.visibility as Visibility,
    version: r.version,
    body: r.body,
  }));
}

/** The whole stored case, every record: for its keeper (the CLI's export-case), not a member. */
export async function exportCase(database: Database, caseId: string): Promise<Case> {
  if (!(await caseExists(database, caseId)))
    throw new ParleyError('not-found', `no case "${caseId}" is stored`);
  return caseOfRecords(await visibleRows(database.db, caseId, { everything: true }));
}
