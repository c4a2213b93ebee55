import { isParleyError } from '@parley/model/errors.ts';
import { describe, expect, it } from 'vitest';
import { mixedFrontier } from '../continuous/mixed-frontier.ts';
import { mixedSolutions } from '../continuous/mixed-solutions.ts';
import { NASH_TOLERANCE } from '../continuous/box-solvers.ts';
import { importGenius } from './genius-xml.ts';
import { hasRangeIssues, importGeniusRanges } from './genius-ranges.ts';
import { geniusRangesReport, isRangeGenius } from './genius-ranges-report.ts';

// One real issue, GENIUS's form: bounds on a <range>, evaluator parameter0 + parameter1 × value.
const realDomain = `<negotiation_template><utility_space>
<objective index="0" name="Price talks" type="objective" etype="objective">
<issue index="1" name="Price" type="real" etype="real" vtype="real"><range lowerbound="0" upperbound="10"/></issue>
</objective></utility_space></negotiation_template>`;

const realProfile = (p0: number, p1: number, weight: number, reservation: number) => `<utility_space>
<objective index="0" name="Price talks" type="objective" etype="objective">
<issue index="1" name="Price" type="real"><range lowerbound="0" upperbound="10"/>
<evaluator ftype="linear" parameter0="${p0}" parameter1="${p1}"/></issue>
<weight index="1" value="${weight}"/>
</objective>
<reservation value="${reservation}"/>
</utility_space>`;

// An integer issue of 10^9 + 1 values, with GENIUS's integer evaluator (offset + slope × (x − lower)).
const wideDomain = `<negotiation_template><utility_space>
<objective index="0" name="Wide" type="objective" etype="objective">
<issue index="1" name="Amount" type="integer" etype="integer" vtype="integer" lowerbound="0" upperbound="1000000000"/>
</objective></utility_space></negotiation_template>`;

const wideProfile = (offset: number, slope: number, weight: number, reservation: number) => `<utility_space>
<objective index="0" name="Wide" type="objective" etype="objective">
<issue index="1" name="Amount" type="integer" lowerbound="0" upperbound="1000000000">
<evaluator ftype="linear" offset="${offset}" slope="${slope}"/></issue>
<weight index="1" value="${weight}"/>
</objective>
<reservation value="${reservation}"/>
</utility_space>`;

const pointOf = (point: unknown) => {
  const p = point as {
    candidate?: { outcome: { values: number[] }; utilities: number[] };
    certificate?: { proven: boolean };
  };
  if (!p.candidate) throw new Error(`no point: ${JSON.stringify(point)}`);
  return { x: p.candidate.outcome.values[0]!, u: p.candidate.utilities, proven: p.certificate!.proven };
};

describe('GENIUS real issues (continuous, solved exactly)', () => {
  // A: u = x/10, d = 0.2.  B: u = 0.8 (1 − x/10), d = 0.
  const imported = importGeniusRanges({ file: 'd.xml', text: realDomain }, [
    { file: 'a.xml', text: realProfile(0, 0.1, 1, 0.2) },
    { file: 'b.xml', text: realProfile(1, -0.1, 0.8, 0) },
  ]);

  it('reads the range and the linear evaluator as GENIUS does', () => {
    expect(hasRangeIssues(realDomain, 'd.xml')).toBe(true);
    expect(imported.mixed.discrete).toEqual([]);
    expect(imported.mixed.ranges).toEqual([{ name: 'Price', lower: 0, upper: 10, integer: false }]);
    expect(imported.mixed.parties.map((p) => p.ranges[0])).toEqual([
      { xs: [0, 10], ys: [0, 1] },
      { xs: [0, 10], ys: [0.8, 0] },
    ]);
  });

  it('finds the hand-computed interior points', () => {
    const { points, ideal } = mixedSolutions(imported.mixed);
    // Nash: (u − 0.2)(1 − u) is largest at u = 0.6, so x = 6.
    const nash = pointOf(points.nash);
    expect(nash.x).toBeCloseTo(6, 9);
    expect(nash.u[0]).toBeCloseTo(0.6, 9);
    expect(nash.u[1]).toBeCloseTo(0.32, 9);
    expect(nash.proven).toBe(true);
    // Egalitarian: x/10 − 0.2 = 0.8 − 0.08 x, so x = 50/9.
    expect(pointOf(points.egalitarian).x).toBeCloseTo(50 / 9, 9);
    // Welfare 0.8 + 0.02 x: the upper end.
    expect(pointOf(points.maxWelfare).x).toBe(10);
    // Ideal of B within the agreement set: x = 2 (A's reservation), 0.64. KS: x = 6.
    expect(ideal![0]).toBe(1);
    expect(ideal![1]).toBeCloseTo(0.64, 12);
    expect(pointOf(points.kalaiSmorodinsky).x).toBeCloseTo(6, 9);
  });

  it('gives the frontier as one attained segment', () => {
    const frontier = mixedFrontier(imported.mixed);
    if (!frontier.pieces) throw new Error(frontier.reason);
    expect(frontier.relaxation).toBe(false);
    expect(
      frontier.pieces.map((p) => [
        p.from.utilities,
        p.to.utilities,
        p.from.outcome.values,
        p.to.outcome.values,
      ]),
    ).toEqual([[[0, 0.8], [1, 0], [0], [10]]]);
  });
});

