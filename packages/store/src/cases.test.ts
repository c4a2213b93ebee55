import { describe, expect, it } from 'vitest';
import type { Case } from '@parley/model/case.ts';
import { caseFolderFiles } from '@parley/case-files/case-folder-files.ts';
import { loadTestCase } from '@parley/case-files/cases.test-support.ts';
import { largeCase } from '@parley/case-files/large-case.test-support.ts';
import { deleteCase, exportCase, importCase, listCaseIds } from './cases.ts';
import type { Database } from './database.ts';
import { engines, useTestDatabase } from './test-databases.test-support.ts';
import { errorOf } from './parley-error.test-support.ts';

/** The case under another id: tests share a database, each with case ids of its own. */
const withId = (c: Case, id: string): Case => ({ ...c, meta: { ...c.meta, id } });

/** Export, import what was exported in place of the case, export again: the files of both. */
async function exportImportExport(database: Database, c: Case) {
  await importCase(database, c);
  const first = await exportCase(database, c.meta.id);
  await deleteCase(database, c.meta.id);
  await importCase(database, first);
  const second = await exportCase(database, c.meta.id);
  return { first, files: caseFolderFiles(first), again: caseFolderFiles(second) };
}

describe.each(engines)('stored cases on $name', (engine) => {
  const database = useTestDatabase(engine);

  it('gives back the embedded case exactly as it was imported', async () => {
    const istanbul = await loadTestCase('embedded');
    expect(await importCase(database(), istanbul)).toBe('istanbul-2022');
    expect(await exportCase(database(), 'istanbul-2022')).toEqual(istanbul);
  });

  it('exports, imports and exports the embedded case to the same bytes', async () => {
    const c = withId(await loadTestCase('embedded'), 'istanbul-again');
    const { files, again } = await exportImportExport(database(), c);
    expect(files.map((f) => f.path)).toEqual(caseFolderFiles(c).map((f) => f.path));
    expect(files.length).toBe(17);
    expect(again).toEqual(files);
    expect(files).toEqual(caseFolderFiles(c));
  });

  it('exports, imports and exports a case of 3000 positions and 3000 claims to the same bytes', async () => {
    const big = withId(largeCase(12, { positions: 3000, claims: 3000 }), 'large-case');
    const { first, files, again } = await exportImportExport(database(), big);
    expect(first.positions.length).toBe(3000);
    expect(first.claims.length).toBe(3000);
    expect(first).toEqual(big);
    expect(again).toEqual(files);
  });

  it('imports nothing of an invalid case', async () => {
    const minimal = await loadTestCase('minimal');
    const broken = withId(
      {
        ...minimal,
        positions: [...minimal.positions, { ...minimal.positions[0]!, id: 'stray', issue: 'no-such-issue' }],
      },
      'broken-case',
    );
    const error = await errorOf(importCase(database(), broken));
    expect(error.code).toBe('invalid-case');
    expect(error.message).toBe('the case has 1 problem(s); nothing was imported');
    expect(error.diagnostics.map((d) => [d.path, d.message])).toEqual([
      ['positions[8].issue', 'unknown issue "no-such-issue"'],
    ]);
    expect(await listCaseIds(database())).not.toContain('broken-case');
    const rows = await database()
      .db.selectFrom('case_records')
      .select('record_id')
      .where('case_id', '=', 'broken-case')
      .execute();
    expect(rows).toEqual([]);
  });

  it('refuses a case id already stored and keeps the stored case', async () => {
    const minimal = withId(await loadTestCase('minimal'), 'twice');
    await importCase(database(), minimal);
    const other = {
      ...minimal,
      meta: { ...minimal.meta, title: 'Another case under the same id' },
      positions: [],
    };
    const error = await errorOf(importCase(database(), other));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('a case "twice" is already stored; nothing was imported');
    expect(await exportCase(database(), 'twice')).toEqual(minimal);
  });

  it('lists the stored cases and refuses to export one that is not stored', async () => {
    const minimal = await loadTestCase('minimal');
    await importCase(database(), withId(minimal, 'listed-b'));
    await importCase(database(), withId(minimal, 'listed-a'));
    expect((await listCaseIds(database())).filter((id) => id.startsWith('listed-'))).toEqual([
      'listed-a',
      'listed-b',
    ]);
    const error = await errorOf(exportCase(database(), 'no-such-case'));
    expect([error.code, error.message]).toEqual(['not-found', 'no case "no-such-case" is stored']);
  });
});
