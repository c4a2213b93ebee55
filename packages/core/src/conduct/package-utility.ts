import type { AnalystModel, StakeholderModel } from '@parley/model/schema/analyst-model.ts';
import type { PackageValue } from '@parley/model/schema/conduct.ts';
import type { Issue } from '@parley/model/schema/issues.ts';
import { optionScore, type CaseIssue } from '../bargaining/case-model.ts';

/** The option id a package's set value is scored as: the model's packages know no ad-hoc set. */
const PROPOSED_SET = '@proposed';

/**
 * A package's utility for one stakeholder, as the bargaining engine scores an outcome (docs/deals.md):
 * Σ weight × score / Σ weight over the issues it values. An issue it values that the package
 * leaves open scores 0 (the package gives it nothing there) and is named in `open`; a number
 * value is scored on the curve (interpolated), a set value by the sum of its members' worth.
 */
export function packageUtility(
  stakeholder: StakeholderModel,
  values: readonly PackageValue[],
  agenda: readonly Issue[],
  model: AnalystModel,
): { utility: number; open: string[] } {
  const total = Object.values(stakeholder.issues).reduce((sum, v) => sum + v.weight.value, 0);
  const open: string[] = [];
  let utility = 0;
  for (const [issueId, valuation] of Object.entries(stakeholder.issues)) {
    const given = values.find((v) => v.issue === issueId);
    const issue = agenda.find((i) => i.id === issueId);
    if (!given || !issue || total === 0) {
      open.push(issueId);
      continue;
    }
    const scored = asOption(issue, given.value, model);
    utility += (valuation.weight.value / total) * optionScore(valuation, scored.issue, 0, scored.model);
  }
  return { utility, open };
}

/** The given value as the one option of its issue, the form the engine scores. */
function asOption(
  issue: Issue,
  value: PackageValue['value'],
  model: AnalystModel,
): { issue: CaseIssue; model: AnalystModel } {
  const base = { id: issue.id, title: issue.title, kind: issue.kind, labels: [String(value)] };
  if (issue.kind === 'number')
    return { issue: { ...base, options: [String(value)], values: [value as number] }, model };
  if (issue.kind === 'boolean') return { issue: { ...base, options: [value ? 'yes' : 'no'] }, model };
  if (issue.kind === 'set') {
    // A set the model lists as a package is scored as that package (scores or members).
    const members = new Set(value as string[]);
    const listed = (model.packages[issue.id] ?? []).find(
      (p) => p.members.length === members.size && p.members.every((m) => members.has(m)),
    );
    if (listed) return { issue: { ...base, options: [listed.id] }, model };
    return {
      issue: { ...base, options: [PROPOSED_SET] },
      model: {
        ...model,
        packages: {
          ...model.packages,
          [issue.id]: [{ id: PROPOSED_SET, label: 'proposed', members: value as string[] }],
        },
      },
    };
  }
  return { issue: { ...base, options: [String(value)] }, model };
}
