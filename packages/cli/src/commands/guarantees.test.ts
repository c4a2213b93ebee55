import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../test-cli.ts';

// Tests of `parley guarantees` (src/cli/commands/guarantees.ts) on an invented case.
const fixture = fileURLToPath(new URL('../../../case-files/fixtures/lake-pact', import.meta.url));
const run = (...args: string[]) =>
  runCli(['guarantees', fixture, '--no-library', '--runs', '2000', '--seed', '3', ...args]);

const scratch = mkdtempSync(path.join(tmpdir(), 'parley-guarantees-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A path as the CLI shows it: relative to the working directory when inside it. */
const shown = (file: string) => {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
};

/** A copy of the fixture with guarantees.yaml edited. */
function brokenCase(find: string, replace: string): string {
  const dir = mkdtempSync(path.join(scratch, 'case-'));
  cpSync(fixture, dir, { recursive: true });
  const file = path.join(dir, 'guarantees.yaml');
  const text = readFileSync(file, 'utf8');
  if (!text.includes(find)) throw new Error(`fixture lacks ${find}`);
  writeFileSync(file, text.replace(find, replace));
  return dir;
}

describe('parley guarantees', () => {
  it('prints the comparison table', async () => {
    const r = await run();
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        '┌────────────┬─────────────────────────┬────────────────────────┐',
        '│ instrument │ a third state           │ a third state          │',
        '│            │ → core territory        │ → the isles            │',
        '├────────────┼─────────────────────────┼────────────────────────┤',
        '│ pact-each  │ 3 obliged, no veto      │ excluded:              │',
        '│            │ any help 87%, force 48% │ nothing                │',
        '├────────────┼─────────────────────────┼────────────────────────┤',
        '│ pact-all   │ 3 obliged if all agree  │ 3 obliged if all agree │',
        '│            │ any help 12%, force 1%  │ any help 12%, force 1% │',
        '└────────────┴─────────────────────────┴────────────────────────┘',
        'Event: armed-attack. 2000 Monte Carlo runs per cell, seed 3 in every cell.',
        '"any help": some guarantor gives some help beyond consultation. "n/a": the place is not the guaranteed',
        "state's territory. Where an instrument guarantees another state, attackers who are not its parties act",
        'as third states. One cell in detail: --instrument <id> --attacker <id> --place <id|core>.',
      ].join('\n'),
    );
  });

  it('prints Markdown for the README', async () => {
    const r = await run('--attacker', 'nordia', '--markdown');
    expect(r.out.split('\n').slice(0, 5)).toEqual([
      '| instrument | Nordia<br>→ core territory | Nordia<br>→ the isles |',
      '| --- | --- | --- |',
      '| `pact-each` | 2 obliged, no veto<br>any help 75%, force 35% | excluded:<br>nothing |',
      '| `pact-all` | no duty: nordia blocks<br>no help | no duty: nordia blocks<br>no help |',
      '',
    ]);
  });

  it('explains one cell step by step, citing the clauses', async () => {
    const r = await run('--instrument', 'pact-each', '--attacker', 'nordia', '--place', 'core');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines.slice(0, 8)).toEqual([
      'Lake Pact, each guarantor decides',
      '  pact-each (case)',
      '',
      "Scenario: Nordia — an armed attack on Lakeland's core territory",
      'Status: covered',
      'Obliged guarantors: Ostia and Westia (obliged by the text alone)',
      'Consulting: Ostia and Westia',
      'Can block: nobody',
    ]);
    expect(
      lines.filter((l) => /^ (weapons|armed force|sanctions) /.test(l)).map((l) => l.trim().split(/\s{2,}/)),
    ).toEqual([
      ['sanctions', 'cannot follow'],
      ['weapons', '75%', '72.90% – 76.70%', '0.99'],
      ['armed force', '35%', '33.19% – 37.37%', '0.39'],
    ]);
    expect(lines.filter((l) => /^ {2}\d\. /.test(l))).toEqual([
      "  1. The attack is on Lakeland's core territory, which the guarantee covers (it excludes the isles). [pact-each Art. 4]",
      '  2. The event, an armed attack, is a trigger of the guarantee, once Lakeland asks for help. [pact-each Art. 3]',
      '  3. Nordia is itself a guarantor. A guarantor never acts against itself, so its willingness to help Lakeland against ' +
        'its own attack is 0 by construction (not an assumption). [pact-each Art. 3]',
      '  4. Ostia and Westia must consult with Lakeland and among themselves, for no more than 2 days. Consultation is not ' +
        'assistance. [pact-each Art. 3]',
      "  5. Each guarantor other than the attacker is obliged to assist on its own decision, and nobody can block another's " +
        'help: Ostia and Westia. [pact-each Art. 3]',
      '  6. What can follow: weapons and armed force, each from the guarantors willing to give it. Diplomatic support, ' +
        'sanctions and a no-fly zone are not named, so not owed under it. [pact-each Art. 3]',
    ]);
    expect(lines.slice(-3)).toEqual([
      '  nordia: 0 by construction (the attacker)',
      '  ostia: neighbours (case)',
      '  westia: neighbours (case)',
    ]);
  });

  it('prints the documented JSON', async () => {
    const r = await run('--json', '--attacker', 'nordia');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual([
      'case',
      'runs',
      'seed',
      'confidence',
      'columns',
      'instruments',
      'results',
    ]);
    expect(json.columns).toEqual([
      { attacker: 'nordia', place: null, trigger: 'armed-attack' },
      { attacker: 'nordia', place: 'isles', trigger: 'armed-attack' },
    ]);
    expect(json.results).toHaveLength(4);
    const blocked = json.results[2];
    expect(Object.keys(blocked)).toEqual([
      'instrument',
      'title',
      'origin',
      'scenario',
      'status',
      'obligation',
      'obligedGuarantors',
      'consultingGuarantors',
      'canBlock',
      'decisionPossible',
      'assistance',
      'anyHelp',
      'explanation',
      'assumptions',
    ]);
    expect([blocked.instrument, blocked.obligedGuarantors, blocked.canBlock[0]]).toEqual([
      'pact-all',
      [],
      { actor: 'nordia', stage: 'guarantors', certain: true },
    ]);
    const weapons = json.results[0].assistance[4];
    expect([weapons.level, weapons.possible, weapons.probability, weapons.expectedProviders]).toEqual([
      'weapons',
      true,
      0.7485,
      0.991,
    ]);
    expect(weapons.interval[0]).toBeCloseTo(0.72902080392, 10);
    expect(weapons.interval[1]).toBeCloseTo(0.76702642357, 10);
    expect(json.results[1].status).toBe('out-of-scope');
    expect(json.results[0].explanation[0]).toEqual({
      step: 'scope',
      text: "The attack is on Lakeland's core territory, which the guarantee covers (it excludes the isles).",
      cites: [{ instrument: 'pact-each', provision: 'art-4', label: 'Art. 4' }],
    });
  });

  it('is reproducible for a seed', async () => {
    const a = await run('--json', '--seed', '11');
    const b = await run('--json', '--seed', '11');
    const c = await run('--json', '--seed', '12');
    expect(a.out).toBe(b.out);
    expect(a.out).not.toBe(c.out);
  });
});

