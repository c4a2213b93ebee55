import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic } from '@parley/model/diagnostic.ts';
import { loadCase, type LoadResult } from './load.ts';

export const minimalCaseDir = fileURLToPath(new URL('../fixtures/minimal', import.meta.url));

/** An edit to one file of the minimal fixture: replace `find` (which must occur) with `replace`. */
export interface FixtureEdit {
  file: string;
  find?: string;
  replace?: string;
  /** Replace the whole file (or create it). */
  content?: string;
  remove?: boolean;
}

/** Copies the minimal case, applies edits, loads it; messages are relative to the copy. */
export async function loadEdited(edits: FixtureEdit[]): Promise<LoadResult & { messages: string[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-case-'));
  try {
    cpSync(minimalCaseDir, dir, { recursive: true });
    for (const edit of edits) {
      const file = path.join(dir, edit.file);
      if (edit.remove) rmSync(file);
      else if (edit.content !== undefined) writeFileSync(file, edit.content);
      else {
        const text = readFileSync(file, 'utf8');
        if (!text.includes(edit.find!)) throw new Error(`fixture edit: "${edit.find}" not in ${edit.file}`);
        writeFileSync(file, text.replace(edit.find!, edit.replace ?? ''));
      }
    }
    const result = await loadCase(dir);
    const messages = result.diagnostics.map((d) =>
      formatDiagnostic(d.file === undefined ? d : { ...d, file: path.relative(dir, d.file) || '.' }),
    );
    return { ...result, messages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
