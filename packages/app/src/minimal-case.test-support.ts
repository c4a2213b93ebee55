import type { Case } from '@parley/model/case.ts';
import { formatDiagnostic } from '@parley/model/diagnostic.ts';
import { loadCase } from '@parley/case-files/load.ts';
import { minimalCaseDir } from '@parley/case-files/test-support.ts';

/** The minimal fixture case (packages/case-files/fixtures/minimal), loaded and known valid. */
export async function minimalCase(): Promise<Case> {
  const { caseData, diagnostics } = await loadCase(minimalCaseDir);
  if (!caseData || diagnostics.length > 0)
    throw new Error(`the minimal fixture does not load:\n${diagnostics.map(formatDiagnostic).join('\n')}`);
  return caseData;
}
