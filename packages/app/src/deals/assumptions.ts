import type { Case } from '@parley/model/case.ts';
import { listAssumptions, type NamedAssumption } from '@parley/core/bargaining/assumptions.ts';
import { modelInputFor } from './model-input.ts';

/** A named assumption as JSON carries it: an unbounded range ends in null. */
export type AssumptionEntry = Omit<NamedAssumption, 'max'> & { max: number | null };

/** Every named assumption of the case's model, with its value, range and rationale. */
export function modelAssumptions(caseData: Case, caseName: string): AssumptionEntry[] {
  return listAssumptions(modelInputFor(caseData, undefined, caseName).model).map((a) => ({
    ...a,
    max: Number.isFinite(a.max) ? a.max : null,
  }));
}
