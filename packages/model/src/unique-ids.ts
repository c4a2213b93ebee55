import type { FieldPath, Reporter } from './diagnostic.ts';

/**
 * Reports every record whose id repeats an earlier one in the same list, pointing back at the
 * first use, and returns the set of ids. `shownAs` names the list in messages when its field
 * name differs (a case's `drafts` are the `documents` of drafts.yaml).
 */
export function uniqueIds(
  records: ReadonlyArray<{ id: string }>,
  report: Reporter,
  listKey: string,
  kind: string,
  shownAs: string = listKey,
): Set<string> {
  const seen = new Map<string, number>();
  records.forEach((r, i) => {
    const first = seen.get(r.id);
    const at: FieldPath = [listKey, i, 'id'];
    if (first !== undefined)
      report(at, `duplicate ${kind} id "${r.id}" (first used at ${shownAs}[${first}])`, 'duplicate-id');
    else seen.set(r.id, i);
  });
  return new Set(seen.keys());
}
