import { describe, expect, it } from 'vitest';
import { isParleyError } from '@parley/model/errors.ts';
import { loadTestCase } from '@parley/case-files/cases.test-support.ts';
import { analysedOn } from '@parley/core/bargaining/case-model.ts';
import { prepare } from '@parley/core/bargaining/case-report.ts';
import { importGenius } from '@parley/core/bargaining/genius/genius-xml.ts';
import { utilitiesOf, type Outcome } from '@parley/core/bargaining/outcome-space.ts';
import { SeededRandom } from '@parley/core/random/seeded-random.ts';
import { geniusExport } from './export-genius.ts';
import { geniusFromFiles } from './genius.ts';
import { modelInputFor } from './model-input.ts';
import { withRiverModel } from './river-accord.test-support.ts';

const river = withRiverModel(await loadTestCase('minimal'));
const embedded = await loadTestCase('embedded');

describe('geniusExport and geniusFromFiles', () => {
  it("write the model's day as GENIUS XML, and read it back to the same bargaining points", () => {
    const files = geniusExport(river, {}, 'river');
    expect(files.map((f) => f.name)).toEqual([
      'river-accord-domain.xml',
      'river-accord-north.xml',
      'river-accord-south.xml',
    ]);
    expect(files[0]!.xml).toContain('<utility_space');
    const report = geniusFromFiles(
      files.map((f) => ({ file: f.name, text: f.xml })),
      { normalizeWeights: false },
    );
    expect([report.domain, report.issues, report.outcomes, report.pareto]).toEqual([
      'river-accord',
      2,
      4,
      { size: 3 },
    ]);
    expect(report.profiles.map((p) => [p.file, p.reservationValue])).toEqual([
      ['river-accord-north.xml', 0.4],
      ['river-accord-south.xml', 0.5],
    ]);
    expect([report.nash.outcome, report.nash.utilities]).toEqual([
      { monitor: 'joint', 'dam-moratorium': 'yes' },
      [0.5, 0.75],
    ]);
  });

  it('export the reservation values of the day asked for', () => {
    const [, north, south] = geniusExport(river, { at: '2030-04-02' }, 'river');
    expect(north!.xml).toContain('0.4');
    expect(south!.xml).toMatch(/reservation[^>]*0\.8/);
  });

  it("export the embedded case's folded issues with no negative evaluation, each profile a positive affine transform of the model", () => {
    const files = geniusExport(embedded, { at: '2022-04-02' }, 'istanbul');
    const analysed = analysedOn(prepare(modelInputFor(embedded, undefined, 'istanbul')), '2022-04-02');
    // Ukraine's two penalties score neutral + a veto + non-military help below 0 in the model itself
    // (neutrality's weight 0.05 × score 0.4 over the weights' sum 1.04, less 0.04 and 0.03)…
    const ua = analysed.domain.stakeholders.findIndex((s) => s.id === 'ua');
    expect(Math.min(...analysed.domain.stakeholders[ua]!.scores.flat())).toBeCloseTo(
      (0.05 * 0.4) / 1.04 - 0.07,
      12,
    );
    // …but no evaluation GENIUS reads is.
    const evaluations = files.flatMap((f) =>
      [...f.xml.matchAll(/evaluation="([^"]+)"/g)].map((m) => Number(m[1])),
    );
    expect(evaluations.length).toBeGreaterThan(0);
    expect(evaluations.filter((e) => !(e >= 0 && e <= 1))).toEqual([]);
    const [domain, ...profiles] = files.map((f) => ({ file: f.name, text: f.xml }));
    const back = importGenius(domain!, profiles);
    expect(back.negotiation.issues.map((i) => i.name)).toContain(
      'neutrality + guarantee-decision-rule + guarantee-assistance',
    );
    // Sample packages: GENIUS's utility is a × the model's + b with a > 0, for every stakeholder.
    const random = new SeededRandom(16);
    const sample: Outcome[] = Array.from({ length: 300 }, () =>
      analysed.domain.issues.map((i) => Math.floor(random.float() * i.options.length) % i.options.length),
    );
    analysed.domain.stakeholders.forEach((s, q) => {
      const model = sample.map((o) => utilitiesOf(analysed.domain, o)[q]!);
      const genius = sample.map((o) => utilitiesOf(back.negotiation, o)[q]!);
      const [lo, hi] = [model.indexOf(Math.min(...model)), model.indexOf(Math.max(...model))];
      const a = (genius[hi]! - genius[lo]!) / (model[hi]! - model[lo]!);
      const b = genius[lo]! - a * model[lo]!;
      expect(a, s.id).toBeGreaterThan(0);
      model.forEach((u, k) => expect(genius[k]!, `${s.id}, package ${k}`).toBeCloseTo(a * u + b, 12));
      const reservation = Math.min(1, Math.max(0, a * s.reservationValue + b));
      expect(back.profiles[q]!.reservationValue, s.id).toBeCloseTo(reservation, 12);
    });
  });

  it('need a domain and at least one profile', () => {
    let error: unknown;
    try {
      geniusFromFiles([{ file: 'domain.xml', text: '<utility_space/>' }], { normalizeWeights: false });
    } catch (e) {
      error = e;
    }
    expect(isParleyError(error, 'usage')).toBe(true);
    expect((error as Error).message).toBe('give a GENIUS domain file and at least one profile file');
  });

  it('name the file, line and column of malformed XML', () => {
    const bad = { file: 'domain.xml', text: '<utility_space>\n<objective name="x">\n</utility_space>' };
    let error: unknown;
    try {
      geniusFromFiles([bad, bad], { normalizeWeights: false });
    } catch (e) {
      error = e;
    }
    expect(isParleyError(error, 'invalid-genius')).toBe(true);
    expect((error as Error).message).toBe(
      "domain.xml:3:1: not well-formed XML: Expected closing tag 'objective' (opened in line 2, col 1) instead of closing tag 'utility_space'.",
    );
  });

  it("pass on the convention asked for, the weight handling and the readers' warnings", () => {
    const files = geniusExport(river, {}, 'river').map((f) => ({ file: f.name, text: f.xml }));
    // North's weights written 2% high: GENIUS reads them as written.
    const heavier = files.map((f, k) =>
      k === 1
        ? {
            ...f,
            text: f.text.replace(
              /<weight index="(\d+)" value="([^"]+)"/g,
              (_, i, w) => `<weight index="${i}" value="${Number(w) * 1.02}"`,
            ),
          }
        : f,
    );
    const report = geniusFromFiles(heavier, { normalizeWeights: false, convention: 'genius' });
    expect([report.convention, report.nash.convention, report.maxWelfare.convention]).toEqual([
      'genius',
      'genius',
      'parley',
    ]);
    expect(report.weights.handling).toBe('raw');
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatch(
      /^river-accord-north\.xml:\d+:\d+: the issue weights sum to 1\.02, not 1; read as GENIUS reads them/,
    );
    expect(geniusFromFiles(heavier, { normalizeWeights: true }).weights.handling).toBe('normalized');
  });
});
