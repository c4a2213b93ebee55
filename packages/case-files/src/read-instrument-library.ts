import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '@parley/model/diagnostic.ts';
import type { LibraryEntry } from '@parley/app/guarantees/context.ts';
import { displayPath } from './display-path.ts';
import { checkLibrary } from './instrument-library.ts';

/**
 * Reads the reference-instrument library: every `*.yaml` file of `dir`, in name order, checked
 * together. A missing folder is an empty library (a case can be compared on its own).
 */
export async function readInstrumentLibrary(
  dir: string,
): Promise<{ entries: LibraryEntry[]; diagnostics: Diagnostic[] }> {
  const names = existsSync(dir) ? (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort() : [];
  const texts = await Promise.all(
    names.map(async (name) => ({
      display: displayPath(path.join(dir, name)),
      text: await readFile(path.join(dir, name), 'utf8'),
    })),
  );
  return checkLibrary(texts);
}
