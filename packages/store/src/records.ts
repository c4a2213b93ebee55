import { sql, type Transaction } from 'kysely';
import type { Case } from '@parley/model/case.ts';
import { formatPath, parsePath, type Diagnostic } from '@parley/model/diagnostic.ts';
import { ParleyError } from '@parley/model/errors.ts';
import { checkSchema } from '@parley/model/schema/check.ts';
import { validateCase } from '@parley/app/validate/validate-case.ts';
import { appendAudit } from './audit/append.ts';
import { lockCase } from './case-lock.ts';
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
  /**
   * Set by the single text's own write (store/single-text/pen.ts) for the document whose pen the
   * writer holds, checked there: only then may a write change that single text's draft.
   */
  holdsPenOf?: string;
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
  const [applied] = await write(database, caseId, writer, async (trx, rows) => {
    const op = await insertRecord(trx, caseId, rows, { kind, id, visibility, body });
    return { applied: [op], after: [...rows, op.record] };
  });
  return applied!.record;
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
  const [applied] = await write(database, caseId, writer, async (trx, rows) => {
    const current = currentFor(rows, writer.audience, caseId, kind, id, ifMatch);
    const visibility = input.visibility ?? current.visibility;
    requireVisibleTo(writer.audience, visibility, kind);
    authorize(current.visibility, visibility);
    const op = await replaceRecord(trx, caseId, current, body, visibility);
    return { applied: [op], after: rows.map((r) => (r === current ? op.record : r)) };
  });
  return applied!.record;
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
  await write(database, caseId, writer, async (trx, rows) => {
    const current = currentFor(rows, writer.audience, caseId, kind, id, ifMatch);
    authorize(current.visibility);
    const op = await removeRecord(trx, caseId, current);
    return { applied: [op], after: rows.filter((r) => r !== current) };
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
  const [applied] = await write(database, caseId, writer, async (trx, rows) => {
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
      applied: [
        {
          action: 'record.release' as const,
          record,
          payload: { from: current.visibility, to, version: record.version },
        },
      ],
      after: rows.map((r) => (r === current ? record : r)),
    };
  });
  return applied!.record;
}

/** One change of a batch: what arrives together (a source and the claim citing it, a draft and its texts). */
export type Change =
  | {
      op: 'create';
      kind: RecordKind;
      body: unknown;
      visibility?: Visibility;
      /** draft-text only */ id?: string;
    }
  | { op: 'update'; kind: RecordKind; id: string; body: unknown; visibility?: Visibility; ifMatch: number }
  | { op: 'delete'; kind: RecordKind; id: string; ifMatch: number };

/**
 * Applies changes together, in order, in one transaction: the case is checked once they are all
 * made, so records that need each other (a new source and the claim citing it, a new draft and
 * its texts) arrive together. All or nothing. Problems are reported at `changes[i].body.<field>`.
 */
