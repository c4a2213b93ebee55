import { isParleyError } from '@parley/model/errors.ts';
import { describe, expect, it } from 'vitest';
import { utilitiesOf } from '../outcome-space.ts';
import { bargainingSolutions } from '../solutions.ts';
import { exportGenius } from './genius-export.ts';
import { importGenius, parseGeniusDomain } from './genius-xml.ts';

const domainXml = `<negotiation_template>
<utility_space number_of_issues="2">
<objective index="0" name="Toy" type="objective" etype="objective">
<issue index="1" name="Colour" vtype="discrete" type="discrete" etype="discrete">
<item index="1" value="red"/>
<item index="2" value="blue"/>
</issue>
<issue index="2" name="Price" lowerbound="10" upperbound="12" vtype="integer" type="integer" etype="integer"/>
</objective>
</utility_space>
</negotiation_template>`;

const profile = (
  weights: [number, number],
  extra = '',
  reservation = '<reservation value="0.25"/>',
) => `<utility_space>
<objective index="0" name="Toy" type="objective" etype="objective">
<issue index="1" name="Colour" type="discrete">
<item index="1" value="red" evaluation="4"/>
<item index="2" value="blue" evaluation="2"/>
</issue>
<issue index="2" name="Price" lowerbound="10" upperbound="12" type="integer">
<evaluator ftype="linear" offset="1.0" slope="-0.5"/>
</issue>${extra}
<weight index="1" value="${weights[0]}"/>
<weight index="2" value="${weights[1]}"/>
</objective>
<discount_factor value="0.9"/>
${reservation}
</utility_space>`;

const run = (profiles: string[], options = {}) =>
  importGenius(
    { file: 'toy-domain.xml', text: domainXml },
    profiles.map((text, k) => ({ file: `toy-${k + 1}.xml`, text })),
    options,
  );

const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    if (isParleyError(error, 'invalid-genius')) return error.message;
    throw error;
  }
  throw new Error('expected an invalid-genius ParleyError');
};

describe('GENIUS XML import', () => {
  it('reads discrete and integer issues with GENIUS semantics', () => {
    const imported = run([profile([0.4, 0.6])]);
    expect(imported.negotiation.issues).toEqual([
      { name: 'Colour', options: ['red', 'blue'] },
      { name: 'Price', options: ['10', '11', '12'] },
    ]);
    const [p] = imported.profiles;
    // Discrete evaluations are divided by the issue's best; integers are offset + slope·(v − lower), clamped.
    expect(p!.evaluations).toEqual([
      [1, 0.5],
      [1, 0.5, 0],
    ]);
    expect(p!.reservationValue).toBe(0.25);
    expect(p!.discountFactor).toBe(0.9);
    expect(utilitiesOf(imported.negotiation, [1, 1])).toEqual([0.4 * 0.5 + 0.6 * 0.5]);
  });

  it('uses 0 as the disagreement value when a profile gives no reservation value', () => {
    const imported = run([profile([0.5, 0.5], '', '')]);
    expect(imported.profiles[0]!.reservationValue).toBe(0);
    expect(imported.profiles[0]!.reservationDefaulted).toBe(true);
  });

  it('reads weights that do not sum to 1 as written, with a located warning, or divides them on request', () => {
    const raw = run([profile([0.5, 0.6])]);
    expect(raw.weightHandling).toBe('raw');
    expect(raw.negotiation.stakeholders[0]!.scores[0]).toEqual([0.5, 0.25]);
    expect(raw.profiles[0]!.warnings).toEqual([
      'toy-1.xml:10:1: the issue weights sum to 1.1, not 1; read as GENIUS reads them, as written, so the best package scores 1.1 and utilities are capped at 1 (--normalize-weights divides them by their sum instead)',
    ]);
    expect(raw.caps).toEqual([true]);
    const normalised = run([profile([0.5, 1.5])], { normalizeWeights: true });
    expect(normalised.negotiation.stakeholders[0]!.scores[0]).toEqual([0.25, 0.125]);
    expect(normalised.caps).toEqual([false]);
    expect(normalised.profiles[0]!.warnings).toEqual([
      'toy-1.xml:10:1: the issue weights sum to 2, not 1; divided by their sum (--normalize-weights)',
    ]);
  });

  it('reports malformed XML with its line and column', () => {
    expect(errorOf(() => run(['<utility_space>\n<objective>\n</utility_space>']))).toMatch(
      /^toy-1\.xml:3:1: not well-formed XML: /,
    );
  });

  it('reports a domain issue the profile does not evaluate', () => {
    const missing = profile([0.5, 0.5]).replace(/<issue index="2"[\s\S]*?<\/issue>/, '');
    expect(errorOf(() => run([missing]))).toBe(
      'toy-1.xml:2:1: the profile has no evaluation for domain issue 2 ("Price")',
    );
  });

  it('reports an item the domain does not know and an item without evaluation', () => {
    const unknown = profile([0.5, 0.5]).replace(
      'value="blue" evaluation="2"',
      'value="green" evaluation="2"',
    );
    expect(errorOf(() => run([unknown]))).toBe(
      'toy-1.xml:3:1: value "blue" of issue "Colour" has no evaluation',
    );
    const noEvaluation = profile([0.5, 0.5]).replace(' evaluation="2"', '');
    expect(errorOf(() => run([noEvaluation]))).toBe('toy-1.xml:5:1: <item> lacks the attribute evaluation');
  });

  it('reports unsupported issue types in the domain', () => {
    const real = domainXml.replace('vtype="integer" type="integer" etype="integer"', 'type="real"');
    expect(errorOf(() => parseGeniusDomain(real, 'd.xml'))).toBe(
      'd.xml:8:1: issue "Price" has type "real"; Parley reads discrete and integer issues only',
    );
  });
});

