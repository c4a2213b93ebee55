import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteFolder } from '@parley/store/test-databases.test-support.ts';
import { runCli } from '../test-cli.ts';

let data: string;
beforeAll(async () => {
  data = await pgliteFolder({ migrated: true });
}, 60_000);
afterAll(() => {
  if (data) rmSync(data, { recursive: true, force: true });
});

describe('parley replay', () => {
  it('stores the embedded case’s talks as channel history and prints each step', async () => {
    const run = await runCli(['replay', 'cases/istanbul-2022', '--data', data]);
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    const lines = run.out.split('\n');
    expect(lines[0]).toBe('cases/istanbul-2022: replayed as case istanbul-2022-replay (77 steps)');
    expect(lines).toHaveLength(79);
    expect(lines[10]).toMatch(
      /^ 10 {2}2022-02-27 {13}plenary {4}ua tables a package on neutrality {2}\[proposal [A-Za-z0-9_-]+\]$/,
    );
    expect(lines[78]).toMatch(/^Placing moves in channels is a training reconstruction/);
    expect(await runCli(['cases', '--data', data])).toEqual({
      code: 0,
      err: '',
      out: 'istanbul-2022-replay',
    });
  }, 180_000);

  it('refuses an unknown trainer before storing anything, and a replay id already taken', async () => {
    const unknown = await runCli([
      'replay',
      'cases/istanbul-2022',
      '--case-id',
      'second',
      '--trainer',
      'nobody@example.org',
      '--data',
      data,
    ]);
    expect(unknown).toMatchObject({ code: 2, out: '' });
    expect(unknown.err.split('\n')[0]).toBe('parley: no account with the email nobody@example.org');
    expect((await runCli(['cases', '--data', data])).out).toBe('istanbul-2022-replay');
    const again = await runCli(['replay', 'cases/istanbul-2022', '--data', data]);
    expect(again.code).not.toBe(0);
    expect(again.err).toMatch(/istanbul-2022-replay/);
  }, 120_000);
});
