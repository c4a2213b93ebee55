import { describe, expect, it } from 'vitest';
import { runCli } from '../test-cli.ts';

const minimal = 'packages/case-files/fixtures/minimal';
const riverDeals = 'packages/case-files/fixtures/river-deals';

/** The one as-of rule (app/inputs/fields.ts `asOfDay`): a month or a year is its last day. */
describe('--at means the same in every command: a month or a year stands for its last day', () => {
  it('show positions: as of 2030-02 counts the position of 2030-02-10/2030-02-12, and says which day', async () => {
    const r = await runCli(['show', minimal, 'positions', '--at', '2030-02']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(
      'Positions as of 2030-02-28 (the last day of 2030-02) (latest per party; parties: north, south)',
    );
    expect(lines.some((l) => l.includes('2030-02-10/2030-02-12'))).toBe(true);
    const json = JSON.parse((await runCli(['show', minimal, 'positions', '--at', '2030-02', '--json'])).out);
    expect([json.at, json.day]).toEqual(['2030-02', '2030-02-28']);
  });

  it('show roles: the mediator from 2030-01-15 is held as of 2030-01 but not on 2030-01-10', async () => {
    const month = await runCli(['show', minimal, 'roles', '--at', '2030-01']);
    expect(month.code).toBe(0);
    expect(month.out.split('\n')[0]).toBe('Roles held on 2030-01-31 (the last day of 2030-01)');
    expect(month.out).toContain('mediator');
    const day = await runCli(['show', minimal, 'roles', '--at', '2030-01-10']);
    expect(day.out.split('\n')[0]).toBe('Roles held on 2030-01-10');
    expect(day.out).not.toContain('mediator');
  });

  it('deals: a month and a year are analysed on their last day, and the header says so', async () => {
    const month = await runCli(['deals', riverDeals, '--at', '2030-03']);
    expect(month.code).toBe(0);
    expect(month.out.split('\n')[0]).toBe(
      'river-accord on 2030-03-31 (the last day of 2030-03) — analyst model (assumptions, not facts); scenario: baseline',
    );
    const year = await runCli(['deals', riverDeals, '--at', '2030', '--json']);
    expect(year.code).toBe(0);
    expect([JSON.parse(year.out).at, JSON.parse(year.out).day]).toEqual(['2030', '2030-12-31']);
  });

  it('an interval given to --at is a usage error (exit 2) in every command', async () => {
    for (const argv of [
      ['show', minimal, 'positions', '--at', '2030-01/2030-02'],
      ['show', minimal, 'roles', '--at', '2030-01/2030-02'],
      ['deals', riverDeals, '--at', '2030-01/2030-02'],
    ]) {
      const r = await runCli(argv);
      expect(r.code).toBe(2);
      expect(r.err.split('\n')[0]).toMatch(
        /^parley: --at "2030-01\/2030-02" is an interval: give one day, month or year/,
      );
    }
  });
});
