import { sql } from 'kysely';
import { appendAudit } from '../audit/append.ts';
import { lockCase } from '../case-lock.ts';
import type { Database } from '../database.ts';
import { recordKinds, type RecordKind, type StoredRecord } from '../record-kinds.ts';
import type { Writer } from '../records.ts';
import type { Visibility } from '../visibility.ts';

/** The kinds of record a single negotiating text keeps. */
export const singleTextKinds = ['single-text', 'criticism', 'text-round', 'round-answer'] as const;
export type SingleTextKind = (typeof singleTextKinds)[number];

/** One record a step of the single text writes (new, or replacing the one with its id). */
export interface TextWrite {
  /** What the audit log calls the step (`single-text.criticise`). */
  action: string;
  kind: SingleTextKind;
  id: string;
  visibility: Visibility;
  body: unknown;
}

/**
 * One step of the single text, in one transaction under the case's lock: `plan` reads the text's
 * records as they stand (every party's, whatever the writer sees: the rules need them all, and
 * the plan's answer is the writer's own) and says what to write, or throws to refuse; each write
 * is logged with the visibility of its record, so another caucus sees only a sealed entry.
 */
export async function writeSingleText(
  database: Database,
  caseId: string,
  writer: Writer & { roles: string },
  plan: (records: StoredRecord[]) => TextWrite[],
): Promise<StoredRecord[]> {
  return database.db.transaction().execute(async (trx) => {
    await lockCase(trx, caseId);
    const rows = await trx
      .selectFrom('case_records')
      .select(['kind', 'record_id', 'position', 'visibility', 'version', 'body'])
      .where('case_id', '=', caseId)
      .where('kind', 'in', [...singleTextKinds])
      .execute();
    const records: StoredRecord[] = rows.map((r) => ({
      kind: r.kind as RecordKind,
      id: r.record_id,
      position: r.position,
      visibility: r.visibility as Visibility,
      version: r.version,
      body: r.body,
    }));
    const written: StoredRecord[] = [];
    for (const { action, kind, id, visibility, body } of plan(records)) {
      // The plan builds bodies from checked input: a failure here is a bug, not bad input.
      const checked = recordKinds[kind].parse(body);
      const current = records.find((r) => r.kind === kind && r.id === id);
      const record: StoredRecord = current
        ? { ...current, visibility, version: current.version + 1, body: checked }
        : {
            kind,
            id,
            position: records.filter((r) => r.kind === kind).reduce((m, r) => Math.max(m, r.position + 1), 0),
            visibility,
            version: 1,
            body: checked,
          };
      if (current)
        await trx
          .updateTable('case_records')
          .set({
            body: JSON.stringify(checked),
            visibility,
            version: record.version,
            updated_at: sql`now()`,
          })
          .where('case_id', '=', caseId)
          .where('kind', '=', kind)
          .where('record_id', '=', id)
          .execute();
      else
        await trx
          .insertInto('case_records')
          .values({
            case_id: caseId,
            kind,
            record_id: id,
            position: record.position,
            visibility,
            version: 1,
            body: JSON.stringify(checked),
          })
          .execute();
      records.splice(current ? records.indexOf(current) : records.length, current ? 1 : 0, record);
      await appendAudit(trx, caseId, {
        userId: writer.userId,
        roles: writer.roles,
        action,
        target: `${kind}/${id}`,
        visibility,
        payload: { version: record.version, visibility, body: checked },
      });
      written.push(record);
    }
    await trx
      .updateTable('cases')
      .set({ revision: sql`revision + 1` })
      .where('id', '=', caseId)
      .execute();
    return written;
  });
}
