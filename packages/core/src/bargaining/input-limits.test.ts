import { isParleyError } from '@parley/model/errors.ts';
import type { AnalystModel } from '@parley/model/schema/analyst-model.ts';
import { describe, expect, it } from 'vitest';
import { buildCaseBargaining } from './case-model.ts';
import { undominatedOptions } from './dominance.ts';
import { importGenius } from './genius/genius-xml.ts';
import { importGeniusWeb } from './genius/geniusweb-import.ts';
import { domainProblems, MAX_ISSUE_OPTIONS, type NegotiationDomain } from './outcome-space.ts';
import { nondominated, paretoFrontier } from './pareto.ts';
import { randomDomain } from './random-domain.ts';

/**
 * Issue 9: inputs that used to exhaust memory or run for minutes end within a documented bound —
 * an answer, a frontier reported as not computed, or a located message.
 */

const messageOf = (f: () => unknown, code: Parameters<typeof isParleyError>[1]) => {
  try {
    f();
  } catch (error) {
    if (isParleyError(error, code)) return error.message;
    throw error;
  }
  throw new Error(`expected a ${code} ParleyError`);
};

describe('undominatedOptions', () => {
  it('sorts and sweeps a 40,000-value issue instead of comparing every pair', () => {
    const m = 40_000;
    // Two parties with opposite linear evaluations: every value is undominated.
    const domain: NegotiationDomain = {
      issues: [{ name: 'price', options: Array.from({ length: m }, (_, k) => String(k)) }],
      stakeholders: [
        {
          id: 'buyer',
          role: 'party',
          scores: [Array.from({ length: m }, (_, k) => 1 - k / m)],
          reservationValue: 0,
        },
        {
          id: 'seller',
          role: 'party',
          scores: [Array.from({ length: m }, (_, k) => k / m)],
          reservationValue: 0,
        },
      ],
    };
    const all = domain.issues[0]!.options.map((_, k) => k);
    // Comparing every pair took 12.9 s at 10,000 values, so minutes here (past the test timeout).
    expect(undominatedOptions(domain, 0, all)).toEqual(all);
  });

  it('keeps the order of the options it is given and the first of identical twins', () => {
    const domain: NegotiationDomain = {
      issues: [{ name: 'i', options: ['a', 'b', 'c', 'd', 'e'] }],
      stakeholders: [
        { id: 'x', role: 'party', scores: [[0.9, 0.5, 0.5, 0.4, 0.5]], reservationValue: 0 },
        { id: 'y', role: 'party', scores: [[0.1, 0.5, 0.5, 0.5, 0.5]], reservationValue: 0 },
        { id: 'z', role: 'party', scores: [[0.0, 0.2, 0.2, 0.2, 0.2]], reservationValue: 0 },
        { id: 'w', role: 'party', scores: [[0.0, 0.3, 0.3, 0.3, 0.3]], reservationValue: 0 },
      ],
    };
    // Four stakeholders: b, c and e are twins (b first), d is beaten by b.
    expect(undominatedOptions(domain, 0, [4, 3, 2, 1, 0])).toEqual([4, 0]);
    expect(undominatedOptions(domain, 0, [0, 1, 2, 3, 4])).toEqual([0, 1]);
  });
});

describe('paretoFrontier within its work limits', () => {
  it('reports the frontier of four or more parties as not computed once the dominance tests exceed the limit', () => {
    const domain = randomDomain({ issues: 12, options: 10, parties: 4, seed: 3 });
    const result = paretoFrontier(domain, { comparisons: 100_000 });
    expect(result.size).toBeNull();
    if (result.size === null)
      expect(result.reason).toMatch(
        /^with 4 parties the partial frontier after \d+ issues has \d+ points; merging issue \d+ would need more than the limit of 100000 dominance tests$/,
      );
    // The same sweep without a limit is what nondominated computes.
    const small = randomDomain({ issues: 3, options: 4, parties: 4, seed: 3 });
    expect(paretoFrontier(small, { comparisons: 1e9 }).size).toBe(paretoFrontier(small).size);
  });

  it('stops when the candidates tested over all merges exceed the limit', () => {
    const domain = randomDomain({ issues: 8, options: 10, parties: 2, seed: 5 });
    const result = paretoFrontier(domain, { totalCandidates: 50 });
    expect(result.size).toBeNull();
    if (result.size === null)
      expect(result.reason).toMatch(/candidates tested to \d+, above the limit of 50$/);
  });

  it('finishes 60 issues × 10 values for five parties within the default limits', () => {
    const domain = randomDomain({ issues: 60, options: 10, parties: 5, seed: 1 });
    // Before the limit on dominance tests this ran for minutes (past the test timeout).
    const result = paretoFrontier(domain);
    expect(result.size).toBeNull();
    if (result.size === null)
      expect(result.reason).toMatch(/would need more than the limit of 50000000 dominance tests$/);
  });

  it('still finds every non-dominated point of four dimensions', () => {
    const points = Float64Array.from([1, 1, 1, 1, 2, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0.5, 1, 1, 1, 0]);
    expect(nondominated(points, 5, 4).sort()).toEqual([0, 1]);
  });
});

