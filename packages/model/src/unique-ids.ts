import type { FieldPath } from './diagnostic.ts';

/**
 * Reports every record whose id repeats an earlier one in the same list, pointing back at the
 * first use, and returns the set of ids.
 */
export function uniqueIds(
  records: ReadonlyArray<{ id: string }>,
  report: (fieldPath: FieldPath, message: string) => void,
  listKey: string,
  kind: string,
): Set<string> {
  const seen = new Map<string, number>();
  records.forEach((r, i) => {
    const first = seen.get(r.id);
    if (first !== undefined)
      report([listKey, i, 'id'], `duplicate ${kind} id "${r.id}" (first used at ${listKey}[${first}])`);
    else seen.set(r.id, i);
  });
  return new Set(seen.keys());
}
