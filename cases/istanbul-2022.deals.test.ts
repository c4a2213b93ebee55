import path from 'node:path';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ParleyError } from '@parley/model/errors.ts';
import type { Case } from '@parley/model/case.ts';
import type { AnalystModel } from '@parley/model/schema/analyst-model.ts';
import { loadCase } from '@parley/case-files/load.ts';
import { runCli } from '@parley/cli/test-cli.ts';
import { agreementSet } from '@parley/core/bargaining/agreement.ts';
import { applyScenario, listAssumptions, withAssumption } from '@parley/core/bargaining/assumptions.ts';
import {
  analysedOn,
  buildCaseBargaining,
  domainOn,
  reservationOn,
} from '@parley/core/bargaining/case-model.ts';
import { dealWindow } from '@parley/core/bargaining/deal-window.ts';
import { utilitiesOf } from '@parley/core/bargaining/outcome-space.ts';
import { checkModelReferences, modelIdsOf } from '@parley/core/bargaining/references.ts';
import { sensitivity } from '@parley/core/bargaining/sensitivity.ts';

// The embedded case and its documented preference model (cases/istanbul-2022/model.yaml), through
// the bargaining engine. Moved from packages/core/src/bargaining/case-model.test.ts.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let caseData: Case;
let model: AnalystModel;

beforeAll(async () => {
  const loaded = await loadCase(path.join(repoRoot, 'cases/istanbul-2022'));
  expect(loaded.diagnostics.filter((d) => d.file?.endsWith('model.yaml'))).toEqual([]);
  caseData = loaded.caseData!;
  model = caseData.model!;
});

