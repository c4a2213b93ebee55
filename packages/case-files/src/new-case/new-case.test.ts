import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { currentFormatVersion } from '@parley/model/format/migrations.ts';
import { caseFileSchemas } from '@parley/model/schema/case-files.ts';
import { isParleyError } from '@parley/model/errors.ts';
import { loadCase } from '../load.ts';
import { newCaseTemplate } from './template.ts';
import { writeNewCase } from './write-new-case.ts';

const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-init-'));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the new-case template', () => {
  it('has every case file kind and two draft texts', () => {
    expect(newCaseTemplate.map((f) => f.path).sort()).toEqual(
      [...Object.keys(caseFileSchemas), 'drafts/v1.txt', 'drafts/v2.txt'].sort(),
    );
  });

  it('loads without a single diagnostic, with bracketed party wording in the second version', async () => {
    const dir = path.join(tempDir(), 'tessel');
    expect(await writeNewCase(dir)).toEqual(newCaseTemplate.map((f) => f.path));
    const { caseData, diagnostics } = await loadCase(dir);
    expect(diagnostics).toEqual([]);
    expect(caseData?.meta.id).toBe('tessel-valley-talks');
    // A new case is written in the current format: bump the template with the format.
    expect(newCaseTemplate[0]?.text).toContain(`\nformatVersion: ${currentFormatVersion}\n`);
    expect(caseData?.model?.stakeholders.map((s) => [s.actor, s.role])).toEqual([
      ['aldria', 'party'],
      ['borvia', 'party'],
      ['castria', 'guarantor'],
    ]);
    expect(caseData?.issues.map((i) => i.kind)).toEqual(['boolean', 'choice', 'number', 'set']);
    expect(caseData?.draftTexts['valley-accord@v2']).toContain('{aldria: 2000 | borvia: 1000}');
    expect(caseData?.guarantees?.instruments.map((i) => i.id)).toEqual(['accord-guarantee-v2']);
  });

  it('writes into an existing empty folder', async () => {
    const dir = tempDir();
    await writeNewCase(dir);
    expect(readdirSync(dir)).toContain('case.yaml');
  });
});

describe('writeNewCase refuses to overwrite', () => {
  it('refuses a folder that holds anything, and leaves it as it was', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    const error = await writeNewCase(dir).catch((e: unknown) => e);
    expect(isParleyError(error, 'usage')).toBe(true);
    expect((error as Error).message).toBe(
      `${dir} is not empty; parley init writes a new case only into a new or empty folder and never overwrites`,
    );
    expect(readdirSync(dir)).toEqual(['notes.txt']);
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('refuses a path that is a file', async () => {
    const file = path.join(tempDir(), 'case.yaml');
    writeFileSync(file, 'x');
    await expect(writeNewCase(file)).rejects.toThrow(`${file} exists and is not a folder`);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('refuses a folder holding only an empty sub-folder', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'drafts'));
    await expect(writeNewCase(dir)).rejects.toThrow('is not empty');
  });
});
