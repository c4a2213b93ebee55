import type { Case } from '@parley/model/case.ts';
import { ParleyError } from '@parley/model/errors.ts';
import { listAssumptions } from '@parley/core/bargaining/assumptions.ts';
import { prepare } from '@parley/core/bargaining/case-report.ts';
import { sensitivity, type SensitivityResult } from '@parley/core/bargaining/sensitivity.ts';
import { asOfDay } from '../inputs/fields.ts';
import type { SensitivityInput } from './input.ts';
import { modelInputFor } from './model-input.ts';

/** The smallest change of one assumption that opens or closes the deal window. */
export function assumptionSensitivity(
  caseData: Case,
  input: SensitivityInput,
  caseName: string,
): SensitivityResult {
  const modelInput = modelInputFor(caseData, input.scenario, caseName);
  const model = prepare(modelInput).model;
  if (!listAssumptions(model).some((a) => a.path === input.assumption))
    throw new ParleyError(
      'unknown-id',
      `no assumption "${input.assumption}" in the model (run 'parley deals assumptions ${caseName}' to list them)`,
    );
  return sensitivity(modelInput.agenda, model, input.assumption, input.at && asOfDay(input.at));
}
