import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-cli.ts';

describe('parley brackets', () => {
  it('prints the bracket series of a document as a table with the trend', async () => {
    const r = await runCli(['brackets', 'packages/case-files/fixtures/minimal', 'accord']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('accord: River Accord');
    expect(lines[2]).toBe(
      '│ version │ date       │ brackets │ Δ  │ unattributed │ max depth │ words in brackets │ agreed │ bracketed │ deferred │ dropped │ unmarked │',
    );
    expect(lines[4]).toBe(
      '│ v1      │ 2030-02-01 │ 2        │    │ 2            │ 1         │ 2/14 (14%)        │ 0      │ 0         │ 0        │ 0       │ 2        │',
    );
    expect(lines[6]).toBe(
      '│ v2      │ 2030-02-12 │ 0        │ -2 │ 0            │ 0         │ 0/13 (0%)         │ 0      │ 0         │ 0        │ 0       │ 2        │',
    );
    expect(lines.at(-1)).toBe(
      "trend: converging (brackets 2 → 0); party columns count each party's bracketed proposals and alternatives",
    );
  });

  it('adds an options column when a version holds UNFCCC option groups', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-brackets-options-'));
    try {
      cpSync('packages/case-files/fixtures/minimal', dir, { recursive: true });
      writeFileSync(
        path.join(dir, 'drafts/v1.txt'),
        '# River Accord\n\n## Article 1 Flow\n\n' +
          '1. **Option 1:** The minimum flow shall be [30] cubic metres per second.\n\n' +
          '**Option 2:** The minimum flow shall be 50 cubic metres per second.\n\n' +
          '2. **Option 1:** Reviewed yearly.\n\n**Option 2:** Reviewed every five years.\n\n**Option 3:** Never reviewed.\n',
      );
      const r = await runCli(['brackets', dir, 'accord']);
      expect(r.err).toBe('');
      const lines = r.out.split('\n');
      expect(lines[2]).toBe(
        '│ version │ date       │ brackets │ Δ  │ options │ unattributed │ max depth │ words in brackets │ agreed │ bracketed │ deferred │ dropped │ unmarked │',
      );
      expect(lines[4]?.split('│')[5]?.trim()).toBe('2 (5)');
      expect(lines[6]?.split('│')[5]?.trim()).toBe('0');
      expect(lines.at(-1)).toMatch(/; options: option groups in the text \(and the options in them\)$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the series per party as JSON, in date order', async () => {
    const r = await runCli([
      'brackets',
      'packages/case-files/fixtures/minimal',
      'accord',
      '--format',
      'json',
    ]);
    expect(r.err).toBe('');
    const json = JSON.parse(r.out);
    // v1 holds two brackets of no party ("[30] [50]"); v2 none.
    expect(
      json.entries.map((e: { version: string; brackets: number; byParty: object }) => [
        e.version,
        e.brackets,
        e.byParty,
      ]),
    ).toEqual([
      ['v1', 2, { unattributed: 2 }],
      ['v2', 0, {}],
    ]);
    expect([json.document, json.trend]).toEqual(['accord', 'converging']);
  });

  it('names an unknown document and refuses a wrong format (exit 2 both)', async () => {
    expect(await runCli(['brackets', 'packages/case-files/fixtures/minimal', 'treaty'])).toEqual({
      code: 2,
      out: '',
      err: 'parley: unknown draft document "treaty" (documents: accord)',
    });
    const format = await runCli([
      'brackets',
      'packages/case-files/fixtures/minimal',
      'accord',
      '--format',
      'csv',
    ]);
    expect(format.code).toBe(2);
    expect(format.err.split('\n')[0]).toBe('parley: --format must be table or json, got "csv"');
  });
});
