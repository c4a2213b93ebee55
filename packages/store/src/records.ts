import { sql, type Transaction } from 'kysely';
import type { Case } from '@parley/model/case.ts';
import { formatPath, parsePath, type Diagnostic } from '@parley/model/diagnostic.ts';
import { ParleyError } from '@parley/model/errors.ts';
import { checkSchema } from '@parley/model/schema/check.ts';
import { validateCase } from '@parley/app/validate/validate-case.ts';
import { appendAudit } from './audit/append.ts';
import { caseOfRecords, recordsOfCase } from './case-records.ts';
import { visibleRows } from './cases.ts';
import type { Database } from './database.ts';
import { casePathOf, withinRecord } from './record-paths.ts';
import {
  defaultVisibility,
  idOfRecord,
  recordKinds,
  type RecordKind,
  type StoredRecord,
} from './record-kinds.ts';
import type { Tables } from './tables.ts';
import { closeUnderReferences, visibleCase } from './visible-case.ts';
import { everything, sees, type Audience, type Visibility } from './visibility.ts';

/** Who writes: what they see, and their user id for the record of releases. */
export interface Writer {
  audience: Audience;
  /** The account behind the write; null for the case's keeper (the CLI on its own database). */
  userId: string | null;
  /** The roles the writer acts in, for the audit log (`mediator-lead,analyst`). */
  roles?: string;
}

/** One record as its viewer sees it; a hidden record is not found, exactly like a missing one. */
export async function getRecord(
  database: Database,
  caseId: string,
  audience: Audience,
  kind: RecordKind,
  id: string,
): Promise<StoredRecord> {
  const state = await visibleCase(database, caseId, audience);
  const found = state?.records.find((r) => r.kind === kind && r.id === id);
  if (!found) throw notFound(caseId, kind, id);
  return found;
}

/** Every record of a kind the viewer sees, in stored order. */
export async function listRecords(
  database: Database,
  caseId: string,
  audience: Audience,
  kind: RecordKind,
): Promise<StoredRecord[]> {
  const state = await visibleCase(database, caseId, audience);
  if (!state) throw new ParleyError('not-found', `no case "${caseId}"`);
  return state.records.filter((r) => r.kind === kind);
}

export interface RecordInput {
  body: unknown;
  /** Defaults: a new record's by its kind (defaultVisibility); an updated record keeps its own. */
  visibility?: Visibility;
}

/** Adds a record; its id (from its body) must be new. Returns it as stored. */
export async function createRecord(
  database: Database,
  caseId: string,
  writer: Writer,
  kind: RecordKind,
  input: RecordInput,
  /** The shell's own rule on who may write a record of this visibility; throws to refuse. */
  authorize: (visibility: Visibility) => void = () => {},
): Promise<StoredRecord> {
  const body = checkBody(kind, input.body);
  const id = idOfRecord(kind, body);
  const visibility = input.visibility ?? defaultVisibility(kind, body);
  requireVisibleTo(writer.audience, visibility, kind);
  authorize(visibility);
  return write(database, caseId, writer, 'record.create', async (trx, rows) => {
    if (rows.some((r) => r.kind === kind && r.id === id))
      throw new ParleyError('conflict', `the id "${id}" is already taken by a ${kind} in this case`);
    const position = rows.filter((r) => r.kind === kind).reduce((max, r) => Math.max(max, r.position + 1), 0);
    const record: StoredRecord = { kind, id, position, visibility, version: 1, body };
    await trx
      .insertInto('case_records')
      .values({
        case_id: caseId,
        kind,
        record_id: id,
        position,
        visibility,
        version: 1,
        body: JSON.stringify(body),
      })
      .execute();
    return { record, after: [...rows, record] };
  });
}

/** Replaces a record's body (its id cannot change) when `ifMatch` is its current version. */
export async function updateRecord(
  database: Database,
  caseId: string,
  writer: Writer,
  kind: RecordKind,
  id: string,
  input: RecordInput,
  ifMatch: number,
  authorize: (before: Visibility, after: Visibility) => void = () => {},
): Promise<StoredRecord> {
  const body = checkBody(kind, input.body);
  const bodyId = kind === 'draft-text' ? id : idOfRecord(kind, body); // not in a text's body
  if (bodyId !== id)
    throw new ParleyError(
      'invalid-input',
      `the body's id "${bodyId}" is not the record's id "${id}"; an id cannot change`,
      [
        {
          code: 'invalid-value',
          severity: 'error',
          path: kind === 'stakeholder' ? 'actor' : 'id',
          message: 'an id cannot change',
        },
      ],
    );
  return write(database, caseId, writer, 'record.update', async (trx, rows) => {
    const current = currentFor(rows, writer.audience, caseId, kind, id, ifMatch);
    const visibility = input.visibility ?? current.visibility;
    requireVisibleTo(writer.audience, visibility, kind);
    authorize(current.visibility, visibility);
    const record: StoredRecord = { ...current, visibility, version: current.version + 1, body };
    await trx
      .updateTable('case_records')
      .set({ body: JSON.stringify(body), visibility, version: record.version, updated_at: sql`now()` })
      .where('case_id', '=', caseId)
      .where('kind', '=', kind)
      .where('record_id', '=', id)
      .execute();
    return { record, after: rows.map((r) => (r === current ? record : r)) };
  });
}

