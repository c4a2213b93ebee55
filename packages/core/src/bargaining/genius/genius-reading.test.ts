import { isParleyError } from '@parley/model/errors.ts';
import { describe, expect, it } from 'vitest';
import { enumerateOutcomes } from '../enumerate.ts';
import { utilitiesOf } from '../outcome-space.ts';
import { geniusReport, NORMALIZED_WEIGHTS } from './genius-report.ts';
import { importGenius } from './genius-xml.ts';

/** GENIUS files as the competition ran them, generated: each reading case with exact utilities. */

const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    if (isParleyError(error, 'invalid-genius')) return error.message;
    throw error;
  }
  throw new Error('expected an invalid-genius ParleyError');
};

const domainXml = `<negotiation_template>
<utility_space>
<objective index="0" name="Shop" type="objective">
<issue index="1" name="Colour" type="discrete"><item index="1" value="red"/><item index="2" value="blue"/></issue>
<issue index="2" name="Size" type="discrete"><item index="1" value="s"/><item index="2" value="m"/><item index="3" value="l"/></issue>
</objective>
</utility_space>
</negotiation_template>`;

const shopProfile = (weight: number, colours: [number, number], sizes: [number, number, number]) =>
  `<utility_space>
<objective index="0" name="Shop" type="objective">
<issue index="1" name="Colour" type="discrete"><item index="1" value="red" evaluation="${colours[0]}"/><item index="2" value="blue" evaluation="${colours[1]}"/></issue>
<issue index="2" name="Size" type="discrete"><item index="1" value="s" evaluation="${sizes[0]}"/><item index="2" value="m" evaluation="${sizes[1]}"/><item index="3" value="l" evaluation="${sizes[2]}"/></issue>
<weight index="1" value="${weight}"/>
<weight index="2" value="${weight}"/>
</objective>
</utility_space>`;

const shop = (options: { normalizeWeights?: boolean } = {}) =>
  importGenius(
    { file: 'shop.xml', text: domainXml },
    [
      // Weights 2% above 1 and 2% below.
      { file: 'buyer.xml', text: shopProfile(0.51, [1, 0], [2, 1, 0]) },
      { file: 'seller.xml', text: shopProfile(0.49, [0, 1], [0, 1, 2]) },
    ],
    options,
  );

const report = (imported: ReturnType<typeof shop>, weights = {}) =>
  geniusReport('Shop', imported.negotiation, [], { caps: imported.caps, ...weights });

describe('weights that do not sum to exactly 1', () => {
  it('are read as GENIUS reads them: as written, utility capped at 1, each with a warning', () => {
    const imported = shop();
    expect(imported.caps).toEqual([true, false]);
    expect(imported.profiles.map((p) => [p.weightSum, p.bestUtility])).toEqual([
      [1.02, 1.02],
      [0.98, 0.98],
    ]);
    expect(imported.profiles.flatMap((p) => p.warnings)).toEqual([
      'buyer.xml:5:1: the issue weights sum to 1.02, not 1; read as GENIUS reads them, as written, so the best package scores 1.02 and utilities are capped at 1 (--normalize-weights divides them by their sum instead)',
      'seller.xml:5:1: the issue weights sum to 0.98, not 1; read as GENIUS reads them, as written, so no package scores more than 0.98 (--normalize-weights divides them by their sum instead)',
    ]);
    // red, s: the buyer's 0.51 + 0.51 = 1.02 is capped at 1; blue, l is worth the seller 0.98.
    const r = report(imported);
    expect(r.pareto).toEqual({ size: 5 });
    expect(r.maxWelfare.utilities).toEqual([0.765, 0.245]);
    // red, l and blue, s both give (0.51, 0.49): the smaller option indices stand for them.
    expect([r.nash.utilities, r.nash.outcome, r.nash.method]).toEqual([
      [0.51, 0.49],
      { Colour: 'red', Size: 'l' },
      'frontier',
    ]);
    expect(r.egalitarian.utilities).toEqual([0.51, 0.49]);
    expect(r.kalaiSmorodinsky.utilities).toEqual([0.51, 0.49]);
    // Capped utilities agree with exhaustive enumeration of min(1, Σ weight × evaluation).
    const enumerated = enumerateOutcomes(imported.negotiation, [], { frontier: true });
    const capped = enumerated.frontier!.map(([b, s]) => [Math.min(1, b!), s]);
    expect(capped).toContainEqual([1, 0]);
    expect(utilitiesOf(imported.negotiation, [0, 0])).toEqual([1.02, 0]);
  });

  it('are divided by their sum with normalizeWeights, and then searched exactly', () => {
    const imported = shop({ normalizeWeights: true });
    expect(imported.caps).toEqual([false, false]);
    const r = report(imported, { weights: NORMALIZED_WEIGHTS });
    expect(r.weights.handling).toBe('normalized');
    expect([r.nash.utilities, r.nash.method, r.nash.certificate?.proven]).toEqual([
      [0.5, 0.5],
      'branch-and-bound',
      true,
    ]);
  });
});

