import type { Case } from '@parley/model/case.ts';
import type { FieldPath } from '@parley/model/diagnostic.ts';
import { listKinds } from './case-records.ts';
import type { RecordKind } from './record-kinds.ts';

const listPartOf: Partial<Record<RecordKind, keyof Case>> = Object.fromEntries(
  listKinds.map(([part, kind]) => [kind, part]),
);

/**
 * Where a record sits in the assembled case (`positions[12]`, `model.stakeholders[1]`), so the
 * case's checks, which report at case paths, can be read back as problems of one record.
 */
export function casePathOf(c: Case, kind: RecordKind, id: string): FieldPath | undefined {
  const part = listPartOf[kind];
  if (part) {
    const i = (c[part] as { id: string }[]).findIndex((r) => r.id === id);
    return i < 0 ? undefined : [part, i];
  }
  switch (kind) {
    case 'meta':
      return ['meta'];
    case 'guarantees':
      return c.guarantees ? ['guarantees'] : undefined;
    case 'model':
      return c.model ? ['model'] : undefined;
    case 'draft-text':
      return id in c.draftTexts ? ['draftTexts', id] : undefined;
    case 'stakeholder': {
      const i = c.model?.stakeholders.findIndex((s) => s.actor === id) ?? -1;
      return i < 0 ? undefined : ['model', 'stakeholders', i];
    }
    case 'scenario': {
      const i = c.model?.scenarios.findIndex((s) => s.id === id) ?? -1;
      return i < 0 ? undefined : ['model', 'scenarios', i];
    }
  }
  return undefined;
}

/** The path inside the record when `path` lies within `prefix`; undefined when it does not. */
export function withinRecord(path: FieldPath, prefix: FieldPath): FieldPath | undefined {
  if (prefix.length > path.length) return undefined;
  for (let i = 0; i < prefix.length; i++) if (path[i] !== prefix[i]) return undefined;
  return path.slice(prefix.length);
}
