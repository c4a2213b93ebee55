import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-cli.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const caseDir = path.join(repoRoot, 'cases/istanbul-2022');
const atlas = path.resolve(repoRoot, '../shared/corpora/genius/anac/y2016/Atlas3');
const shared = existsSync(atlas);
if (!shared) console.warn('skipping the GENIUS corpus CLI test: ../shared absent');

const run = (...argv: string[]) => runCli(argv);

describe('parley deals', () => {
  it('analyses one day of the embedded case as JSON', async () => {
    const r = await run('deals', caseDir, '--at', '2022-03-29', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.at).toBe('2022-03-29');
    expect(report.outcomes).toBe(663552000);
    expect(report.reservationValues.ru).toEqual({
      value: 0.7,
      event: 'russian-withdrawal-kyiv',
      role: 'party',
    });
    expect(report.agreement.withGuarantors.open).toBe(false);
    expect(report.agreement.withGuarantors.binding).toEqual(['us', 'uk']);
    expect(report.agreement.partiesOnly.open).toBe(true);
    expect(report.pareto).toEqual({ parties: ['ru', 'ua'], size: 554 });
    expect(report.solutions.withGuarantors.nash.reason).toMatch(/agreement set is empty/);
    expect(report.solutions.partiesOnly.nash.package['guarantee-decision-rule']).toBe('individual');
    expect(report.solutions.partiesOnly.nash.certificate.proven).toBe(true);
    const troops = report.zopa.find((z: { issue: string }) => z.issue === 'troop-ceiling');
    expect(troops.joint).toEqual([]);
    expect(troops.jointPartiesOnly.length).toBeGreaterThan(0);
  });

  it('prints the deal window and how the guarantor scenario changes it', async () => {
    const base = await run('deals', 'window', caseDir);
    expect(base.code).toBe(0);
    expect(base.out).toContain('Open (every required signatory): never');
    expect(base.out).toContain('Open (parties only):             2022-03-29 → 2022-04-09');
    expect(base.out).toContain('2022-03-29 2022-04-02 closed -0.002 (us,uk)');
    const scenario = await run(
      'deals',
      'window',
      caseDir,
      '--scenario',
      'guarantors-accept-obligations',
      '--json',
    );
    expect(scenario.code).toBe(0);
    expect(JSON.parse(scenario.out).open).toEqual([{ from: '2022-03-29', until: '2022-04-02' }]);
  });

  it('reports the sensitivity threshold of one assumption', async () => {
    const r = await run(
      'deals',
      'sensitivity',
      caseDir,
      '--assumption',
      'ua.reservation.bucha',
      '--at',
      '2022-04-02',
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('The deal window is CLOSED on 2022-04-02');
    expect(r.out).toMatch(/Smallest change that opens it: -0\.054 \(to 0\.6363\d\d\)\./);
  });

  it('runs Adjusted Winner between the parties', async () => {
    const r = await run('deals', 'adjusted-winner', caseDir, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.parties).toEqual(['ru', 'ua']);
    expect(report.pointsA).toBeCloseTo(report.pointsB, 9);
    expect(
      report.items.filter((i: { shareA: number }) => i.shareA > 0 && i.shareA < 1).length,
    ).toBeLessThanOrEqual(1);
  });

  it('exports the case model as GENIUS XML that parley reads back', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'parley-genius-'));
    const r = await run('deals', 'export-genius', caseDir, '--out', out, '--at', '2022-03-29');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(
      ['cn', 'de', 'domain', 'fr', 'ru', 'tr', 'ua', 'uk', 'us'].map((x) => `istanbul-2022-${x}.xml`).sort(),
    );
    const back = await run(
      'deals',
      'genius',
      path.join(out, 'istanbul-2022-domain.xml'),
      path.join(out, 'istanbul-2022-ru.xml'),
      path.join(out, 'istanbul-2022-ua.xml'),
      '--json',
    );
    expect(back.code).toBe(0);
    const report = JSON.parse(back.out);
    expect(report.outcomes).toBe(663552000);
    expect(report.nash.outcome['guarantee-decision-rule']).toBe('individual');
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
      'unknown scenario "peace-now" (the model defines: guarantors-accept-obligations)',
    );
    const badAssumption = await run('deals', 'sensitivity', caseDir, '--assumption', 'us.weight');
    expect(badAssumption.code).toBe(2);
    expect(badAssumption.err).toContain(`no assumption "us.weight" in the model`);
    const beforeModel = await run('deals', caseDir, '--at', '2022-01-01');
    expect(beforeModel.code).toBe(1);
    expect(beforeModel.err).toBe(
      'model.yaml: ru has no reservation value before 2022-02-24 (asked for 2022-01-01)',
    );
    expect(
      [badXml, missing, badDate, badScenario, badAssumption, beforeModel].every(
        (r) => !r.err.includes('    at '),
      ),
    ).toBe(true);
  });
});
