import { ParleyError } from '@parley/model/errors.ts';
import { formatDiagnostics } from '@parley/model/diagnostic.ts';
import type { LibraryEntry } from '@parley/app/guarantees/context.ts';
import { readInstrumentLibrary } from '@parley/case-files/read-instrument-library.ts';

/** Reads the reference-instrument library; any problem becomes an invalid-input error listing each. */
export async function loadLibraryForCli(dir: string): Promise<LibraryEntry[]> {
  const { entries, diagnostics } = await readInstrumentLibrary(dir);
  if (diagnostics.length > 0) {
    const lines = formatDiagnostics(diagnostics);
    const count = diagnostics.length;
    throw new ParleyError(
      'invalid-input',
      `${lines.join('\n')}\n${count} problem${count === 1 ? '' : 's'} in the instrument library`,
      diagnostics,
    );
  }
  return entries;
}
