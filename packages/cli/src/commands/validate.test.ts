import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../test-cli.ts';

const minimal = fileURLToPath(new URL('../../../case-files/fixtures/minimal', import.meta.url));

describe('validate on hostile draft texts', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'parley-validate-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** A copy of the minimal case whose v2 text is `text` (its tag line makes it a Parley text). */
  const caseWith = (name: string, text: string) => {
    const dir = path.join(root, name);
    cpSync(minimal, dir, { recursive: true });
    writeFileSync(path.join(dir, 'drafts/v2.txt'), text);
    return dir;
  };

  it('caps repeated diagnostics of one kind: 100,000 stray "]" print 20 lines and a count', async () => {
    const dir = caseWith(
      'strays',
      `# River Accord\n@sources: report-a\n\n## Article 1 Flow\n\n1. ${'] '.repeat(100_000)}\n`,
    );
    const r = await runCli(['validate', dir]);
    const lines = r.err.split('\n');
    const text = path.join(dir, 'drafts/v2.txt');
    expect(r.code).toBe(1);
    expect(lines).toHaveLength(22);
    expect(lines[0]).toBe(`${text}:6:4: unmatched "]": no bracket is open here`);
    expect(lines[20]).toBe(`… and 99,980 more of the same kind (unmatched-close) in ${text}`);
    expect(lines[21]).toBe(`100000 problems in case ${dir}`);
  });

  it('refuses 3,000 nested brackets at the first past the bound, in validate and export alike', async () => {
    const dir = caseWith(
      'deep',
      `# River Accord\n@sources: report-a\n\n## Article 1 Flow\n\n1. ${'[a '.repeat(3000)}x${' b]'.repeat(3000)}\n`,
    );
    const message = `${path.join(dir, 'drafts/v2.txt')}:6:100: "[" nests brackets deeper than 32 levels: it and the brackets inside it are read as text`;
    for (const argv of [
      ['validate', dir],
      ['export', 'akn', dir, 'accord@v2'],
      ['diff', dir, 'accord@v1', 'accord@v2'],
    ]) {
      const r = await runCli(argv);
      expect(r.code).toBe(1);
      expect(r.err.split('\n')).toEqual([message, `1 problem in case ${dir}`]);
    }
  });
});
