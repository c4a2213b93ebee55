import type { Case } from '@parley/model/case.ts';
import {
  adjustedWinnerReport,
  type AdjustedWinnerReport,
} from '@parley/core/bargaining/case-adjusted-winner.ts';
import { prepare } from '@parley/core/bargaining/case-report.ts';
import type { AdjustedWinnerInput } from './input.ts';
import { modelInputFor } from './model-input.ts';

/** Adjusted Winner (Brams–Taylor) between the two parties, with points from the model's weights. */
export function adjustedWinner(
  caseData: Case,
  input: AdjustedWinnerInput,
  caseName: string,
): AdjustedWinnerReport {
  return adjustedWinnerReport(prepare(modelInputFor(caseData, input.scenario, caseName)));
}
