import type { Case } from '@parley/model/case.ts';
import { windowReport, type WindowReport } from '@parley/core/bargaining/case-report.ts';
import type { WindowInput } from './input.ts';
import { modelInputFor } from './model-input.ts';

/** The days on which some package satisfies every required signatory, and by what margin. */
export function dealWindow(caseData: Case, input: WindowInput, caseName: string): WindowReport {
  const { from, to } = input;
  return windowReport(modelInputFor(caseData, input.scenario, caseName), { from, to });
}