describe('GENIUS integer issues too wide to list', () => {
  // A: u = x/1e9, d = 0.3000000005.  B: u = 0.5 (1 − x/1e9), d = 0.
  const files = [
    { file: 'a.xml', text: wideProfile(0, 1e-9, 1, 0.3000000005) },
    { file: 'b.xml', text: wideProfile(1, -1e-9, 0.5, 0) },
  ];

  it('is still refused by the discrete engine, with the limit named', () => {
    try {
      importGenius({ file: 'd.xml', text: wideDomain }, files);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(isParleyError(error)).toBe(true);
      expect((error as Error).message).toContain('above the limit of 10,000 per issue');
    }
  });

  it('is solved as a range: the integer optimum in closed form, in milliseconds', () => {
    const started = Date.now();
    const imported = importGeniusRanges({ file: 'd.xml', text: wideDomain }, files);
    expect(imported.mixed.ranges).toEqual([{ name: 'Amount', lower: 0, upper: 1e9, integer: true }]);
    const { points } = mixedSolutions(imported.mixed);
    // Nash: (x − 300,000,000.5)(10^9 − x) peaks at 650,000,000.25; the nearest whole number wins.
    const nash = pointOf(points.nash);
    expect(nash.x).toBe(650_000_000);
    expect(nash.proven).toBe(true);
    // Egalitarian: x/1e9 − 0.3000000005 = 0.5 − x/2e9 at x = 533,333,333.67; of the two whole
    // neighbours, 533,333,334 has the larger least gain (0.233333333 against 0.2333333325).
    const egalitarian = pointOf(points.egalitarian);
    expect(egalitarian.x).toBe(533_333_334);
    expect(egalitarian.proven).toBe(true);
    expect(pointOf(points.maxWelfare).x).toBe(1e9);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('certifies the Nash point within the stated tolerance', () => {
    const imported = importGeniusRanges({ file: 'd.xml', text: wideDomain }, files);
    const nash = mixedSolutions(imported.mixed).points.nash;
    if (!('candidate' in nash)) throw new Error(nash.reason);
    expect(nash.certificate.upperBound - nash.certificate.value).toBeLessThanOrEqual(NASH_TOLERANCE);
    expect(nash.certificate.upperBound).toBeGreaterThanOrEqual(nash.certificate.value);
  });
});

describe('deals genius report on ranges', () => {
  const files = [
    { file: 'a.xml', text: realProfile(0, 0.1, 1, 0.2) },
    { file: 'b.xml', text: realProfile(1, -0.1, 0.8, 0) },
  ];

  it('is chosen for range domains only, and reports the points and the frontier pieces', () => {
    expect(isRangeGenius([{ file: 'd.xml', text: realDomain }, ...files])).toBe(true);
    expect(isRangeGenius([{ file: 'd.xml', text: wideDomain.replace('1000000000"', '10"') }, ...files])).toBe(
      false,
    );
    const report = geniusRangesReport({ file: 'd.xml', text: realDomain }, files);
    expect(report.nash.outcome).toEqual({
      Price: expect.stringMatching(/^(6|5\.9999999\d*|6\.0000000\d*)$/),
    });
    expect(report.nash.certificate!.proven).toBe(true);
    expect(report.ranges.outcomes).toBe('continuum');
    expect(report.ranges.issues).toEqual([{ name: 'Price', kind: 'real', lower: 0, upper: 10 }]);
    expect(report.pareto).toEqual({
      size: null,
      reason: 'a continuum: 1 piece (segments or points), listed under "ranges"',
    });
  });

  it('refuses the frontier-picking conventions with the reason', () => {
    expect(() =>
      geniusRangesReport({ file: 'd.xml', text: realDomain }, files, { convention: 'genius' }),
    ).toThrow(
      'the genius convention picks points from a listed Pareto frontier, and real or wide integer issues make it a continuum: use the parley convention (exact search)',
    );
  });
});
