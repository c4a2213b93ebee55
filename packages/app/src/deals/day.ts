import type { Case } from '@parley/model/case.ts';
import { dealsReport, type DealsReport } from '@parley/core/bargaining/case-report.ts';
import { asOfDay } from '../inputs/fields.ts';
import type { DayInput } from './input.ts';
import { dayToAnalyse, modelInputFor } from './model-input.ts';

/** Is there a deal on one day: reservation values, agreement set, Pareto frontier, fair points, ZOPA. */
export function dealsOnDay(caseData: Case, input: DayInput, caseName: string): DealsReport {
  const model = modelInputFor(caseData, input.scenario, caseName);
  const at = dayToAnalyse(model, input.at);
  return { ...dealsReport(model, asOfDay(at)), at };
}