describe('the embedded case model', () => {
  it('builds the additive domain: agenda order, yes/no, packages, grids with every stated position', () => {
    const b = buildCaseBargaining(caseData.issues, model);
    expect(b.issues.map((i) => i.id).slice(0, 5)).toEqual([
      'neutrality',
      'foreign-bases',
      'foreign-weapons-ban',
      'military-exercises',
      'guarantors',
    ]);
    expect(b.issues.find((i) => i.id === 'neutrality')!.options).toEqual(['yes', 'no']);
    expect(b.issues.find((i) => i.id === 'guarantors')!.options).toEqual([
      'communique-list',
      'april-15-list',
      'with-belarus',
      'non-western',
    ]);
    const troops = b.issues.find((i) => i.id === 'troop-ceiling')!;
    expect(troops.values).toEqual([
      50000, 75000, 85000, 100000, 125000, 150000, 175000, 200000, 225000, 250000,
    ]);
    // Guarantors are required signatories only when the chosen list names them.
    const us = b.stakeholders.find((s) => s.id === 'us')!;
    expect(us.obligedWhen).toEqual({ issue: 4, options: [0, 1, 2] });
    expect(b.stakeholders.find((s) => s.id === 'tr')!.obligedWhen).toEqual({ issue: 4, options: [0, 2, 3] });
  });

  it('scores packages as the weighted mean of option scores', () => {
    const b = buildCaseBargaining(caseData.issues, model);
    const domain = domainOn(b, '2022-03-29');
    const ru = model.stakeholders.find((s) => s.actor === 'ru')!;
    const total = Object.values(ru.issues).reduce((s, v) => s + v.weight.value, 0);
    // Every issue at Russia's favourite option gives Russia utility 1.
    const favourite = domain.issues.map((_, i) => {
      const row = domain.stakeholders[0]!.scores[i]!;
      return row.indexOf(Math.max(...row));
    });
    expect(utilitiesOf(domain, favourite)[0]).toBeCloseTo(1, 12);
    // troop-ceiling 85,000 scores 0.9 for Russia, at weight 0.09.
    const troops = domain.issues.findIndex((i) => i.name === 'troop-ceiling');
    expect(domain.stakeholders[0]!.scores[troops]![2]).toBeCloseTo((0.09 / total) * 0.9, 12);
  });

  it('reads reservation values as step functions of time', () => {
    const ua = model.stakeholders.find((s) => s.actor === 'ua')!;
    expect(reservationOn(ua, '2022-03-28')).toBe(0.6);
    expect(reservationOn(ua, '2022-04-02')).toBe(0.665);
    expect(reservationOn(ua, '2022-02-01')).toBeUndefined();
    expect(() => domainOn(buildCaseBargaining(caseData.issues, model), '2022-02-01')).toThrow(ParleyError);
  });

  it('has no deal window with every required signatory, but one for the parties alone', () => {
    const w = dealWindow(buildCaseBargaining(caseData.issues, model));
    expect(w.intervals.map((i) => i.from)).toEqual([
      '2022-02-24',
      '2022-03-22',
      '2022-03-29',
      '2022-04-02',
      '2022-04-09',
      '2022-04-15',
      '2022-05-17',
    ]);
    expect(w.open).toEqual([]);
    expect(w.openForPartiesOnly).toEqual([{ from: '2022-03-29', until: '2022-04-15' }]);
    const istanbul = w.intervals[2]!;
    // Russia binds, not the US and UK: the packages those two accept (a veto, or no armed help)
    // cost Ukraine its neutrality penalties (ua's interactions in model.yaml).
    expect(istanbul.withGuarantors.binding).toEqual(['ru']);
    expect(istanbul.withGuarantors.margin).toBeCloseTo(-0.0032487, 7);
    expect(istanbul.partiesOnly.margin).toBeCloseTo(0.0298, 4);
    expect(w.intervals.every((i) => i.withGuarantors.certificate.proven)).toBe(true);
  });

  it('opens the window from the Russian withdrawal to Bucha when guarantors accept obligations', () => {
    const w = dealWindow(
      buildCaseBargaining(caseData.issues, applyScenario(model, 'guarantors-accept-obligations')),
    );
    // Without Ukraine's neutrality penalties it would stay open to Johnson's visit (2022-04-09).
    expect(w.open).toEqual([{ from: '2022-03-29', until: '2022-04-02' }]);
    expect(() => applyScenario(model, 'nope')).toThrow(
      'unknown scenario "nope" (the model defines: four-factors, western-pressure, guarantors-accept-obligations)',
    );
  });

  it('finds the smallest change of a reservation value that opens the window, and it is a real threshold', () => {
    const result = sensitivity(caseData.issues, model, 'ua.reservation.bucha', '2022-04-02');
    expect(result.open).toBe(false);
    expect(result.flipsTo).toBe('open');
    expect(result.up.threshold).toBeUndefined();
    const threshold = result.nearest!.threshold!;
    // 0.66 / 1.04: Ukraine's best package among those every other signatory accepts scores 0.66
    // (weighted scores, penalties included) over weights that sum to 1.04.
    expect(threshold).toBeCloseTo(0.66 / 1.04, 9);
    const marginAt = (v: number) =>
      agreementSet(
        analysedOn(
          buildCaseBargaining(caseData.issues, withAssumption(model, 'ua.reservation.bucha', v)),
          '2022-04-02',
        ).domain,
      ).margin;
    expect(marginAt(threshold)).toBeGreaterThanOrEqual(-1e-12);
    expect(marginAt(threshold + 1e-6)).toBeLessThan(0);
  });

  it('names every number of the model as an assumption with its rationale', () => {
    const all = listAssumptions(model);
    expect(all.every((a) => a.rationale.length >= 10)).toBe(true);
    expect(all.find((a) => a.path === 'us.guarantee-assistance.weight')).toMatchObject({
      value: 0.2,
      min: 0,
    });
    expect(
      withAssumption(model, 'ru.neutrality.scores.no', 0.5).stakeholders[0]!.issues.neutrality!.scores!.value
        .no,
    ).toBe(0.5);
    expect(model.stakeholders[0]!.issues.neutrality!.scores!.value.no).toBe(0);
    expect(() => withAssumption(model, 'ru.neutrality.weight', -1)).toThrow(
      'ru.neutrality.weight must lie in [0, Infinity], got -1',
    );
    // Ukraine's interactions are its own assumptions, each with a rationale and sources.
    expect(all.filter((a) => a.path.includes('.interactions.')).map((a) => [a.path, a.value])).toEqual([
      ['ua.interactions.neutral-under-a-veto', -0.04],
      ['ua.interactions.neutral-without-force', -0.03],
    ]);
    expect(
      model.stakeholders
        .filter((s) => s.interactions)
        .map((s) => [s.actor, s.interactions!.map((x) => x.sources)]),
    ).toEqual([
      [
        'ua',
        [
          ['s2', 's3', 's4', 'n-welt'],
          ['s2', 's3'],
        ],
      ],
    ]);
    expect(
      withAssumption(model, 'ua.interactions.neutral-under-a-veto', -0.1).stakeholders[1]!.interactions![0]!
        .value.value,
    ).toBe(-0.1);
  });
});

