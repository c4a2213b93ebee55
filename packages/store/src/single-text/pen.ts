import { draftKey } from '@parley/model/case.ts';
import { ParleyError } from '@parley/model/errors.ts';
import type { DraftDocument, DraftVersion } from '@parley/model/schema/drafts.ts';
import type { SingleText } from '@parley/model/schema/single-text.ts';
import type { Database } from '../database.ts';
import { membersOf } from '../members.ts';
import { mediationRoles } from '../membership.ts';
import type { StoredRecord } from '../record-kinds.ts';
import { applyChanges, type Writer } from '../records.ts';
import { writeSingleText } from './text-write.ts';

/**
 * Names a draft document a single negotiating text and its pen-holders: accounts of the
 * mediation team, the only ones who issue its versions. A document is declared once.
 */
export async function declareSingleText(
  database: Database,
  caseId: string,
  writer: Writer & { roles: string },
  text: SingleText,
): Promise<StoredRecord> {
  await requireTeam(database, caseId, text.penHolders);
  const [record] = await writeSingleText(database, caseId, writer, (records) => {
    if (records.some((r) => r.kind === 'single-text' && r.id === text.id))
      throw new ParleyError('conflict', `"${text.id}" is already held as a single negotiating text`);
    return [
      { action: 'single-text.declare', kind: 'single-text', id: text.id, visibility: 'case', body: text },
    ];
  });
  return record!;
}

/**
 * Hands the pen to other accounts of the mediation team (a lead leaves, a co-mediator joins); the
 * text and its versions stay as they are, and the log keeps who held the pen when.
 */
export async function changePenHolders(
  database: Database,
  caseId: string,
  writer: Writer & { roles: string },
  documentId: string,
  penHolders: string[],
): Promise<StoredRecord> {
  await requireTeam(database, caseId, penHolders);
  const [record] = await writeSingleText(database, caseId, writer, (records) => {
    const held = records.find((r) => r.kind === 'single-text' && r.id === documentId);
    if (!held) throw new ParleyError('not-found', `"${documentId}" is not held as a single negotiating text`);
    const body: SingleText = { ...(held.body as SingleText), penHolders };
    return [
      { action: 'single-text.pen-holders', kind: 'single-text', id: documentId, visibility: 'case', body },
    ];
  });
  return record!;
}

/** Pen-holders are accounts of the case's mediation team. */
async function requireTeam(database: Database, caseId: string, penHolders: readonly string[]) {
  const team = new Set(
    (await membersOf(database, caseId)).filter((m) => mediationRoles.has(m.role)).map((m) => m.userId),
  );
  const outside = penHolders.filter((u) => !team.has(u));
  if (outside.length > 0)
    throw new ParleyError(
      'invalid-input',
      `a pen-holder is a member of the mediation team; ${outside.join(', ')} is not`,
      outside.map((u) => ({
        code: 'invalid-value',
        severity: 'error',
        path: `penHolders[${penHolders.indexOf(u)}]`,
        message: 'not a mediator of the case',
      })),
    );
}

/** Refuses anyone but the text's pen-holders. */
export function requirePenHolder(text: SingleText, userId: string): void {
  if (!text.penHolders.includes(userId))
    throw new ParleyError(
      'forbidden',
      `only the pen-holders of the single text "${text.id}" issue its versions and put them to rounds`,
    );
}

/**
 * Issues the next version of a single text: the version (linked to its basis) and its text in
 * one change, checked as every draft is. The document is created with its first version; it
 * keeps the visibility it has, and its texts take the same.
 */
export async function issueVersion(
  database: Database,
  caseId: string,
  writer: Writer,
  text: SingleText,
  current: { record: StoredRecord; body: DraftDocument } | undefined,
  version: DraftVersion,
  versionText: string,
): Promise<StoredRecord[]> {
  const textChange = {
    op: 'create' as const,
    kind: 'draft-text' as const,
    id: draftKey(text.id, version.id),
    body: { text: versionText },
    ...(current ? { visibility: current.record.visibility } : {}),
  };
  // The route checked that the writer holds this text's pen: the one write that may change it.
  return applyChanges(database, caseId, { ...writer, holdsPenOf: text.id }, [
    current
      ? {
          op: 'update',
          kind: 'draft',
          id: text.id,
          body: { ...current.body, versions: [...current.body.versions, version] },
          ifMatch: current.record.version,
        }
      : {
          op: 'create',
          kind: 'draft',
          body: { id: text.id, title: text.title, kind: text.kind, versions: [version] },
        },
    textChange,
  ]);
}