/** Removes a record when `ifMatch` is its current version; the case's meta cannot be removed. */
export async function deleteRecord(
  database: Database,
  caseId: string,
  writer: Writer,
  kind: RecordKind,
  id: string,
  ifMatch: number,
  authorize: (before: Visibility) => void = () => {},
): Promise<void> {
  if (kind === 'meta')
    throw new ParleyError('invalid-input', "a case's meta cannot be deleted; delete the case");
  await write(database, caseId, writer, 'record.delete', async (trx, rows) => {
    const current = currentFor(rows, writer.audience, caseId, kind, id, ifMatch);
    authorize(current.visibility);
    await trx
      .deleteFrom('case_records')
      .where('case_id', '=', caseId)
      .where('kind', '=', kind)
      .where('record_id', '=', id)
      .execute();
    return {
      record: current,
      after: rows.filter((r) => r !== current),
      payload: { version: current.version },
    };
  });
}

/**
 * Widens who sees a record (a mediator releasing a caucus note to the whole case), recorded in
 * the releases table. A release only widens: the old audience must be inside the new one.
 */
export async function releaseRecord(
  database: Database,
  caseId: string,
  writer: Writer,
  kind: RecordKind,
  id: string,
  to: Visibility,
  ifMatch: number,
  authorize: (from: Visibility) => void = () => {},
): Promise<StoredRecord> {
  return write(database, caseId, writer, 'record.release', async (trx, rows) => {
    const current = currentFor(rows, writer.audience, caseId, kind, id, ifMatch);
    authorize(current.visibility);
    if (!widens(current.visibility, to))
      throw new ParleyError(
        'invalid-input',
        `a release widens who sees a record; ${to} does not include everyone who sees ${current.visibility}`,
        [
          {
            code: 'invalid-value',
            severity: 'error',
            path: 'to',
            message: `does not widen ${current.visibility}`,
          },
        ],
      );
    const record: StoredRecord = { ...current, visibility: to, version: current.version + 1 };
    await trx
      .updateTable('case_records')
      .set({ visibility: to, version: record.version, updated_at: sql`now()` })
      .where('case_id', '=', caseId)
      .where('kind', '=', kind)
      .where('record_id', '=', id)
      .execute();
    await trx
      .insertInto('releases')
      .values({
        case_id: caseId,
        kind,
        record_id: id,
        from_visibility: current.visibility,
        to_visibility: to,
        released_by: writer.userId ?? 'keeper',
      })
      .execute();
    return {
      record,
      after: rows.map((r) => (r === current ? record : r)),
      payload: { from: current.visibility, to, version: record.version },
    };
  });
}

/** Whether `to` reaches everyone `from` reaches. */
export function widens(from: Visibility, to: Visibility): boolean {
  if (from === to || to === 'case') return true;
  if (from.startsWith('party:')) return to === `channel:${from.slice('party:'.length)}`;
  if (from === 'mediation') return to.startsWith('channel:');
  return false;
}

/**
 * One write: in one transaction, lock the case, read every record, apply the change, check the
 * case that results, bump the revision. Problems in the changed record come back by its field
 * paths, checked against what the writer sees (so an error never names a hidden record); a
 * change that would break records the writer cannot see is refused without naming them.
 */
async function write(
  database: Database,
  caseId: string,
  writer: Writer,
  action: 'record.create' | 'record.update' | 'record.delete' | 'record.release',
  change: (
    trx: Transaction<Tables>,
    rows: StoredRecord[],
  ) => Promise<{ record: StoredRecord; after: StoredRecord[]; payload?: unknown }>,
): Promise<StoredRecord> {
  return database.db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom('cases')
      .select('id')
      .where('id', '=', caseId)
      .forUpdate()
      .executeTakeFirst();
    if (!locked) throw new ParleyError('not-found', `no case "${caseId}"`);
    const rows = await visibleRows(trx, caseId, everything);
    const { record, after, payload } = await change(trx, rows);
    const seen = after.filter((r) => sees(writer.audience, r.visibility));
    if (after.includes(record)) checkInView(seen, record);
    checkWhole(caseOfRecords(after), seen);
    // The record of the change, in the change's transaction: seen by whoever sees the record.
    await appendAudit(trx, caseId, {
      userId: writer.userId,
      roles: writer.roles ?? (await rolesOf(trx, caseId, writer.userId)),
      action,
      target: `${record.kind}/${record.id}`,
      visibility: record.visibility,
      payload: payload ?? { version: record.version, visibility: record.visibility, body: record.body },
    });
    await trx
      .updateTable('cases')
      .set({ revision: sql`revision + 1` })
      .where('id', '=', caseId)
      .execute();
    return record;
  });
}

