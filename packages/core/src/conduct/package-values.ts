import { formatPath, type Diagnostic, type FieldPath } from '@parley/model/diagnostic.ts';
import { checkPositionValue } from '@parley/model/position-value.ts';
import type { PackageValue } from '@parley/model/schema/conduct.ts';
import type { Issue } from '@parley/model/schema/issues.ts';
import type { Position } from '@parley/model/schema/positions.ts';

/**
 * The problems of a package's values against the agenda the proposer sees, each at its field
 * (`values[1].value`): an issue the agenda does not hold (hidden issues are unknown, as missing
 * ones are), an issue named twice, a value that does not fit its issue's kind, options, members
 * or unit — the same rule as a position's value.
 */
export function packageProblems(
  values: readonly PackageValue[],
  agenda: readonly Issue[],
  at: FieldPath = ['values'],
): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const byId = new Map(agenda.map((i) => [i.id, i]));
  const seen = new Set<string>();
  values.forEach((v, i) => {
    const complain = (field: (string | number)[], message: string, code = 'invalid-value') =>
      problems.push({ code, severity: 'error', path: formatPath([...at, i, ...field]), message });
    const issue = byId.get(v.issue);
    if (!issue) return complain(['issue'], `unknown issue "${v.issue}"`, 'unknown-reference');
    if (seen.has(v.issue)) return complain(['issue'], `issue "${v.issue}" is given twice`, 'duplicate-id');
    seen.add(v.issue);
    // A package's value is a position's value: one rule for both.
    checkPositionValue(
      { value: v.value, ...(v.unit !== undefined ? { unit: v.unit } : {}) } as Position,
      issue,
      complain,
    );
    if (issue.kind === 'set' && Array.isArray(v.value) && new Set(v.value).size !== v.value.length)
      complain(['value'], `a member is named twice in the set of issue "${issue.id}"`);
  });
  return problems;
}
