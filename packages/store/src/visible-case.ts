import type { Case } from '@parley/model/case.ts';
import { parsePath } from '@parley/model/diagnostic.ts';
import { validateCase } from '@parley/app/validate/validate-case.ts';
import { caseOfRecords, listKinds, recordsOfCase, type ListPart } from './case-records.ts';
import { conductKinds, type StoredRecord } from './record-kinds.ts';
import { caseRevision, visibleRows } from './cases.ts';
import type { Database } from './database.ts';
import { audienceKey, sees, type Audience } from './visibility.ts';

/**
 * The case as one audience sees it. Records it may not see are left out, and then so is every
 * record that refers to one left out (a public position on a confidential issue), until what
 * remains is a whole case: analyses run on it as on any case and cannot reach what is hidden,
 * and what a viewer sees never depends on what else exists.
 */
export async function visibleCase(
  database: Database,
  caseId: string,
  audience: Audience,
): Promise<VisibleCase | undefined> {
  const revision = await caseRevision(database, caseId);
  if (revision === undefined) return undefined;
  const key = `${database.id}\u0000${caseId}\u0000${revision}\u0000${audienceKey(audience)}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const state = { revision, ...viewOfRows(await visibleRows(database.db, caseId, audience), audience) };
  remember(key, state);
  return state;
}

/**
 * The case that stored rows make for an audience: the rows it may not see left out, then every
 * record that refers to one left out. Pure, so it can be tested on any rows.
 */
export function viewOfRows(rows: readonly StoredRecord[], audience: Audience): Omit<VisibleCase, 'revision'> {
  const seen = audience.everything ? rows : rows.filter((r) => sees(audience, r.visibility));
  const assembled = caseOfRecords(seen);
  const whole = audience.everything ? assembled : closeUnderReferences(assembled);
  // The records as the viewer sees them: a scenario may have lost overrides on hidden models.
  const stored = new Map(seen.map((r) => [`${r.kind}\u0000${r.id}`, r]));
  const records = recordsOfCase(whole).map((r) => {
    const row = stored.get(`${r.kind}\u0000${r.id}`)!;
    return { ...r, position: row.position, visibility: row.visibility, version: row.version };
  });
  // The conduct records the viewer sees sit beside the case: their references were checked
  // against what everyone in their channel sees when they were written.
  const conduct = seen
    .filter((r) => conductKinds.has(r.kind))
    .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { case: whole, records: [...records, ...conduct] };
}

export interface VisibleCase {
  revision: number;
  case: Case;
  /** Every record the viewer sees, with its version and visibility, in stored order. */
  records: StoredRecord[];
}

// Cases as audiences saw them, keyed by database, case, revision and audience: a write bumps the
// revision, so an entry is never stale, only unused; the oldest go first.
const cache = new Map<string, VisibleCase>();
const CACHE_ENTRIES = 64;
function remember(key: string, value: VisibleCase) {
  cache.set(key, value);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
}

const listParts: ReadonlySet<string> = new Set(listKinds.map(([part]) => part));

/**
 * Drops, round by round, every record the case's own checks find broken — only references can
 * break, since the stored case is whole — until none is. A source no visible record cites is
 * kept: being uncited is not a broken reference.
 */
export function closeUnderReferences(c: Case): Case {
  let current = structuredClone(c);
  for (;;) {
    const broken = validateCase(current).filter((d) => d.severity === 'error' && d.code !== 'uncited-source');
    if (broken.length === 0) return current;
    const drop = {
      lists: new Map<ListPart, Set<number>>(),
      texts: new Set<string>(),
      stakeholders: new Set<number>(),
      overrides: new Map<number, Set<number>>(),
      model: false,
      guarantees: false,
    };
    for (const d of broken) {
      const [part, index, ...rest] = parsePath(d.path);
      if (typeof part !== 'string') continue;
      if (listParts.has(part) && typeof index === 'number') {
        const set = drop.lists.get(part as ListPart) ?? new Set<number>();
        set.add(index);
        drop.lists.set(part as ListPart, set);
      } else if (part === 'draftTexts' && typeof index === 'string') drop.texts.add(index);
      else if (part === 'guarantees') drop.guarantees = true;
      else if (part === 'model' && index === 'stakeholders' && typeof rest[0] === 'number')
        drop.stakeholders.add(rest[0]);
      else if (
        part === 'model' &&
        index === 'scenarios' &&
        typeof rest[0] === 'number' &&
        rest[1] === 'overrides' &&
        typeof rest[2] === 'number'
      ) {
        const set = drop.overrides.get(rest[0]) ?? new Set<number>();
        set.add(rest[2]);
        drop.overrides.set(rest[0], set);
      } else if (part === 'model') drop.model = true;
      else return current; // a break no record can be blamed for (the meta): leave the case as it is
    }
    const next: Case = { ...current };
    for (const [part, indexes] of drop.lists)
      (next[part] as unknown[]) = (current[part] as unknown[]).filter((_, i) => !indexes.has(i));
    if (drop.texts.size > 0)
      next.draftTexts = Object.fromEntries(
        Object.entries(current.draftTexts).filter(([k]) => !drop.texts.has(k)),
      );
    if (drop.guarantees) delete next.guarantees;
    if (current.model) {
      if (drop.model) delete next.model;
      else {
        const scenarios = current.model.scenarios
          .map((s, i) => ({ ...s, overrides: s.overrides.filter((_, j) => !drop.overrides.get(i)?.has(j)) }))
          .filter((s) => s.overrides.length > 0);
        next.model = {
          ...current.model,
          stakeholders: current.model.stakeholders.filter((_, i) => !drop.stakeholders.has(i)),
          scenarios,
        };
      }
    }
    // Draft texts follow their versions: a dropped document takes its texts along.
    const versions = new Set(next.drafts.flatMap((d) => d.versions.map((v) => `${d.id}@${v.id}`)));
    next.draftTexts = Object.fromEntries(Object.entries(next.draftTexts).filter(([k]) => versions.has(k)));
    current = next;
  }
}
