import { describe, expect, it } from 'vitest';
import { isParleyError } from '@parley/model/errors.ts';
import { loadTestCase } from '@parley/case-files/cases.test-support.ts';
import { geniusExport } from './export-genius.ts';
import { geniusFromFiles } from './genius.ts';
import { withRiverModel } from './river-accord.test-support.ts';

const river = withRiverModel(await loadTestCase('minimal'));

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
