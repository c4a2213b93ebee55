import { ParleyError } from '@parley/model/errors.ts';
import type { Case } from '@parley/model/case.ts';
import { formatDiagnostics } from '@parley/model/diagnostic.ts';
import { loadCase } from '@parley/case-files/load.ts';

/** Loads a case for a command; any problem becomes an invalid-case error listing every diagnostic. */
export async function loadCaseForCli(dir: string): Promise<Case> {
  const { caseData, diagnostics } = await loadCase(dir);
  if (diagnostics.length > 0 || !caseData) {
    const lines = formatDiagnostics(diagnostics);
    const count = diagnostics.length;
    throw new ParleyError(
      diagnostics.some((d) => d.code === 'not-a-case-folder') ? 'not-found' : 'invalid-case',
      `${lines.join('\n')}\n${count} problem${count === 1 ? '' : 's'} in case ${dir}`,
      diagnostics,
    );
  }
  return caseData;
}
