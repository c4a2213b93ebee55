import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './test-cli.ts';

/**
 * The one exit-code rule (exit-codes.ts, docs/case.md "Exit codes"), command by command: a bad
 * flag, a missing file or folder and an unknown id are the call's mistakes (2); a case that
 * does not validate is the content's (1). No row may crash (70) or print a stack trace.
 */
const minimal = 'packages/case-files/fixtures/minimal';
const deals = 'packages/case-files/fixtures/river-deals';
const scratch = mkdtempSync(path.join(tmpdir(), 'parley-exit-'));
const invalid = path.join(scratch, 'invalid');
cpSync(minimal, invalid, { recursive: true });
writeFileSync(path.join(invalid, 'rounds.yaml'), 'rounds: 7\n');
const missing = path.join(scratch, 'no-such-case');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Row = [kind: string, argv: string[], exitCode: number];

const rows: Row[] = [
  // validate
  ['missing folder', ['validate', missing], 2],
  ['invalid case', ['validate', invalid], 1],
  // show
  ['missing folder', ['show', missing], 2],
  ['bad flag', ['show', minimal, 'positions', '--at', 'soon'], 2],
  ['unknown view', ['show', minimal, 'treaties'], 2],
  ['unknown issue', ['show', minimal, 'history', '--issue', 'nope'], 2],
  ['invalid case', ['show', invalid], 1],
  // brief
  ['missing folder', ['brief', missing], 2],
  ['bad flag', ['brief', minimal, '--nope'], 2],
  ['invalid case', ['brief', invalid], 1],
  // brackets
  ['missing folder', ['brackets', missing, 'accord'], 2],
  ['unknown document', ['brackets', minimal, 'nope'], 2],
  ['bad flag', ['brackets', minimal, 'accord', '--format', 'pdf'], 2],
  ['invalid case', ['brackets', invalid, 'accord'], 1],
  // diff
  ['missing file', ['diff', path.join(scratch, 'a.txt'), path.join(scratch, 'b.txt')], 2],
  ['unknown document', ['diff', minimal, 'nope@v1', 'accord@v2'], 2],
  ['unknown version', ['diff', minimal, 'accord@v1', 'accord@v9'], 2],
  ['bad flag', ['diff', minimal, 'accord@v1', 'accord@v2', '--format', 'pdf'], 2],
  ['invalid case', ['diff', invalid, 'accord@v1', 'accord@v2'], 1],
  // export
  ['missing folder', ['export', 'akn', missing, 'accord@v1'], 2],
  ['unknown document', ['export', 'akn', minimal, 'nope@v1'], 2],
  ['unknown version', ['export', 'akn', minimal, 'accord@v9'], 2],
  ['bad flag', ['export', 'pdf', minimal, 'accord@v1'], 2],
  ['invalid case', ['export', 'akn', invalid, 'accord@v1'], 1],
  // guarantees
  ['missing folder', ['guarantees', missing], 2],
  ['unknown instrument', ['guarantees', minimal, '--instrument', 'nope'], 2],
  ['unknown attacker', ['guarantees', minimal, '--attacker', 'nope'], 2],
  ['unknown place', ['guarantees', minimal, '--place', 'nope'], 2],
  ['bad flag', ['guarantees', minimal, '--runs', '0'], 2],
  ['invalid case', ['guarantees', invalid], 1],
  // deals and its subcommands
  ['missing folder', ['deals', missing], 2],
  ['unknown scenario', ['deals', deals, '--scenario', 'nope'], 2],
  ['bad flag', ['deals', deals, '--at', 'soon'], 2],
  ['interval for --at', ['deals', deals, '--at', '2030-01/2030-02'], 2],
  ['invalid case', ['deals', invalid], 1],
  ['unknown scenario', ['deals', 'window', deals, '--scenario', 'nope'], 2],
  ['bad flag', ['deals', 'window', deals, '--from', '2030-06', '--to', '2030-01'], 2],
  ['unknown assumption', ['deals', 'sensitivity', deals, '--assumption', 'nope'], 2],
  ['unknown scenario', ['deals', 'adjusted-winner', deals, '--scenario', 'nope'], 2],
  ['missing folder', ['deals', 'assumptions', missing], 2],
  ['unknown scenario', ['deals', 'export-genius', deals, '--out', scratch, '--scenario', 'nope'], 2],
  ['missing file', ['deals', 'genius', path.join(scratch, 'd.xml'), path.join(scratch, 'p.xml')], 2],
];

describe('one exit-code rule across every command', () => {
  it.each(rows)('%s: parley %j exits %i', async (_kind, argv, exitCode) => {
    const r = await runCli(argv);
    expect(r.code).toBe(exitCode);
    expect(r.out).toBe('');
    expect(r.err).not.toMatch(/internal error|\bat .*\(.*:\d+:\d+\)/);
    expect(r.err.length).toBeGreaterThan(0);
  });
});
