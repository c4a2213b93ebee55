import type { Case } from '@parley/model/case.ts';
import { windowReport, type WindowReport } from '@parley/core/bargaining/case-report.ts';
import type { WindowInput } from './input.ts';
import { modelInputFor } from './model-input.ts';

/** A scenario of the model as reports name it. */
export interface ScenarioSummary {
  id: string;
  title: string;
  sources: string[];
}

/** The deal window, with the title of the scenario applied and the scenarios one could apply instead. */
export interface DealWindowReport extends WindowReport {
  /** The applied scenario's title; null for the baseline. */
  scenarioTitle: string | null;
  /** Every scenario of the model: the window depends on which one (or the baseline) is adopted. */
  scenarios: ScenarioSummary[];
}

export function scenarioSummaries(caseData: Case): ScenarioSummary[] {
  return (caseData.model?.scenarios ?? []).map((s) => ({
    id: s.id,
    title: s.title,
    sources: s.sources ?? [],
  }));
}

/** The days on which some package satisfies every required signatory, and by what margin. */
export function dealWindow(caseData: Case, input: WindowInput, caseName: string): DealWindowReport {
  const { from, to } = input;
  const report = windowReport(modelInputFor(caseData, input.scenario, caseName), { from, to });
  const scenarios = scenarioSummaries(caseData);
  return {
    ...report,
    scenarioTitle: scenarios.find((s) => s.id === input.scenario)?.title ?? null,
    scenarios,
  };
}
