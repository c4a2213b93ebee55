import { provisionStatuses, type DraftDiagnostic, type ProvisionStatus } from './model.ts';

/**
 * Tag lines (`@issues: neutrality, non-nuclear`) attach case ids and a status to the title,
 * heading or paragraph written just above them. One tag per line keeps diffs readable.
 */
export const TAG_LINE = /^[ \t]*@([A-Za-z][\w-]*):[ \t]*(.*?)[ \t]*$/d;

export type TagKey = 'id' | 'issues' | 'status' | 'sources' | 'note' | 'reconstruction';
const TAG_KEYS: ReadonlySet<string> = new Set<TagKey>([
  'id',
  'issues',
  'status',
  'sources',
  'note',
  'reconstruction',
]);

export interface TagTarget {
  id?: string;
  issues: string[];
  status?: ProvisionStatus;
  sources: string[];
  note?: string;
  reconstruction?: boolean;
}

export interface TagContext {
  file?: string;
  knownIssues?: ReadonlySet<string>;
  knownSources?: ReadonlySet<string>;
  diagnostics: DraftDiagnostic[];
}

const RECORD_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Applies one tag line to its target, reporting unknown keys, ids and values at their column. */
export function applyTag(
  context: TagContext,
  target: TagTarget,
  scope: 'document' | 'provision',
  rawLine: string,
  line: number,
): void {
  const match = TAG_LINE.exec(rawLine);
  if (!match) return;
  const key = match[1] as string;
  const value = match[2] as string;
  // 1-based columns: the key column points at its "@", the value column at its first character.
  const keyColumn = match.indices?.[1]?.[0] ?? 1;
  const valueColumn = (match.indices?.[2]?.[0] ?? 0) + 1;
  const fail = (code: DraftDiagnostic['code'], column: number, message: string) =>
    context.diagnostics.push({
      file: context.file,
      path: '',
      line,
      column,
      code,
      severity: 'error',
      message,
    });

  if (!TAG_KEYS.has(key)) {
    fail(
      'unknown-tag',
      keyColumn,
      `unknown tag "@${key}" (expected one of ${[...TAG_KEYS].map((k) => '@' + k).join(', ')})`,
    );
    return;
  }
  const documentOnly = key === 'reconstruction';
  const provisionOnly = key === 'id' || key === 'issues' || key === 'status';
  if ((scope === 'document' && provisionOnly) || (scope === 'provision' && documentOnly)) {
    fail(
      'misplaced-tag',
      keyColumn,
      `"@${key}" belongs on ${documentOnly ? 'the title' : 'a heading or paragraph'}`,
    );
    return;
  }
  switch (key as TagKey) {
    case 'id':
      if (!RECORD_ID.test(value))
        fail('bad-tag-value', valueColumn, `"@id" must be a kebab-case id, got "${value}"`);
      else target.id = value;
      return;
    case 'status':
      if ((provisionStatuses as readonly string[]).includes(value)) target.status = value as ProvisionStatus;
      else
        fail(
          'bad-tag-value',
          valueColumn,
          `"@status" must be one of ${provisionStatuses.join(', ')}, got "${value}"`,
        );
      return;
    case 'reconstruction':
      if (value === 'true' || value === 'false') target.reconstruction = value === 'true';
      else fail('bad-tag-value', valueColumn, `"@reconstruction" must be true or false, got "${value}"`);
      return;
    case 'note':
      target.note = target.note ? `${target.note} ${value}` : value;
      return;
    case 'issues':
    case 'sources': {
      const known = key === 'issues' ? context.knownIssues : context.knownSources;
      const list = key === 'issues' ? target.issues : target.sources;
      for (const { id, column } of splitIds(value, valueColumn)) {
        if (!RECORD_ID.test(id)) fail('bad-tag-value', column, `"${id}" is not a kebab-case id`);
        else if (known && !known.has(id)) {
          fail(
            key === 'issues' ? 'unknown-issue' : 'unknown-source',
            column,
            `unknown ${key === 'issues' ? 'issue' : 'source'} id "${id}"`,
          );
        } else list.push(id);
      }
    }
  }
}

function splitIds(value: string, column0: number): { id: string; column: number }[] {
  const ids: { id: string; column: number }[] = [];
  const pattern = /[^,\s]+/g;
  for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
    ids.push({ id: match[0], column: column0 + match.index });
  }
  return ids;
}
