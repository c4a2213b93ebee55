// Test support: the fixture cases, the embedded case and the instrument library, read from disk
// for the tests of the use cases (packages/app), which take cases as values.
import { fileURLToPath } from 'node:url';
import type { Case } from '@parley/model/case.ts';
import { formatDiagnostic } from '@parley/model/diagnostic.ts';
import type { LibraryEntry } from '@parley/app/guarantees/context.ts';
import { loadCase } from './load.ts';
import { readInstrumentLibrary } from './read-instrument-library.ts';

const inRepo = (relative: string) => fileURLToPath(new URL(`../../../${relative}`, import.meta.url));

export const caseDirs = {
  minimal: inRepo('packages/case-files/fixtures/minimal'),
  lakePact: inRepo('packages/case-files/fixtures/lake-pact'),
  embedded: inRepo('cases/istanbul-2022'),
} as const;

export const libraryDir = inRepo('library/instruments');

/** A case that must load without a problem; any problem fails the test that asked for it. */
export async function loadTestCase(name: keyof typeof caseDirs): Promise<Case> {
  const { caseData, diagnostics } = await loadCase(caseDirs[name]);
  if (!caseData || diagnostics.length > 0)
    throw new Error(`test case ${name} does not load:\n${diagnostics.map(formatDiagnostic).join('\n')}`);
  return caseData;
}

/** The shipped instrument library, which must be free of problems. */
export async function testLibrary(): Promise<LibraryEntry[]> {
  const { entries, diagnostics } = await readInstrumentLibrary(libraryDir);
  if (diagnostics.length > 0) throw new Error(diagnostics.map(formatDiagnostic).join('\n'));
  return entries;
}
