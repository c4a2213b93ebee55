import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { minimalCaseDir } from '@parley/case-files/test-support.ts';
import { runCli } from '../test-cli.ts';

const root = mkdtempSync(path.join(tmpdir(), 'parley-drafts-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('parley drafts import', () => {
  it('adds a Markdown draft that brackets then reads as Markdown; a missing flag is a usage error', async () => {
    const dir = path.join(root, 'case');
    cpSync(minimalCaseDir, dir, { recursive: true });
    const file = path.join(root, 'paris.md');
    writeFileSync(
      file,
      'See [the annex](https://example.org).\n\n- [x] done\n\n1. The Parties [shall] act.\n',
    );
    const flags = ['--document', 'accord', '--version', 'v3', '--date', '2030-03-01', '--author', 'south'];
    const missing = await runCli(['drafts', 'import', dir, file, ...flags]);
    expect([missing.code, missing.err]).toEqual([
      2,
      [
        "parley: required option '--source <ids...>' not specified",
        'usage: parley drafts import [options] <case-dir> <file>',
        "(run 'parley drafts import --help' for details)",
      ].join('\n'),
    ]);
    const imported = await runCli(['drafts', 'import', dir, file, ...flags, '--source', 'report-a']);
    expect(imported).toEqual({
      code: 0,
      err: '',
      out: `${dir}: added accord@v3 as drafts/accord-v3.md (format: markdown; 1 bracket(s))\nnext: parley brackets ${dir} accord`,
    });
    const brackets = await runCli(['brackets', dir, 'accord', '--format', 'json']);
    expect(
      JSON.parse(brackets.out).entries.map((e: { version: string; brackets: number }) => [
        e.version,
        e.brackets,
      ]),
    ).toEqual([
      ['v1', 2],
      ['v2', 0],
      ['v3', 1],
    ]);
  });
});