export async function applyChanges(
  database: Database,
  caseId: string,
  writer: Writer,
  changes: readonly Change[],
  /** The shell's rule on who may write records of these visibilities (before, after); throws to refuse. */
  authorize: (before: Visibility | undefined, after: Visibility | undefined) => void = () => {},
): Promise<StoredRecord[]> {
  const checked = changes.map((change, i) => {
    const at = `changes[${i}].body`;
    if (change.op === 'delete') return { change, at };
    const body = checkBody(change.kind, change.body, at);
    if (change.kind === 'meta' && change.op === 'create')
      throw new ParleyError('conflict', `changes[${i}]: a case has one meta; update it`);
    const id = change.kind === 'draft-text' ? change.id : idOfRecord(change.kind, body);
    if (id === undefined)
      throw new ParleyError(
        'invalid-input',
        `changes[${i}]: a draft text is named document@version: give its id`,
        [
          {
            code: 'missing-field',
            severity: 'error',
            path: `changes[${i}].id`,
            message: 'required for a draft text',
          },
        ],
      );
    if (change.op === 'update' && id !== change.id)
      throw new ParleyError('invalid-input', `changes[${i}]: an id cannot change`, [
        { code: 'invalid-value', severity: 'error', path: `${at}.id`, message: 'an id cannot change' },
      ]);
    return { change, at, body, id };
  });
  const applied = await write(database, caseId, writer, async (trx, rows) => {
    let after = [...rows];
    const done: Applied[] = [];
    for (const [i, { change, at, body, id }] of checked.entries()) {
      if (change.op === 'create') {
        const visibility = change.visibility ?? defaultVisibility(change.kind, body);
        requireVisibleTo(writer.audience, visibility, change.kind);
        authorize(undefined, visibility);
        const op = await insertRecord(trx, caseId, after, { kind: change.kind, id: id!, visibility, body });
        after = [...after, op.record];
        done.push({ ...op, at });
        continue;
      }
      const current = currentFor(
        after,
        writer.audience,
        caseId,
        change.kind,
        change.id,
        change.ifMatch,
        `changes[${i}]: `,
      );
      if (change.op === 'update') {
        const visibility = change.visibility ?? current.visibility;
        requireVisibleTo(writer.audience, visibility, change.kind);
        authorize(current.visibility, visibility);
        const op = await replaceRecord(trx, caseId, current, body, visibility);
        after = after.map((r) => (r === current ? op.record : r));
        done.push({ ...op, at });
      } else {
        if (change.kind === 'meta')
          throw new ParleyError('invalid-input', `changes[${i}]: a case's meta cannot be deleted`);
        authorize(current.visibility, undefined);
        const op = await removeRecord(trx, caseId, current);
        after = after.filter((r) => r !== current);
        done.push(op);
      }
    }
    return { applied: done, after };
  });
  return applied.map((a) => a.record);
}

/** Whether `to` reaches everyone `from` reaches. */
export function widens(from: Visibility, to: Visibility): boolean {
  if (from === to || to === 'case') return true;
  if (from.startsWith('party:')) return to === `channel:${from.slice('party:'.length)}`;
  if (from === 'mediation') return to.startsWith('channel:');
  return false;
}

/** One change a write makes, for its checks and the audit log. */
interface Applied {
  action: 'record.create' | 'record.update' | 'record.delete' | 'record.release';
  record: StoredRecord;
  /** What the audit log keeps; by default the record as written. */
  payload?: unknown;
  /** Where problems of this record are reported in the request (`changes[2]`); none for one record. */
  at?: string;
}

/**
 * One write: in one transaction, lock the case, read every record, apply the changes, check the
 * case that results, record each change in the audit log, bump the revision. Problems in a
 * changed record come back by its field paths, checked against what the writer sees (so an
 * error never names a hidden record); a change that would break records the writer cannot see
 * is refused without naming them.
 */