/** The roles a user holds in a case, as the audit log names them (`delegation-head:ua`). */
async function rolesOf(trx: Transaction<Tables>, caseId: string, userId: string | null): Promise<string> {
  if (userId === null) return 'keeper';
  const rows = await trx
    .selectFrom('memberships')
    .select(['role', 'party'])
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .orderBy('role')
    .execute();
  return rows.map((r) => (r.party ? `${r.role}:${r.party}` : r.role)).join(',') || 'none';
}

/**
 * Checks the changed record against the case as its writer sees it (every reference it makes
 * must resolve there), so its errors come back at its field paths and never confirm that a
 * hidden record exists.
 */
function checkInView(seen: StoredRecord[], record: StoredRecord) {
  // The writer's whole view with the record in it; a record the view's own closure would drop
  // (its reference leads nowhere the writer can see) is put back, so its errors are reported.
  const closed = recordsOfCase(closeUnderReferences(caseOfRecords(seen)));
  const view = closed.some((r) => r.kind === record.kind && r.id === record.id)
    ? closed
    : [...closed, record];
  const c = caseOfRecords(view);
  const prefix = casePathOf(c, record.kind, record.id);
  const own: Diagnostic[] = [];
  for (const d of validateCase(c)) {
    const inner = d.severity === 'error' && prefix && withinRecord(parsePath(d.path), prefix);
    if (inner && d.code !== 'uncited-source') own.push({ ...d, path: formatPath(inner) });
  }
  if (own.length > 0)
    throw new ParleyError(
      'invalid-input',
      `the ${record.kind} "${record.id}" has ${own.length} problem(s)`,
      own,
    );
}

/**
 * Refuses a change that leaves the stored case with errors (a deleted issue that positions still
 * name, a source no longer cited). Problems in records the writer sees are named; problems in
 * records the writer cannot see are not.
 */
function checkWhole(c: Case, seen: StoredRecord[]) {
  const errors = validateCase(c).filter((d) => d.severity === 'error');
  if (errors.length === 0) return;
  const seenPaths = seen.map((r) => casePathOf(c, r.kind, r.id)).filter((p) => p !== undefined);
  const named = errors.every((d) => seenPaths.some((p) => withinRecord(parsePath(d.path), p)));
  if (!named)
    throw new ParleyError(
      'conflict',
      'the change would break records of the case that you cannot see; ask the mediation team',
    );
  throw new ParleyError(
    'conflict',
    `the change would leave records of the case broken: ${errors
      .slice(0, 3)
      .map((d) => `${d.path}: ${d.message}`)
      .join('; ')}`,
    errors,
  );
}

function checkBody(kind: RecordKind, body: unknown): unknown {
  const { value, problems } = checkSchema(recordKinds[kind], body);
  if (problems.length > 0)
    throw new ParleyError(
      'invalid-input',
      `the ${kind} has ${problems.length} problem(s)`,
      problems.map((p) => ({
        code: p.code,
        severity: 'error',
        path: formatPath(p.path),
        message: p.message,
      })),
    );
  return value;
}

function currentFor(
  rows: StoredRecord[],
  audience: Audience,
  caseId: string,
  kind: RecordKind,
  id: string,
  ifMatch: number,
): StoredRecord {
  const current = rows.find((r) => r.kind === kind && r.id === id);
  if (!current || !sees(audience, current.visibility)) throw notFound(caseId, kind, id);
  if (current.version !== ifMatch)
    throw new ParleyError(
      'conflict',
      `the ${kind} "${id}" is at version ${current.version}, not ${ifMatch}: reload it and apply your change again`,
      [
        {
          code: 'stale-version',
          severity: 'error',
          path: 'If-Match',
          message: `the current version is ${current.version}`,
        },
      ],
    );
  return current;
}

function requireVisibleTo(audience: Audience, visibility: Visibility, kind?: RecordKind) {
  // The meta names the case: every member sees it, or the case could not be assembled.
  if (kind === 'meta' && visibility !== 'case')
    throw new ParleyError('invalid-input', "a case's meta is visible to the whole case", [
      { code: 'invalid-value', severity: 'error', path: 'visibility', message: 'the meta is always case' },
    ]);
  if (!sees(audience, visibility))
    throw new ParleyError(
      'invalid-input',
      `you cannot write a record visible as ${visibility}: you would not see it yourself`,
      [{ code: 'invalid-value', severity: 'error', path: 'visibility', message: 'not a visibility you see' }],
    );
}

function notFound(caseId: string, kind: RecordKind, id: string) {
  return new ParleyError('not-found', `no ${kind} "${id}" in case "${caseId}"`);
}