describe('nested objectives', () => {
  // Two levels: Root > Money (Price) > Terms (Delivery, Warranty).
  const nestedDomain = `<negotiation_template><utility_space>
<objective index="0" name="Root" type="objective">
  <objective index="1" name="Money" type="objective">
    <issue index="2" name="Price" type="discrete"><item index="1" value="low"/><item index="2" value="high"/></issue>
    <objective index="3" name="Terms" type="objective">
      <issue index="4" name="Delivery" type="discrete"><item index="1" value="fast"/><item index="2" value="slow"/></issue>
      <issue index="5" name="Warranty" type="integer" lowerbound="0" upperbound="2"/>
    </objective>
  </objective>
</objective>
</utility_space></negotiation_template>`;
  const nestedProfile = (termsWeights = '<weight index="4" value="0.3"/><weight index="5" value="0.3"/>') =>
    `<utility_space>
<objective index="0" name="Root" type="objective">
  <objective index="1" name="Money" type="objective">
    <issue index="2" name="Price" type="discrete"><item index="1" value="low" evaluation="1"/><item index="2" value="high" evaluation="0.25"/></issue>
    <objective index="3" name="Terms" type="objective">
      <issue index="4" name="Delivery" type="discrete"><item index="1" value="fast" evaluation="4"/><item index="2" value="slow" evaluation="1"/></issue>
      <issue index="5" name="Warranty" type="integer" lowerbound="0" upperbound="2"><evaluator ftype="linear" offset="0" slope="0.5"/></issue>
      ${termsWeights}
    </objective>
    <weight index="2" value="0.4"/>
    <weight index="3" value="0.6"/>
  </objective>
  <weight index="1" value="0.5"/>
</objective>
<reservation value="0.2"/>
</utility_space>`;
  const read = (profile: string) =>
    importGenius({ file: 'd.xml', text: nestedDomain }, [{ file: 'p.xml', text: profile }]);

  it('are flattened into issues, each with the weight written beside it (objective weights ignored, with a warning)', () => {
    const imported = read(nestedProfile());
    expect(imported.domain.nestedObjectives).toBe(2);
    expect(imported.negotiation.issues).toEqual([
      { name: 'Price', options: ['low', 'high'] },
      { name: 'Delivery', options: ['fast', 'slow'] },
      { name: 'Warranty', options: ['0', '1', '2'] },
    ]);
    expect(imported.negotiation.stakeholders[0]!.scores).toEqual([
      [0.4, 0.1],
      [0.3, 0.075],
      [0, 0.15, 0.3],
    ]);
    // high, slow, 1: 0.4 × 0.25 + 0.3 × 0.25 + 0.3 × 0.5
    expect(utilitiesOf(imported.negotiation, [1, 1, 1])).toEqual([0.1 + 0.075 + 0.15]);
    expect(imported.profiles[0]!.warnings).toEqual([
      'p.xml:13:3: objective "Money" has weight 0.5, which GENIUS ignores: each issue inside it counts with its own weight',
      'p.xml:11:5: objective "Terms" has weight 0.6, which GENIUS ignores: each issue inside it counts with its own weight',
    ]);
  });

  it('refuse an issue whose weight is not beside it, naming the objective', () => {
    const misplaced = nestedProfile('').replace(
      '<weight index="2" value="0.4"/>',
      '<weight index="2" value="0.4"/><weight index="4" value="0.3"/><weight index="5" value="0.3"/>',
    );
    expect(errorOf(() => read(misplaced))).toBe(
      `p.xml:5:5: the profile has no <weight> for issue 4 ("Delivery") in objective "Terms" (GENIUS reads an issue's weight beside it)`,
    );
  });
});

describe('integer evaluators and non-linear profiles', () => {
  const intDomain = `<utility_space><objective index="0" name="D" type="objective">
<issue index="1" name="Days" type="integer" lowerbound="1" upperbound="3"/>
<issue index="2" name="Fee" type="integer" lowerbound="0" upperbound="1"/>
</objective></utility_space>`;
  const intProfile = (days: string) => `<utility_space><objective index="0" name="D" type="objective">
<issue index="1" name="Days" type="integer" lowerbound="1" upperbound="3">${days}</issue>
<issue index="2" name="Fee" type="integer" lowerbound="0" upperbound="1"><evaluator ftype="linear" offset="1" slope="-1"/></issue>
<weight index="1" value="0.25"/><weight index="2" value="0.75"/>
</objective></utility_space>`;
  const scores = (days: string) =>
    importGenius({ file: 'd.xml', text: intDomain }, [{ file: 'p.xml', text: intProfile(days) }]).negotiation
      .stakeholders[0]!.scores;

  it('read a constant evaluator: the same evaluation for every value (parameter0, else offset), clamped to [0, 1]', () => {
    expect(scores('<evaluator ftype="constant" parameter0="0.6"/>')).toEqual([
      [0.15, 0.15, 0.15],
      [0.75, 0],
    ]);
    expect(scores('<evaluator ftype="constant" offset="1.4"/>')[0]).toEqual([0.25, 0.25, 0.25]);
  });

  it('refuse other evaluator types and say what is read', () => {
    expect(errorOf(() => scores('<evaluator ftype="faratin" parameter0="1"/>'))).toBe(
      'p.xml:2:75: integer issue "Days": evaluator type "faratin" is not supported (Parley reads linear and constant evaluators)',
    );
    expect(errorOf(() => scores('<evaluator ftype="constant"/>'))).toBe(
      'p.xml:2:75: the constant evaluator of integer issue "Days" needs its value in parameter0 (or offset)',
    );
  });

  it('refuse a non-linear (hyper-rectangle) profile plainly', () => {
    const nonlinear = `<utility_space type="nonlinear">
<objective index="0" name="D" type="objective">
<issue index="1" name="Days" type="integer" lowerbound="1" upperbound="3"/>
</objective>
<ufun type="PLAIN" weight="1" aggregation="SUM"><hyperRectangle utility_value="10"><INCLUDES index="1" min="1" max="2"/></hyperRectangle></ufun>
</utility_space>`;
    expect(
      errorOf(() => importGenius({ file: 'd.xml', text: intDomain }, [{ file: 'n.xml', text: nonlinear }])),
    ).toBe(
      'n.xml:1:1: non-linear (hyper-rectangle) utility spaces are not supported yet (this one has type="nonlinear"): Parley reads linear additive GENIUS profiles only',
    );
  });
});
