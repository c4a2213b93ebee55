import { describe, expect, it } from 'vitest';
import { runCli } from './test-cli.ts';

describe('CLI misuse: one clear line plus usage, exit 2', () => {
  it('rejects an unknown command', async () => {
    const r = await runCli(['shwo', 'packages/case-files/fixtures/minimal']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe("parley: unknown command 'shwo'");
    expect(r.err).toContain('(Did you mean show?)');
    expect(r.err).toContain('usage: parley [options] [command]');
  });

  it('rejects an unknown flag', async () => {
    const r = await runCli(['show', 'packages/case-files/fixtures/minimal', '--jsn']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe("parley: unknown option '--jsn'");
    expect(r.err).toContain('(Did you mean --json?)');
    expect(r.err).toContain('usage: parley show [options] <case-dir> [view]');
  });

  it('rejects a missing argument', async () => {
    const r = await runCli(['validate']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe("parley: missing required argument 'case-dir'");
  });

  it('rejects an unknown view and a bad --at date', async () => {
    const view = await runCli(['show', 'packages/case-files/fixtures/minimal', 'treaties']);
    expect(view.code).toBe(2);
    expect(view.err.split('\n')[0]).toBe(
      'parley: unknown view "treaties"; expected one of overview, timeline, actors, roles, rounds, issues, positions, history, drafts, claims, sources',
    );
    const at = await runCli([
      'show',
      'packages/case-files/fixtures/minimal',
      'positions',
      '--at',
      '15 April',
    ]);
    expect(at.code).toBe(2);
    expect(at.err.split('\n')[0]).toBe(
      'parley: --at "15 April" is not an EDTF date (e.g. 2022-04-15, 2022-04, 2022)',
    );
  });

  it('reports a case folder that does not exist with exit 2 and no stack trace', async () => {
    const r = await runCli(['validate', 'no/such/case']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n').slice(0, 2)).toEqual([
      'parley: no/such/case: no such folder',
      '1 problem in case no/such/case',
    ]);
  });
});