// Moved from packages/core/src/bargaining/case-model.test.ts: the embedded model, broken.
describe('checkModelReferences', () => {
  it('reports unknown ids, incomplete scores, unordered reservation points and bad overrides by path', () => {
    const broken = structuredClone(model);
    broken.stakeholders[0]!.actor = 'atlantis';
    delete broken.stakeholders[1]!.issues.neutrality!.scores!.value.no;
    broken.stakeholders[1]!.reservation[1]!.date = '2022-01-01';
    broken.stakeholders[1]!.reservation[2]!.event = 'no-such-event';
    broken.scenarios[0]!.overrides[0]!.assumption = 'us.nothing.weight';
    const problems: string[] = [];
    checkModelReferences(broken, modelIdsOf(caseData), (p, m) => problems.push(`${p.join('.')}: ${m}`));
    expect(problems).toEqual([
      'stakeholders.0.actor: unknown actor "atlantis"',
      'stakeholders.1.issues.neutrality.scores: no score for "no"',
      'stakeholders.1.reservation.1.date: reservation points must be in date order',
      'stakeholders.1.reservation.2.event: unknown event "no-such-event"',
      'scenarios.0.overrides.0.assumption: no assumption "us.nothing.weight" in the model',
    ]);
  });
});

// Moved from packages/cli/src/commands/deals.test.ts: `parley deals` on the embedded case.
describe('parley deals on the embedded case', () => {
  const caseDir = path.join(repoRoot, 'cases/istanbul-2022');
  const run = (...argv: string[]) => runCli(argv);

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
    expect(report.agreement.withGuarantors.binding).toEqual(['ru']);
    expect(report.agreement.partiesOnly.open).toBe(true);
    expect(report.pareto).toEqual({ parties: ['ru', 'ua'], size: 545 });
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
    expect(base.out).toContain('Open (parties only):             2022-03-29 → 2022-04-15');
    expect(base.out).toContain('2022-03-29 2022-04-02 closed -0.003 (ru)');
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
    expect(r.out).toContain('Smallest change that opens it: -0.030 (to 0.634615).');
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
    // Ukraine's interactions join its three issues into one compound GENIUS issue.
    expect(report.nash.outcome['neutrality + guarantee-decision-rule + guarantee-assistance']).toBe(
      'yes + individual + full-ladder',
    );
  });

  it('names the scenario, the assumption and the day the model cannot analyse', async () => {
    const badDate = await run('deals', caseDir, '--at', 'yesterday');
    expect(badDate.code).toBe(2);
    expect(badDate.err).toContain('parley: --at "yesterday" is not an EDTF date (e.g. 2022-04-15)');
    const badScenario = await run('deals', 'window', caseDir, '--scenario', 'peace-now');
    expect(badScenario.code).toBe(2);
    expect(badScenario.err).toContain(
      'unknown scenario "peace-now" (the model defines: four-factors, western-pressure, guarantors-accept-obligations)',
    );
    const badAssumption = await run('deals', 'sensitivity', caseDir, '--assumption', 'us.weight');
    expect(badAssumption.code).toBe(2);
    expect(badAssumption.err).toContain(`no assumption "us.weight" in the model`);
    const beforeModel = await run('deals', caseDir, '--at', '2022-01-01');
    expect(beforeModel.code).toBe(1);
    expect(beforeModel.err).toBe(
      'model.yaml: ru has no reservation value before 2022-02-24 (asked for 2022-01-01)',
    );
    expect([badDate, badScenario, badAssumption, beforeModel].every((r) => !r.err.includes('    at '))).toBe(
      true,
    );
  });
});
