import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-cli.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
// The minimal fixture with a flood and the River Accord model (see its model.yaml for the figures).
const caseDir = path.join(repoRoot, 'packages/case-files/fixtures/river-deals');
const atlas = path.resolve(repoRoot, '../shared/corpora/genius/anac/y2016/Atlas3');
const shared = existsSync(atlas);
if (!shared) console.warn('skipping the GENIUS corpus CLI test: ../shared absent');

const run = (...argv: string[]) => runCli(argv);

describe('parley deals', () => {
  it('analyses one day of the case as JSON', async () => {
    const r = await run('deals', caseDir, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    // The case's asOf, 2030-03-01: the drought's reservation values 0.4 and 0.5.
    expect([report.at, report.outcomes, report.issues]).toEqual([
      '2030-03-01',
      4,
      ['monitor', 'dam-moratorium'],
    ]);
    expect(report.reservationValues.south).toEqual({ value: 0.5, event: 'drought', role: 'party' });
    expect(report.agreement.withGuarantors).toMatchObject({
      open: true,
      binding: ['north'],
      package: { monitor: 'joint', 'dam-moratorium': 'yes' },
      utilities: { north: 0.5, south: 0.75 },
    });
    expect(report.pareto).toEqual({ parties: ['north', 'south'], size: 3 });
    expect(report.solutions.partiesOnly.nash.package).toEqual({ monitor: 'joint', 'dam-moratorium': 'yes' });
    expect(report.solutions.partiesOnly.nash.certificate.proven).toBe(true);
    const after = JSON.parse((await run('deals', caseDir, '--at', '2030-04-02', '--json')).out);
    expect(after.solutions.withGuarantors.nash.reason).toMatch(/agreement set is empty/);
  });

  it('prints the deal window and how the scenario changes it', async () => {
    const base = await run('deals', 'window', caseDir);
    expect(base.code).toBe(0);
    expect(base.out).toContain('Open (every required signatory): 2030-02-05 → 2030-04-01');
    expect(base.out).toContain(
      '2030-04-01 …          closed -0.050 (south)         closed -0.050 (south)   flood',
    );
    const scenario = await run('deals', 'window', caseDir, '--scenario', 'patient-south', '--json');
    expect(scenario.code).toBe(0);
    expect(JSON.parse(scenario.out).open).toEqual([{ from: '2030-02-05', until: null }]);
  });

  it('reports the sensitivity threshold of one assumption', async () => {
    const r = await run(
      'deals',
      'sensitivity',
      caseDir,
      '--assumption',
      'south.reservation.flood',
      '--at',
      '2030-04-01',
    );
    expect(r.code).toBe(0);
    // joint+yes gives Southland 0.75: the window reopens when the flood's 0.8 falls to it.
    expect(r.out).toContain('The deal window is CLOSED on 2030-04-01: best margin -0.050.');
    expect(r.out).toContain('Smallest change that opens it: -0.050 (to 0.750000).');
  });

  it('runs Adjusted Winner between the parties', async () => {
    const r = await run('deals', 'adjusted-winner', caseDir, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect([report.parties, report.pointsA, report.pointsB, report.split]).toEqual([
      ['north', 'south'],
      60,
      60,
      'dam-moratorium',
    ]);
  });

  it('exports the case model as GENIUS XML that parley reads back', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'parley-genius-'));
    const r = await run('deals', 'export-genius', caseDir, '--out', out, '--at', '2030-03-01');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'river-accord-domain.xml',
      'river-accord-north.xml',
      'river-accord-south.xml',
    ]);
    const back = await run(
      'deals',
      'genius',
      path.join(out, 'river-accord-domain.xml'),
      path.join(out, 'river-accord-north.xml'),
      path.join(out, 'river-accord-south.xml'),
      '--json',
    );
    expect(back.code).toBe(0);
    const report = JSON.parse(back.out);
    expect([report.outcomes, report.nash.outcome]).toEqual([
      4,
      { monitor: 'joint', 'dam-moratorium': 'yes' },
    ]);
  });

  it.skipIf(!shared)('analyses a three-party ANAC domain with the documented JSON shape', async () => {
    const files = [
      'triangularFight.xml',
      'triangularFight_util1.xml',
      'triangularFight_util2.xml',
      'triangularFight_util3.xml',
    ].map((f) => path.join(atlas, f));
    const r = await run('deals', 'genius', ...files, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.outcomes).toBe(9);
    expect(report.pareto).toEqual({ size: 5 });
    expect(report.nash.utilities).toHaveLength(3);
    expect(Object.keys(report.nash.outcome)).toEqual(['a', 'b']);
    expect(report.profiles[0]).toMatchObject({
      reservationValue: 0.3,
      discountFactor: 0.1,
      reservationDefaulted: false,
    });
    for (const key of ['nash', 'kalaiSmorodinsky', 'maxWelfare', 'egalitarian'])
      expect(report[key].certificate.proven).toBe(true);
  });

  it('names the convention of every point and the weight handling, and follows --convention', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-convention-'));
    // Split the pie in quarters with reservation values 0.5: no gain is positive anywhere.
    const issue = (evaluations: number[]) =>
      `<issue index="1" name="share" type="discrete">${evaluations.map((e, k) => `<item index="${k + 1}" value="q${k}"${e < 0 ? '' : ` evaluation="${e}"`}/>`).join('')}</issue>`;
    writeFileSync(
      path.join(dir, 'domain.xml'),
      `<utility_space><objective index="0" name="Pie" type="objective">${issue([-1, -1, -1, -1, -1])}</objective></utility_space>`,
    );
    const profile = (evaluations: number[]) =>
      `<utility_space><objective index="0" name="Pie" type="objective">${issue(evaluations)}<weight index="1" value="1"/></objective><reservation value="0.5"/></utility_space>`;
    writeFileSync(path.join(dir, 'a.xml'), profile([0, 0.25, 0.5, 0.75, 1]));
    writeFileSync(path.join(dir, 'b.xml'), profile([1, 0.75, 0.5, 0.25, 0]));
    const files = ['domain.xml', 'a.xml', 'b.xml'].map((f) => path.join(dir, f));
    const parley = JSON.parse((await run('deals', 'genius', ...files, '--json')).out);
    expect([parley.convention, parley.weights.handling, parley.warnings]).toEqual(['parley', 'raw', []]);
    expect([parley.nash.utilities, parley.nash.convention, parley.nash.method]).toEqual([
      null,
      'parley',
      'branch-and-bound',
    ]);
    const genius = await run('deals', 'genius', ...files, '--convention', 'genius');
    expect(genius.code).toBe(0);
    expect(genius.out.split('\n').slice(5, 8)).toEqual([
      'Points (convention: genius; utilities in profile order, then the outcome):',
      '  nash              0.5000  0.5000  share=q2',
      '    [genius: max Π(uᵢ − rvᵢ) over the Pareto frontier, gains may be negative (u < rv allowed); over the Pareto frontier]',
    ]);
    expect(genius.out).toContain(
      'Weights: as written, as GENIUS reads them: utility = min(1, Σ weight × evaluation)',
    );
    const bad = await run('deals', 'genius', ...files, '--convention', 'nash');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('parley: --convention "nash" is not one of parley, genius, negmas\n');
  });

  it('gives one clear message and the right exit code for bad input and misuse', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-bad-'));
    writeFileSync(path.join(dir, 'domain.xml'), '<utility_space>\n<objective name="x">\n</utility_space>');
    const badXml = await run('deals', 'genius', path.join(dir, 'domain.xml'), path.join(dir, 'domain.xml'));
    expect(badXml.code).toBe(1);
    expect(badXml.err).toBe(
      `${path.join(dir, 'domain.xml')}:3:1: not well-formed XML: Expected closing tag 'objective' (opened in line 2, col 1) instead of closing tag 'utility_space'.`,
    );
    const missing = await run('deals', 'genius', path.join(dir, 'nope.xml'), path.join(dir, 'nope2.xml'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(`parley: cannot read ${path.join(dir, 'nope.xml')}`);
    const badDate = await run('deals', caseDir, '--at', 'yesterday');
    expect(badDate.code).toBe(2);
    expect(badDate.err).toContain('parley: --at "yesterday" is not an EDTF date (e.g. 2022-04-15)');
    const badScenario = await run('deals', 'window', caseDir, '--scenario', 'peace-now');
    expect(badScenario.code).toBe(2);
    expect(badScenario.err).toContain(
      'parley: unknown scenario "peace-now" (the model defines: patient-south)',
    );
    const badAssumption = await run('deals', 'sensitivity', caseDir, '--assumption', 'south.weight');
    expect(badAssumption.code).toBe(2);
    expect(badAssumption.err).toContain(`no assumption "south.weight" in the model`);
    const beforeModel = await run('deals', caseDir, '--at', '2030-01-01');
    expect(beforeModel.code).toBe(1);
    expect(beforeModel.err).toBe(
      'model.yaml: north has no reservation value before 2030-02-05 (asked for 2030-01-01)',
    );
    expect(
      [badXml, missing, badDate, badScenario, badAssumption, beforeModel].every(
        (r) => !r.err.includes('    at '),
      ),
    ).toBe(true);
  });

  describe('never dies or hangs on input (issue 9)', () => {
    /** The river-deals case in a temporary folder with its model.yaml edited. */
    const editedModel = (edit: (model: string) => string) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'parley-model-'));
      cpSync(caseDir, dir, { recursive: true });
      const file = path.join(dir, 'model.yaml');
      const before = readFileSync(file, 'utf8');
      const after = edit(before);
      if (after === before) throw new Error('the edit changed nothing');
      writeFileSync(file, after);
      return dir;
    };
    const why = 'rationale: an invented judgement for the tests';

    it('refuses a number grid of 10^9 points where the grid is written, in validate and in deals', async () => {
      const dir = editedModel((m) =>
        m
          .replace('grids: {}', 'grids:\n  min-flow: { from: 0, to: 1e9, step: 1 }')
          .replace(
            '    issues:\n      monitor:',
            `    issues:\n      min-flow:\n        weight: { value: 1, ${why} }\n        curve: { value: [[0, 0], [100, 1]], ${why} }\n      monitor:`,
          ),
      );
      const message =
        'model.yaml:8:39: grids.min-flow.step: the grid is too fine: its grid and curve breakpoints make up to 1,000,000,003 values, above the limit of 1,000 per number issue (see "Limits" in docs/deals.md); use a coarser step';
      const validate = await run('validate', dir);
      expect([validate.code, validate.err.split('\n')[0]]).toEqual([1, `${dir}${path.sep}${message}`]);
      const deals = await run('deals', dir);
      expect([deals.code, deals.err.split('\n')[0]]).toEqual([1, `${dir}${path.sep}${message}`]);
    });

    it('reports a party modelled as a guarantor, all-zero weights and overflowing weights at their lines', async () => {
      const dir = editedModel((m) =>
        m
          .replace('role: party', 'role: guarantor')
          .replace(`weight: { value: 1, ${why} }`, `weight: { value: 0, ${why} }`)
          .replace(`weight: { value: 1, ${why} }`, `weight: { value: 0, ${why} }`)
          .replace(`weight: { value: 1, ${why} }`, `weight: { value: 1e308, ${why} }`)
          .replace(`weight: { value: 3, ${why} }`, `weight: { value: 1e308, ${why} }`),
      );
      const r = await run('validate', dir);
      expect(r.code).toBe(1);
      expect(r.err.split('\n').map((l) => l.replace(`${dir}${path.sep}`, ''))).toEqual([
        'model.yaml:11:11: stakeholders[0].role: north is modelled as a guarantor, but roles.yaml makes it a party (role "north-party"); a party bargains, so model it with role: party',
        'model.yaml:14:7: stakeholders[0].issues: every weight of north is 0 (or it values no issue), so every package would be worth the same to it; give some issue a positive weight',
        'model.yaml:26:7: stakeholders[1].issues: the weights of south add up to more than the largest number; utilities divide by that sum, so use weights such as 0.2',
        `3 problems in case ${dir}`,
      ]);
    });

    it('rejects a reversed window as misuse (exit 2) and names the day a month stands for', async () => {
      const reversed = await run('deals', 'window', caseDir, '--from', '2030-06', '--to', '2030-01');
      expect(reversed.code).toBe(2);
      expect(reversed.err).toContain(
        'parley: --from 2030-06 is after --to 2030-01: give the earlier day to --from',
      );
      const month = await run('deals', caseDir, '--at', '2030-03');
      expect(month.code).toBe(0);
      expect(month.out.split('\n')[0]).toBe(
        'river-accord on 2030-03-31 (the last day of 2030-03) — analyst model (assumptions, not facts); scenario: baseline',
      );
      const json = JSON.parse((await run('deals', caseDir, '--at', '2030-03', '--json')).out);
      expect([json.at, json.day]).toEqual(['2030-03', '2030-03-31']);
    });

    it('says so when a profile is given where the GENIUS domain belongs', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'parley-genius-'));
      const profile = `<utility_space><objective index="0" name="x" type="objective">
<issue index="1" name="a" type="discrete"><item index="1" value="p" evaluation="1"/><item index="2" value="q" evaluation="0"/></issue>
<weight index="1" value="1"/></objective></utility_space>`;
      writeFileSync(path.join(dir, 'p1.xml'), profile);
      writeFileSync(path.join(dir, 'p2.xml'), profile);
      const r = await run('deals', 'genius', path.join(dir, 'p1.xml'), path.join(dir, 'p2.xml'));
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain(
        `parley: ${path.join(dir, 'p1.xml')} is a GENIUS preference profile (it weights or evaluates the issues), not a domain: give the domain file first, then the profiles (parley deals genius <domain.xml> <profile.xml>…)`,
      );
    });
  });
});

describe('deals genius reads its files under the one rule for texts', () => {
  it('refuses a named pipe without blocking, and a file that is not UTF-8, naming the file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-genius-input-'));
    const fifo = path.join(dir, 'domain.xml');
    execFileSync('mkfifo', [fifo]);
    const pipe = await runCli(['deals', 'genius', fifo, fifo]);
    expect(pipe.code).toBe(1);
    expect(pipe.err).toContain(`${fifo}: `);
    expect(pipe.err).toContain('not a regular file');
    const latin1 = path.join(dir, 'latin1.xml');
    writeFileSync(latin1, Buffer.from([0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e]));
    const notUtf8 = await runCli(['deals', 'genius', latin1, latin1]);
    expect(notUtf8.code).toBe(1);
    expect(notUtf8.err).toContain(`${latin1}:1:4: not UTF-8`);
  });
});