describe('number issues within MAX_ISSUE_OPTIONS', () => {
  it('refuses a model grid of 10^9 points before building it', () => {
    const model = {
      status: 'assumption',
      summary: 'x',
      grids: { n: { from: 0, to: 1e9, step: 1 } },
      packages: {},
      stakeholders: [
        {
          actor: 'a',
          role: 'party',
          summary: 'x',
          issues: {
            n: {
              weight: { value: 1, rationale: 'r' },
              curve: {
                value: [
                  [0, 0],
                  [1, 1],
                ],
                rationale: 'r',
              },
            },
          },
          reservation: [{ event: 'e', date: '2030', value: 0, rationale: 'r' }],
        },
      ],
      scenarios: [],
    } as unknown as AnalystModel;
    expect(messageOf(() => buildCaseBargaining([{ id: 'n', kind: 'number' }], model), 'invalid-model')).toBe(
      'number issue "n": its grid and curve breakpoints make up to 1,000,000,003 values, above the limit of 1,000 per number issue (see "Limits" in docs/deals.md); use a coarser step',
    );
    expect(
      domainProblems({
        issues: [{ name: 'n', options: Array.from({ length: MAX_ISSUE_OPTIONS + 1 }, String) }],
        stakeholders: [],
      }),
    ).toContain('issue 0 (n) has 10,001 options, above the limit of 10,000');
  });

  it('refuses a GeniusWeb range of more than MAX_ISSUE_OPTIONS values', () => {
    const text = JSON.stringify({
      LinearAdditiveUtilitySpace: {
        domain: { name: 'd', issuesValues: { n: { range: { low: 0, high: 1e9, step: 1 } } } },
        issueWeights: { n: 1 },
        issueUtilities: {
          n: { numberutils: { lowValue: 0, lowUtility: 0, highValue: 1e9, highUtility: 1 } },
        },
      },
    });
    expect(messageOf(() => importGeniusWeb([{ file: 'w.json', text }]), 'invalid-genius')).toBe(
      'range low 0, high 1000000000, step 1 has 1,000,000,001 values, above the limit of 10,000 per issue (see "Limits" in docs/deals.md)',
    );
  });
});

describe('GENIUS files that used to crash or mislead', () => {
  const domainXml = (upper: number) => `<negotiation_template>
<utility_space>
<objective index="0" name="Int" type="objective">
<issue index="1" name="Colour" type="discrete"><item index="1" value="red"/><item index="2" value="blue"/></issue>
  <issue index="2" name="Price" lowerbound="0" upperbound="${upper}" type="integer"/>
</objective>
</utility_space>
</negotiation_template>`;
  const profileXml = (
    weights: [string, string],
    evaluations: [string, string] = ['1', '0.5'],
    offset = '0',
  ) =>
    `<utility_space>
<objective index="0" name="Int" type="objective">
<issue index="1" name="Colour" type="discrete"><item index="1" value="red" evaluation="${evaluations[0]}"/><item index="2" value="blue" evaluation="${evaluations[1]}"/></issue>
<issue index="2" name="Price" lowerbound="0" upperbound="10" type="integer"><evaluator ftype="linear" offset="${offset}" slope="0"/></issue>
  <weight index="1" value="${weights[0]}"/>
<weight index="2" value="${weights[1]}"/>
</objective>
</utility_space>`;
  const run = (domain: string, ...profiles: string[]) =>
    importGenius(
      { file: 'd.xml', text: domain },
      profiles.map((text, k) => ({ file: `p${k + 1}.xml`, text })),
      { normalizeWeights: true },
    );

  it('refuses an integer issue of 10^9 values at its element instead of exhausting the heap', () => {
    expect(messageOf(() => run(domainXml(1e9), profileXml(['0.5', '0.5'])), 'invalid-genius')).toBe(
      'd.xml:5:3: issue "Price" has 1,000,000,001 values, above the limit of 10,000 per issue (see "Limits" in docs/deals.md)',
    );
    expect(run(domainXml(10), profileXml(['0.5', '0.5'])).negotiation.issues[1]!.options).toHaveLength(11);
  });

  it('refuses weights whose sum overflows (every utility was 0) and a profile that values nothing', () => {
    expect(messageOf(() => run(domainXml(10), profileXml(['1e308', '1e308'])), 'invalid-genius')).toBe(
      'p1.xml:5:3: the issue weights sum to more than the largest number (utilities divide by that sum); GENIUS weights sum to 1',
    );
    expect(
      messageOf(() => run(domainXml(10), profileXml(['0.5', '0.5'], ['0', '0'])), 'invalid-genius'),
    ).toBe(
      'p1.xml:2:1: every outcome is worth 0 under this profile (the evaluations of every weighted issue are 0), so it prefers nothing; give the values evaluations',
    );
  });

  it('says a profile given where the domain belongs is a usage error, naming the file', () => {
    const profile = profileXml(['0.5', '0.5']);
    expect(
      messageOf(
        () => importGenius({ file: 'p1.xml', text: profile }, [{ file: 'p2.xml', text: profile }]),
        'usage',
      ),
    ).toBe(
      'p1.xml is a GENIUS preference profile (it weights or evaluates the issues), not a domain: give the domain file first, then the profiles (parley deals genius <domain.xml> <profile.xml>…)',
    );
  });
});
