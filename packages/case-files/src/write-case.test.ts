import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Case } from '@parley/model/case.ts';
import { isParleyError } from '@parley/model/errors.ts';
import { validateCase } from '@parley/app/validate/validate-case.ts';
import { caseFolderFiles } from './case-folder-files.ts';
import { largeCase } from './large-case.test-support.ts';
import { loadCase } from './load.ts';
import { caseDirs, loadTestCase } from './cases.test-support.ts';
import { writeCaseFolder } from './write-case.ts';

const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-write-'));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Every file under `dir` (relative paths, sorted) with its bytes. */
function folderBytes(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
  return new Map(files.map((file) => [file, readFileSync(path.join(dir, file))]));
}

/** Writes, loads back (equal, no diagnostics), writes the loaded case again (same bytes). */
async function roundTrip(caseData: Case): Promise<Map<string, Buffer>> {
  const first = path.join(tempDir(), 'case');
  const written = await writeCaseFolder(caseData, first);
  const loaded = await loadCase(first);
  expect(loaded.diagnostics).toEqual([]);
  expect(loaded.caseData).toEqual(caseData);
  const second = path.join(tempDir(), 'case');
  expect(await writeCaseFolder(loaded.caseData!, second)).toEqual(written);
  const bytes = folderBytes(first);
  expect([...bytes.keys()]).toEqual([...written].sort());
  const again = folderBytes(second);
  expect([...again.keys()]).toEqual([...bytes.keys()]);
  // Buffer.equals: toEqual walks a buffer byte by byte, seconds for a large case.
  for (const [file, content] of bytes) expect(content.equals(again.get(file)!), file).toBe(true);
  return bytes;
}

const fixturesDir = fileURLToPath(new URL('../fixtures', import.meta.url));
const fixtures = readdirSync(fixturesDir).sort();

describe('writeCaseFolder round trip', () => {
  it('covers the four fixtures', () => {
    expect(fixtures).toEqual(['lake-pact', 'minimal', 'minimal-v1', 'river-deals']);
  });

  it.each(fixtures)(
    'fixture %s: load, write, load gives the same case; writing again the same bytes',
    async (name) => {
      const { caseData, diagnostics } = await loadCase(path.join(fixturesDir, name));
      expect(diagnostics).toEqual([]);
      await roundTrip(caseData!);
    },
  );

  it('the embedded case istanbul-2022, with every file and its five draft texts', async () => {
    const bytes = await roundTrip(await loadTestCase('embedded'));
    expect([...bytes.keys()]).toEqual(
      [
        ...readdirSync(caseDirs.embedded),
        ...readdirSync(path.join(caseDirs.embedded, 'drafts')).map((f) => `drafts/${f}`),
      ]
        .filter((f) => f !== 'drafts')
        .sort(),
    );
  });
});

describe('a large generated case', () => {
  const size = { positions: 3000, claims: 3000 };

  it('is valid and holds every kind of record', () => {
    const c = largeCase(7, size);
    expect(validateCase(c)).toEqual([]);
    expect([c.positions.length, c.claims.length, c.propositions.length]).toEqual([3000, 3000, 300]);
    expect(new Set(c.issues.map((i) => i.kind))).toEqual(
      new Set(['boolean', 'choice', 'number', 'set', 'text']),
    );
    expect(new Set(c.roles.map((x) => x.role)).size).toBe(9);
    expect(c.drafts.flatMap((d) => d.versions).length).toBe(Object.keys(c.draftTexts).length);
    expect(Object.keys(c.draftTexts)).toHaveLength(9);
    expect(c.guarantees?.instruments).toHaveLength(2);
    expect(c.model?.stakeholders).toHaveLength(6);
    expect(Object.keys(c.model?.grids ?? {})).toEqual(['troop-ceiling', 'buffer-width']);
    expect(Object.keys(c.model?.packages ?? {})).toEqual(['guarantors', 'aid-forms']);
    expect(c.model?.scenarios).toHaveLength(2);
  });

  it('is the same case for the same seed, another for another seed', () => {
    const small = { positions: 50, claims: 50 };
    expect(largeCase(3, small)).toEqual(largeCase(3, small));
    expect(largeCase(4, small)).not.toEqual(largeCase(3, small));
  });

  it('round-trips: write, load, same case; write again, same bytes', async () => {
    const bytes = await roundTrip(largeCase(7, size));
    expect(bytes.size).toBe(12 + 9);
    expect(bytes.get('case.yaml')?.toString()).toMatch(/^formatVersion: 2\nid: large-case-7\n/);
  }, 20_000);
});

