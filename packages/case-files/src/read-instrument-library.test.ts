import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '@parley/model/diagnostic.ts';
import { libraryDir } from './cases.test-support.ts';
import { readInstrumentLibrary } from './read-instrument-library.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'parley-library-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('readInstrumentLibrary', () => {
  it('reads every YAML file of the folder in name order, shown relative to the working directory', async () => {
    const { entries, diagnostics } = await readInstrumentLibrary(libraryDir);
    expect(diagnostics).toEqual([]);
    expect(entries.map((e) => e.display)).toEqual(
      [
        'budapest-memorandum-1994',
        'cyprus-guarantee-1960',
        'nato-article-5',
        'treaty-of-london-1839',
        'un-security-council',
      ].map((name) => path.relative(process.cwd(), path.join(libraryDir, `${name}.yaml`))),
    );
  });

  it('is empty when the folder does not exist', async () => {
    expect(await readInstrumentLibrary(path.join(scratch, 'nowhere'))).toEqual({
      entries: [],
      diagnostics: [],
    });
  });

  it('reports a broken file at its line and column, and leaves it out', async () => {
    const dir = mkdtempSync(path.join(scratch, 'lib-'));
    writeFileSync(path.join(dir, 'empty.yaml'), 'instruments: []\nsources: []\n');
    writeFileSync(path.join(dir, 'notes.txt'), 'not a library file');
    const { entries, diagnostics } = await readInstrumentLibrary(dir);
    expect(entries).toEqual([]);
    expect(diagnostics.map((d) => formatDiagnostic({ ...d, file: path.basename(d.file ?? '') }))).toEqual([
      'empty.yaml:2:10: sources: a library file must define the sources it cites',
    ]);
  });

  it('reports a file that is not UTF-8 and leaves it out', async () => {
    const dir = mkdtempSync(path.join(scratch, 'lib-'));
    writeFileSync(
      path.join(dir, 'latin.yaml'),
      Buffer.from('instruments: []\n# F\xe9d\xe9ration\n', 'latin1'),
    );
    const { entries, diagnostics } = await readInstrumentLibrary(dir);
    expect(entries).toEqual([]);
    expect(diagnostics.map((d) => formatDiagnostic({ ...d, file: path.basename(d.file ?? '') }))).toEqual([
      'latin.yaml:2:4: not UTF-8 (byte 0xE9 is not UTF-8; Latin-1 or Windows-1252?): save it as UTF-8',
    ]);
  });
});
