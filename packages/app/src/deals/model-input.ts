import type { Case } from '@parley/model/case.ts';
import { ParleyError } from '@parley/model/errors.ts';
import { changeDays, dayOf } from '@parley/core/bargaining/case-model.ts';
import type { CaseModelInput } from '@parley/core/bargaining/case-report.ts';

/** The bargaining input of a case: its agenda and the analyst's model, and the day it is "as of". */
export type ModelInput = CaseModelInput & { asOf?: string };

/**
 * The bargaining input of a case with a scenario of its model applied. `caseName` names the case
 * in the message when it has no model (the CLI: the folder it was given).
 */
export function modelInputFor(caseData: Case, scenario: string | undefined, caseName: string): ModelInput {
  const model = caseData.model;
  if (!model)
    throw new ParleyError(
      'invalid-input',
      `${caseName}: the case has no model.yaml, the analyst's preference model that 'parley deals' needs`,
    );
  if (scenario !== undefined && !model.scenarios.some((s) => s.id === scenario)) {
    const known = model.scenarios.map((s) => s.id).join(', ') || 'none';
    throw new ParleyError('unknown-id', `unknown scenario "${scenario}" (the model defines: ${known})`);
  }
  return {
    caseId: caseData.meta.id,
    agenda: caseData.issues,
    model,
    scenario,
    roundDays: caseData.rounds.map((r) => dayOf(r.date)).sort(),
    ...(caseData.meta.asOf ? { asOf: caseData.meta.asOf } : {}),
  };
}

/** The day to analyse when none is given: the case's `asOf`, else the model's last change. */
export function dayToAnalyse(input: ModelInput, at: string | undefined): string {
  return at ?? input.asOf ?? changeDays(input.model).at(-1)!.day;
}