async function write(
  database: Database,
  caseId: string,
  writer: Writer,
  change: (
    trx: Transaction<Tables>,
    rows: StoredRecord[],
  ) => Promise<{ applied: Applied[]; after: StoredRecord[] }>,
): Promise<Applied[]> {
  return database.db.transaction().execute(async (trx) => {
    await lockCase(trx, caseId);
    const rows = await visibleRows(trx, caseId, everything);
    const { applied, after } = await change(trx, rows);
    refusePenBypass(rows, applied, writer.holdsPenOf);
    refuseOpeningSealedAnswers(rows, applied);
    const seen = after.filter((r) => sees(writer.audience, r.visibility));
    for (const { record, at } of applied) if (after.includes(record)) checkInView(seen, record, at);
    checkWhole(caseOfRecords(after), seen);
    // The record of each change, in the change's transaction: seen by whoever sees the record.
    const roles = writer.roles ?? (await rolesOf(trx, caseId, writer.userId));
    for (const { action, record, payload } of applied)
      await appendAudit(trx, caseId, {
        userId: writer.userId,
        roles,
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
    return applied;
  });
}

/**
 * A draft declared a single negotiating text is written by its pen-holders only, through the
 * single text's own routes (store/single-text/): the generic record writes may release it, not
 * change it or add a version to it.
 */
function refusePenBypass(rows: readonly StoredRecord[], applied: readonly Applied[], pen?: string) {
  const texts = new Set(rows.filter((r) => r.kind === 'single-text').map((r) => r.id));
  if (texts.size === 0) return;
  for (const { action, record, at } of applied) {
    if (action === 'record.release') continue;
    const document =
      record.kind === 'draft'
        ? record.id
        : record.kind === 'draft-text'
          ? record.id.split('@')[0]!
          : undefined;
    if (document !== undefined && document !== pen && texts.has(document))
      throw new ParleyError(
        'forbidden',
        `${at ? `${at}: ` : ''}the draft "${document}" is a single negotiating text: its pen-holders issue its versions (POST …/single-texts/${document}/versions), no other write changes it`,
      );
  }
}

/**
 * A party's answer to a single text's round stays in its caucus until the round closes, when the
 * round's result makes the answers known to all: released earlier, one party's answer could sway
 * another's while they can still change theirs.
 */
function refuseOpeningSealedAnswers(rows: readonly StoredRecord[], applied: readonly Applied[]) {
  for (const { action, record } of applied) {
    if (action !== 'record.release' || record.kind !== 'round-answer') continue;
    const roundId = (record.body as { round?: string }).round;
    const round = rows.find((r) => r.kind === 'text-round' && r.id === roundId);
    if ((round?.body as { status?: string } | undefined)?.status === 'open')
      throw new ParleyError(
        'conflict',
        `round-answer ${record.id} belongs to round ${roundId}, which is still open: the answers are released when the round closes`,
      );
  }
}

async function insertRecord(
  trx: Transaction<Tables>,
  caseId: string,
  rows: readonly StoredRecord[],
  { kind, id, visibility, body }: Pick<StoredRecord, 'kind' | 'id' | 'visibility' | 'body'>,
): Promise<Applied> {
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
  return { action: 'record.create', record };
}

async function replaceRecord(
  trx: Transaction<Tables>,
  caseId: string,
  current: StoredRecord,
  body: unknown,
  visibility: Visibility,
): Promise<Applied> {
  const record: StoredRecord = { ...current, visibility, version: current.version + 1, body };
  await trx
    .updateTable('case_records')
    .set({ body: JSON.stringify(body), visibility, version: record.version, updated_at: sql`now()` })
    .where('case_id', '=', caseId)
    .where('kind', '=', current.kind)
    .where('record_id', '=', current.id)
    .execute();
  return { action: 'record.update', record };
}

async function removeRecord(
  trx: Transaction<Tables>,
  caseId: string,
  current: StoredRecord,
): Promise<Applied> {
  await trx
    .deleteFrom('case_records')
    .where('case_id', '=', caseId)
    .where('kind', '=', current.kind)
    .where('record_id', '=', current.id)
    .execute();
  return { action: 'record.delete', record: current, payload: { version: current.version } };
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
function checkInView(seen: StoredRecord[], record: StoredRecord, at?: string) {
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
    if (inner && d.code !== 'uncited-source')
      own.push({ ...d, path: at ? formatPath([...parsePath(at), ...inner]) : formatPath(inner) });
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

function checkBody(kind: RecordKind, body: unknown, at?: string): unknown {
  const { value, problems } = checkSchema(recordKinds[kind], body);
  if (problems.length > 0)
    throw new ParleyError(
      'invalid-input',
      `the ${kind} has ${problems.length} problem(s)`,
      problems.map((p) => ({
        code: p.code,
        severity: 'error',
        path: formatPath(at ? [...parsePath(at), ...p.path] : p.path),
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
  label = '',
): StoredRecord {
  const current = rows.find((r) => r.kind === kind && r.id === id);
  if (!current || !sees(audience, current.visibility)) throw notFound(caseId, kind, id);
  if (current.version !== ifMatch)
    throw new ParleyError(
      'conflict',
      `${label}the ${kind} "${id}" is at version ${current.version}, not ${ifMatch}: reload it and apply your change again`,
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