describe('caseFolderFiles', () => {
  it('leaves out files whose lists are all empty, keeps claims.yaml with one empty list', () => {
    const c = largeCase(1, { positions: 0, claims: 0 });
    const files = caseFolderFiles({ ...c, propositions: [], rounds: [], guarantees: undefined });
    expect(files.map((f) => f.path).filter((f) => f.endsWith('.yaml'))).toEqual([
      'case.yaml',
      'actors.yaml',
      'roles.yaml',
      'events.yaml',
      'sources.yaml',
      'issues.yaml',
      'drafts.yaml',
      'model.yaml',
    ]);
    const withOneList = caseFolderFiles({ ...c, claims: [] }).find((f) => f.path === 'claims.yaml');
    expect(withOneList?.text).toMatch(/^propositions:\n {2}- id: proposition-1\n[^]*\nclaims: \[\]\n$/);
  });

  it('writes lists of ids on one line and no anchors for repeated objects', () => {
    const c = largeCase(1, { positions: 0, claims: 0 });
    const shared = ['report'];
    const sources = [
      { id: 'report', title: 'A report', kind: 'analysis' as const, reliability: 'high' as const },
    ];
    const actors = [
      { id: 'a', kind: 'state' as const, name: 'A', sources: shared },
      { id: 'b', kind: 'state' as const, name: 'B', sources: shared },
    ];
    const text = caseFolderFiles({ ...c, actors, sources }).find((f) => f.path === 'actors.yaml')?.text;
    expect(text).toBe(
      'actors:\n  - id: a\n    kind: state\n    name: A\n    sources: [report]\n  - id: b\n    kind: state\n    name: B\n    sources: [report]\n',
    );
  });

  it('refuses a version without its text and a text without its version', () => {
    const c = largeCase(1, { positions: 0, claims: 0 });
    const { 'accord@v1': _dropped, ...rest } = c.draftTexts;
    expect(() => caseFolderFiles({ ...c, draftTexts: rest })).toThrow(
      'no text for draft version "accord@v1" (drafts/accord/v1.txt)',
    );
    expect(() => caseFolderFiles({ ...c, draftTexts: { ...c.draftTexts, 'accord@v9': 'x' } })).toThrow(
      'a text for "accord@v9", which is no draft version of the case',
    );
  });
});

describe('writeCaseFolder refuses', () => {
  const minimal = () => loadTestCase('minimal');

  it('a folder that holds anything, and leaves it as it was', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    const error = await writeCaseFolder(await minimal(), dir).catch((e: unknown) => e);
    expect(isParleyError(error, 'usage')).toBe(true);
    expect((error as Error).message).toBe(
      `${dir} is not empty; a case is written only into a new or empty folder and never overwrites`,
    );
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('writes into an existing empty folder', async () => {
    const dir = tempDir();
    expect(await writeCaseFolder(await minimal(), dir)).toContain('case.yaml');
  });

  it.each([
    ['../x.txt', 'outside the case folder'],
    ['drafts/../../x.txt', 'outside the case folder'],
    ['..\\x.txt', 'outside the case folder'],
    ['/tmp/x.txt', 'an absolute path'],
    ['C:\\x.txt', 'an absolute path'],
  ])('a draft text at %s (cannot-write), and writes nothing at all', async (text, why) => {
    const c = await minimal();
    c.drafts[0]!.versions[0]!.text = text;
    const parent = tempDir();
    const dir = path.join(parent, 'case');
    const error = await writeCaseFolder(c, dir).catch((e: unknown) => e);
    expect(isParleyError(error, 'cannot-write')).toBe(true);
    expect((error as Error).message).toBe(
      `the text of draft version "accord@v1" is at "${text}", ${why}; a case writes only inside its own folder`,
    );
    expect(readdirSync(parent)).toEqual([]);
    expect(existsSync(path.join(path.dirname(parent), 'x.txt'))).toBe(false);
  });

  it('two versions naming one file with different texts; the same text is written once', async () => {
    const c = await minimal();
    c.drafts[0]!.versions[1]!.text = './drafts/v1.txt';
    await expect(writeCaseFolder(c, path.join(tempDir(), 'case'))).rejects.toThrow(
      'draft versions "accord@v1" and "accord@v2" both name drafts/v1.txt but their texts differ',
    );
    c.draftTexts['accord@v2'] = c.draftTexts['accord@v1']!;
    const dir = path.join(tempDir(), 'case');
    expect((await writeCaseFolder(c, dir)).filter((f) => f.endsWith('.txt'))).toEqual(['drafts/v1.txt']);
    const loaded = await loadCase(dir);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.caseData).toEqual(c);
  });

  it('a target that cannot be written (a file in the way of the drafts folder), as cannot-write', async () => {
    const c = await minimal();
    c.drafts[0]!.versions[0]!.text = 'case.yaml/v1.txt';
    const dir = path.join(tempDir(), 'case');
    const error = await writeCaseFolder(c, dir).catch((e: unknown) => e);
    expect(isParleyError(error, 'cannot-write')).toBe(true);
    expect((error as Error).message).toBe(
      `cannot write ${path.join(dir, 'case.yaml/v1.txt')} (a file is in the way)`,
    );
  });
});
