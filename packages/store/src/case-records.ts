import type { Case } from '@parley/model/case.ts';
import { draftKey } from '@parley/model/case.ts';
import type { AnalystModel } from '@parley/model/schema/analyst-model.ts';
import { defaultVisibility, idOfRecord, type RecordKind, type StoredRecord } from './record-kinds.ts';

/** The parts of a case that are lists of records. */
export type ListPart =
  | 'actors'
  | 'roles'
  | 'rounds'
  | 'events'
  | 'sources'
  | 'propositions'
  | 'claims'
  | 'issues'
  | 'positions'
  | 'drafts';

/** The case's record lists and the kind of record each entry becomes, in the case's own order. */
export const listKinds: readonly (readonly [ListPart, RecordKind])[] = [
  ['actors', 'actor'],
  ['roles', 'role'],
  ['rounds', 'round'],
  ['events', 'event'],
  ['sources', 'source'],
  ['propositions', 'proposition'],
  ['claims', 'claim'],
  ['issues', 'issue'],
  ['positions', 'position'],
  ['drafts', 'draft'],
];

type NewRecord = Omit<StoredRecord, 'version'>;

/** A case as the rows that store it, each with its default visibility. */
export function recordsOfCase(c: Case): NewRecord[] {
  const records: NewRecord[] = [];
  const add = (kind: RecordKind, body: unknown, position: number) =>
    records.push({
      kind,
      id: idOfRecord(kind, body),
      position,
      visibility: defaultVisibility(kind, body),
      body,
    });
  add('meta', c.meta, 0);
  for (const [part, kind] of listKinds) c[part].forEach((body, i) => add(kind, body, i));
  let t = 0;
  for (const document of c.drafts)
    for (const version of document.versions) {
      const key = draftKey(document.id, version.id);
      const text = c.draftTexts[key];
      if (text !== undefined)
        records.push({ kind: 'draft-text', id: key, position: t++, visibility: 'case', body: { text } });
    }
  if (c.guarantees) add('guarantees', c.guarantees, 0);
  if (c.model) {
    const { stakeholders, scenarios, ...shared } = c.model;
    add('model', shared, 0);
    stakeholders.forEach((s, i) => add('stakeholder', s, i));
    scenarios.forEach((s, i) => add('scenario', s, i));
  }
  // A draft's text is seen exactly as its document is.
  const draftVisibility = new Map(records.filter((r) => r.kind === 'draft').map((r) => [r.id, r.visibility]));
  for (const r of records)
    if (r.kind === 'draft-text')
      r.visibility = draftVisibility.get(r.id.slice(0, r.id.indexOf('@'))) ?? 'case';
  return records;
}

/**
 * The case that rows hold, in their stored order. Rows a viewer may not see are left out by the
 * caller before this; a case without its meta row has none to build and is refused there.
 */
export function caseOfRecords(
  rows: readonly Pick<StoredRecord, 'kind' | 'id' | 'position' | 'body'>[],
): Case {
  const byKind = new Map<RecordKind, (typeof rows)[number][]>();
  for (const row of rows) {
    const list = byKind.get(row.kind) ?? [];
    list.push(row);
    byKind.set(row.kind, list);
  }
  const bodies = <T>(kind: RecordKind): T[] =>
    (byKind.get(kind) ?? [])
      .slice()
      .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((r) => r.body as T);
  const single = <T>(kind: RecordKind): T | undefined => bodies<T>(kind)[0];
  const c = {
    meta: single<Case['meta']>('meta')!,
    actors: bodies('actor'),
    roles: bodies('role'),
    rounds: bodies('round'),
    events: bodies('event'),
    sources: bodies('source'),
    propositions: bodies('proposition'),
    claims: bodies('claim'),
    issues: bodies('issue'),
    positions: bodies('position'),
    drafts: bodies('draft'),
    draftTexts: Object.fromEntries(
      (byKind.get('draft-text') ?? []).map((r) => [r.id, (r.body as { text: string }).text]),
    ),
  } as Case;
  const guarantees = single<Case['guarantees']>('guarantees');
  if (guarantees) c.guarantees = guarantees;
  const shared = single<Omit<AnalystModel, 'stakeholders' | 'scenarios'>>('model');
  if (shared)
    c.model = {
      ...shared,
      stakeholders: bodies('stakeholder'),
      scenarios: bodies('scenario'),
    } as AnalystModel;
  return c;
}
