import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '@parley/model/diagnostic.ts';
import type { LibraryEntry } from '@parley/app/guarantees/context.ts';
import { displayPath } from './display-path.ts';
import { checkLibrary } from './instrument-library.ts';
import { MAX_YAML_BYTES, readTextFile } from './read-text-file.ts';

/**
 * Reads the reference-instrument library: every `*.yaml` file of `dir`, in name order, checked
 * together. A missing folder is an empty library (a case can be compared on its own). Files are
 * read under the one rule for texts (regular, UTF-8, within the YAML size limit); a file that
 * breaks it is reported and left out.
 */
export async function readInstrumentLibrary(
  dir: string,
): Promise<{ entries: LibraryEntry[]; diagnostics: Diagnostic[] }> {
  const names = existsSync(dir) ? (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort() : [];
  const unread: Diagnostic[] = [];
  const texts: { display: string; text: string }[] = [];
  for (const name of names) {
    const display = displayPath(path.join(dir, name));
    const read = await readTextFile(path.join(dir, name), MAX_YAML_BYTES);
    if (read.ok) texts.push({ display, text: read.text });
    else {
      const { code, message, line, column } = read;
      unread.push({ code, severity: 'error', file: display, line, column, path: '', message });
    }
  }
  const checked = checkLibrary(texts);
  return { entries: checked.entries, diagnostics: [...unread, ...checked.diagnostics] };
}