describe('GENIUS XML export', () => {
  it('round-trips: utilities come back scaled by each actor’s best, and the solution packages are unchanged', () => {
    const domain = {
      issues: [
        { name: 'ceiling', options: ['85000', '150000', '250000'] },
        { name: 'rule', options: ['individual', 'all-agree'] },
        { name: 'ignored', options: ['a', 'b'] },
      ],
      stakeholders: [
        {
          id: 'ru',
          role: 'party' as const,
          scores: [
            [0.5, 0.2, 0],
            [0, 0.3],
            [0, 0],
          ],
          reservationValue: 0.3,
        },
        {
          id: 'ua',
          role: 'party' as const,
          scores: [
            [0, 0.25, 0.5],
            [0.4, 0.1],
            [0.05, 0],
          ],
          reservationValue: 0.35,
        },
      ],
    };
    const exported = exportGenius(domain, 'toy');
    const back = importGenius(
      { file: 'd.xml', text: exported.domain },
      exported.profiles.map((p) => ({ file: `${p.id}.xml`, text: p.xml })),
    );
    expect(back.negotiation.issues).toEqual(domain.issues);
    const best = [0.8, 0.95];
    domain.stakeholders.forEach((s, q) => {
      s.scores.forEach((row, i) =>
        row.forEach((v, j) =>
          expect(back.negotiation.stakeholders[q]!.scores[i]![j]!).toBeCloseTo(v / best[q]!, 12),
        ),
      );
      expect(back.profiles[q]!.reservationValue).toBeCloseTo(s.reservationValue / best[q]!, 12);
    });
    const before = bargainingSolutions(domain).points;
    const after = bargainingSolutions(back.negotiation).points;
    for (const name of ['nash', 'kalaiSmorodinsky'] as const) {
      const a = before[name];
      const b = after[name];
      expect('candidate' in a && 'candidate' in b).toBe(true);
      if ('candidate' in a && 'candidate' in b) expect(b.candidate.outcome).toEqual(a.candidate.outcome);
    }
  });
});