describe('parley guarantees: bad input', () => {
  it.each([
    [['--instrument', 'pact-none'], 'parley: unknown instrument "pact-none"; known: pact-each, pact-all'],
    [
      ['--attacker', 'pirates'],
      'parley: unknown attacker "pirates": not an actor of the case or the library (use an actor id or "third-state")',
    ],
    [['--place', 'moon'], 'parley: unknown place "moon"; known: core, isles'],
  ])('%j: an unknown id, exit 2 with one clear message', async (args, message) => {
    const r = await run(...args);
    expect([r.code, r.err, r.out]).toEqual([2, message, '']);
  });

  it('an attacker that is the guaranteed state: exit 1 with one clear message', async () => {
    const r = await run('--attacker', 'lakeland');
    expect([r.code, r.err, r.out]).toEqual([
      1,
      'attacker "lakeland" is the guaranteed state of every selected instrument',
      '',
    ]);
  });

  it.each([
    [['--runs', '0'], 'parley: --runs "0" must be a whole number from 1 to 10000000'],
    [['--seed', 'x'], 'parley: --seed "x" must be a whole number from 0 to 4294967295'],
    [
      ['--trigger', 'cyber-attack'],
      "parley: option '--trigger <kind>' argument 'cyber-attack' is invalid. Allowed choices are armed-attack, nuclear-attack, threat-of-attack, nuclear-threat.",
    ],
    [['--json', '--markdown'], 'parley: choose one of --json and --markdown'],
  ])('%j: exit 2 with usage', async (args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(message);
    expect(r.err).toContain('usage: parley guarantees');
  });

  it('reports a probability outside [0, 1] at its line and column', async () => {
    const dir = brokenCase('weapons: 0.5', 'weapons: 1.5');
    const r = await runCli(['guarantees', dir, '--no-library']);
    expect(r.code).toBe(1);
    const file = shown(path.join(dir, 'guarantees.yaml'));
    expect(r.err).toBe(
      `${file}:51:16: willingness[0].levels.weapons: a probability must lie within [0, 1]\n1 problem in case ${dir}`,
    );
  });

  it('reports an instrument without guarantors and unknown ids together', async () => {
    const dir = brokenCase(
      'guarantors: [nordia, ostia, westia]\n    triggers',
      'guarantors: []\n    triggers',
    );
    const r = await runCli(['guarantees', dir, '--no-library']);
    const file = shown(path.join(dir, 'guarantees.yaml'));
    expect([r.code, r.err]).toEqual([
      1,
      `${file}:6:17: instruments[0].guarantors: an instrument needs at least one guarantor\n1 problem in case ${dir}`,
    ]);
    const unknown = brokenCase('excludes: [isles]', 'excludes: [isles, reef]');
    const r2 = await runCli(['guarantees', unknown, '--no-library']);
    const file2 = shown(path.join(unknown, 'guarantees.yaml'));
    expect(r2.err).toBe(
      `${file2}:9:23: instruments[0].excludes[1]: unknown place "reef"\n1 problem in case ${unknown}`,
    );
  });

  it('names the guarantor without a willingness assumption', async () => {
    const dir = brokenCase(
      'guarantors: [nordia, ostia, westia]\n    guaranteedState',
      'guarantors: [nordia, ostia]\n    guaranteedState',
    );
    const r = await runCli(['guarantees', dir, '--no-library', '--runs', '10']);
    expect([r.code, r.err]).toEqual([
      1,
      'no willingness assumption for "westia" protecting "lakeland" against "third-state" (instrument "pact-each"): add a willingness entry\n' +
        'no willingness assumption for "westia" protecting "lakeland" against "third-state" (instrument "pact-all"): add a willingness entry',
    ]);
  });

  it('rejects a missing case folder', async () => {
    const r = await runCli(['guarantees', path.join(scratch, 'nowhere')]);
    expect(r.code).toBe(2);
    const nowhere = path.join(scratch, 'nowhere');
    expect(r.err.split('\n').slice(0, 2)).toEqual([
      `parley: ${shown(nowhere)}: no such folder`,
      `1 problem in case ${nowhere}`,
    ]);
  });

  it("blames the case's instrument, at its line, when its id is a library instrument's", async () => {
    const dir = brokenCase('  - id: pact-all', '  - id: budapest-memorandum-1994');
    const file = shown(path.join(dir, 'guarantees.yaml'));
    expect(await runCli(['validate', dir])).toMatchObject({ code: 0 });
    const r = await runCli(['guarantees', dir, '--runs', '200']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      `${file}:24:9: instruments[1].id: instrument "budapest-memorandum-1994" has the id of a reference ` +
        "instrument of the library (library/instruments/budapest-memorandum-1994.yaml); give the case's " +
        `instrument another id, or leave the library out\n1 problem in case ${dir}`,
    );
    // Without the library there is no clash.
    expect((await runCli(['guarantees', dir, '--no-library', '--runs', '200'])).code).toBe(0);
  });
});
