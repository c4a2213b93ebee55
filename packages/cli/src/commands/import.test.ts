import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteFolder } from '@parley/store/test-databases.test-support.ts';
import { runCli } from '../test-cli.ts';

const fixture = 'packages/case-files/fixtures/minimal';
const root = mkdtempSync(path.join(tmpdir(), 'parley-import-cli-'));
// One embedded database for the file, new and not yet migrated: a copy of a template, since a
// database made from nothing costs an initdb of several seconds.
let data: string;
beforeAll(async () => {
  data = await pgliteFolder({ migrated: false });
}, 60_000);
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  if (data) rmSync(data, { recursive: true, force: true });
});

describe('parley import, cases, export-case, db migrate', () => {
  it('creates the database, brings its schema up to date and then finds nothing to do', async () => {
    expect(await runCli(['db', 'migrate', '--data', data])).toEqual({
      code: 0,
      err: '',
      out: 'applied 6 migration(s):\n  0001-cases-and-records\n  0002-accounts\n  0003-audit-log\n  0004-signing-keys-and-initials\n  0005-checkpoints\n  0006-write-notices',
    });
    expect(await runCli(['db', 'migrate', '--data', data])).toEqual({
      code: 0,
      err: '',
      out: 'the schema is up to date',
    });
    expect(await runCli(['cases', '--data', data])).toEqual({ code: 0, err: '', out: '' });
  });

  it('imports a case folder, lists it and exports it as the same case', async () => {
    expect(await runCli(['import', fixture, '--data', data])).toEqual({
      code: 0,
      err: '',
      out: `${fixture}: imported case river-accord`,
    });
    expect(await runCli(['cases', '--data', data])).toEqual({ code: 0, err: '', out: 'river-accord' });

    const out = path.join(root, 'exported');
    expect(await runCli(['export-case', 'river-accord', out, '--data', data])).toEqual({
      code: 0,
      err: '',
      out: `${out}: wrote case river-accord as 12 files`,
    });
    expect(readdirSync(out).sort()).toEqual(readdirSync(fixture).sort());
    const texts = (dir: string) =>
      ['v1.txt', 'v2.txt'].map((f) => readFileSync(path.join(dir, 'drafts', f), 'utf8'));
    expect(texts(out)).toEqual(texts(fixture));
    const validate = await runCli(['validate', out]);
    expect(validate.code).toBe(0);
    expect(validate.out).toBe(
      `${out}: valid — 4 actors, 2 rounds, 1 event, 4 issues, 8 positions, 5 claims, 2 sources, 2 draft versions`,
    );
    expect(validate.out.replace(out, fixture)).toBe((await runCli(['validate', fixture])).out);
  });

  it('imports nothing of a case with a problem and reports it as validate does', async () => {
    const broken = path.join(root, 'broken');
    cpSync(fixture, broken, { recursive: true });
    const caseYaml = path.join(broken, 'case.yaml');
    writeFileSync(caseYaml, readFileSync(caseYaml, 'utf8').replace('id: river-accord', 'id: broken-accord'));
    const positions = path.join(broken, 'positions.yaml');
    writeFileSync(positions, readFileSync(positions, 'utf8').replace('issue: monitor', 'issue: monitoring'));
    const validate = await runCli(['validate', broken]);
    const imported = await runCli(['import', broken, '--data', data]);
    expect(imported).toEqual({ code: 1, out: '', err: validate.err });
    expect(imported.err.split('\n').at(-1)).toBe(`1 problem in case ${broken}`);
    expect((await runCli(['cases', '--data', data])).out).toBe('river-accord');
  });

  it('refuses a case id already stored, and keeps the stored case', async () => {
    const again = await runCli(['import', fixture, '--data', data]);
    expect(again).toEqual({
      code: 1,
      out: '',
      err: 'a case "river-accord" is already stored; nothing was imported',
    });
    expect((await runCli(['cases', '--data', data])).out).toBe('river-accord');
  });

  it('names a case that is not stored, and a folder that is in the way', async () => {
    const missing = await runCli(['export-case', 'no-such-case', path.join(root, 'none'), '--data', data]);
    expect(missing.code).toBe(2);
    expect(missing.err.split('\n')[0]).toBe('parley: no case "no-such-case" is stored');
    expect(existsSync(path.join(root, 'none'))).toBe(false);
    const taken = await runCli(['export-case', 'river-accord', path.join(root, 'exported'), '--data', data]);
    expect(taken.code).toBe(2);
    expect(taken.err.split('\n')[0]).toBe(
      `parley: ${path.join(root, 'exported')} is not empty; a case is written only into a new or empty folder and never overwrites`,
    );
  });
});
