import type { Case } from '@parley/model/case.ts';
import type { Position } from '@parley/model/schema/positions.ts';
import { dayOf, type CaseBargaining, type CaseIssue } from '@parley/core/bargaining/case-model.ts';
import type { ScriptedPosition } from '@parley/core/simulate/tactics/scripted.ts';

/**
 * A party's recorded positions (positions.yaml) as the scripted tactic plays them: each position
 * it proposed or accepted, on an issue the model scores, from its first day, as the model's
 * option — boolean `yes`/`no`, a choice's option, a number's nearest grid value, a set's package
 * with exactly those members. A position the model has no option for is left out.
 */
export function scriptedPositions(
  caseData: Case,
  bargaining: CaseBargaining,
  party: string,
): ScriptedPosition[] {
  return caseData.positions.flatMap((p) => {
    if (p.party !== party || (p.status !== 'proposed' && p.status !== 'accepted')) return [];
    const issue = bargaining.issues.findIndex((i) => i.id === p.issue);
    if (issue < 0) return [];
    const option = optionOf(bargaining, bargaining.issues[issue]!, p);
    return option < 0 ? [] : [{ issue, day: dayOf(p.date), option }];
  });
}

function optionOf(bargaining: CaseBargaining, issue: CaseIssue, p: Position): number {
  const value = p.value;
  if (typeof value === 'boolean') return issue.options.indexOf(value ? 'yes' : 'no');
  if (typeof value === 'string') return issue.options.indexOf(value);
  if (typeof value === 'number' && issue.values) {
    let best = -1;
    issue.values.forEach((v, k) => {
      if (best < 0 || Math.abs(v - value) < Math.abs(issue.values![best]! - value)) best = k;
    });
    return best;
  }
  if (Array.isArray(value)) {
    const wanted = [...value].sort().join(',');
    const packages = bargaining.model.packages[issue.id] ?? [];
    return issue.options.findIndex(
      (id) =>
        packages
          .find((pkg) => pkg.id === id)
          ?.members.slice()
          .sort()
          .join(',') === wanted,
    );
  }
  return -1;
}
