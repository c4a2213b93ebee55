import { describe, expect, it } from 'vitest';
import type { AnalystModel, StakeholderModel } from '@parley/model/schema/analyst-model.ts';
import { SeededRandom } from '../random/seeded-random.ts';
import { agreementSet } from './agreement.ts';
import { interactionTerms } from './case-interactions.ts';
import {
  analysedOn,
  buildCaseBargaining,
  domainOn,
  type CaseBargaining,
  type ModelIssue,
} from './case-model.ts';
import { objectiveValue, type SearchObjective } from './objectives.ts';
import { isRequiredSignatory, partyIndices, type Outcome } from './outcome-space.ts';
import { paretoFrontier } from './pareto.ts';
import { checkModelReferences } from './references.ts';
import { bargainingSolutions, SOLUTION_NAMES, solutionObjective } from './solutions.ts';

const why = 'an invented judgement for the tests';

/** Four issues of every scorable kind but number; `g` is the set issue of guarantors. */
const agenda: ModelIssue[] = [
  { id: 'n', kind: 'boolean' },
  { id: 'r', kind: 'choice', options: ['a', 'b', 'c'].map((id) => ({ id, label: id })) },
  { id: 'g', kind: 'set', members: ['x', 'y'] },
  { id: 's', kind: 'choice', options: ['p', 'q', 'r', 's'].map((id) => ({ id, label: id })) },
];
const optionIds: Record<string, string[]> = {
  n: ['yes', 'no'],
  r: ['a', 'b', 'c'],
  g: ['none', 'x-only', 'both'],
  s: ['p', 'q', 'r', 's'],
};

/** A seeded case model: two parties and guarantor x, random scores, reservations and interactions. */
function randomModel(seed: number): AnalystModel {
  const random = new SeededRandom(seed);
  const pick = <T>(list: T[]) => list[Math.min(list.length - 1, Math.floor(random.float() * list.length))]!;
  const round = (x: number) => Math.round(x * 100) / 100;
  const stakeholder = (actor: string, role: 'party' | 'guarantor'): StakeholderModel => ({
    actor,
    role,
    summary: actor,
    issues: Object.fromEntries(
      agenda.map((i) => [
        i.id,
        {
          weight: { value: round(0.1 + random.float()), rationale: why },
          scores: {
            value: Object.fromEntries(optionIds[i.id]!.map((o) => [o, round(random.float())])),
            rationale: why,
          },
        },
      ]),
    ),
    reservation: [
      { event: 'start', date: '2030-01-01', value: round(0.2 + 0.4 * random.float()), rationale: why },
    ],
  });
  const stakeholders = [stakeholder('A', 'party'), stakeholder('B', 'party'), stakeholder('x', 'guarantor')];
  for (let k = 0; k < 3; k++) {
    const [first, second] = pick([
      ['n', 'r'],
      ['r', 's'],
      ['n', 'g'],
      ['g', 's'],
    ])!;
    const someOf = (issue: string) => {
      const chosen = optionIds[issue]!.filter(() => random.float() < 0.5);
      return chosen.length > 0 ? chosen : [optionIds[issue]![0]!];
    };
    const owner = pick(stakeholders);
    (owner.interactions ??= []).push({
      id: `i${k}`,
      when: { [first!]: someOf(first!), [second!]: someOf(second!) },
      value: { value: round(random.float() * 0.6 - 0.3), rationale: why },
    });
  }
  return {
    status: 'assumption',
    summary: 'generated',
    guarantorIssue: 'g',
    grids: {},
    packages: {
      g: [
        { id: 'none', label: 'none', members: [] },
        { id: 'x-only', label: 'x', members: ['x'] },
        { id: 'both', label: 'x and y', members: ['x', 'y'] },
      ],
    },
    stakeholders,
    scenarios: [],
  };
}

function withoutInteractions(model: AnalystModel): AnalystModel {
  for (const s of model.stakeholders) delete s.interactions;
  return model;
}

/** A stakeholder's utility of a case package straight from model.yaml: weighted mean plus interactions. */
function modelUtility(model: AnalystModel, b: CaseBargaining, q: number, outcome: Outcome): number {
  const s = model.stakeholders[q]!;
  const total = Object.values(s.issues).reduce((sum, v) => sum + v.weight.value, 0);
  const option = (issueId: string) => {
    const i = b.issues.findIndex((c) => c.id === issueId);
    return b.issues[i]!.options[outcome[i]!]!;
  };
  let u = 0;
  for (const [issueId, v] of Object.entries(s.issues))
    u += (v.weight.value / total) * v.scores!.value[option(issueId)]!;
  for (const x of s.interactions ?? [])
    if (Object.entries(x.when).every(([i, options]) => options.includes(option(i)))) u += x.value.value;
  return u;
}

/** Every case package with its utilities, enumerated (the independent baseline). */
function everyPackage(model: AnalystModel, b: CaseBargaining): { outcome: Outcome; utilities: number[] }[] {
  const sizes = b.issues.map((i) => i.options.length);
  const all: { outcome: Outcome; utilities: number[] }[] = [];
  const total = sizes.reduce((p, n) => p * n, 1);
  for (let c = 0; c < total; c++) {
    const outcome: Outcome = [];
    let rest = c;
    for (let i = sizes.length - 1; i >= 0; i--) {
      outcome[i] = rest % sizes[i]!;
      rest = Math.floor(rest / sizes[i]!);
    }
    all.push({ outcome, utilities: model.stakeholders.map((_, q) => modelUtility(model, b, q, outcome)) });
  }
  return all;
}

describe('interactions in the case model', () => {
  it('compiles an interaction into hyper-rectangles, options that are not neighbours into disjoint boxes', () => {
    const model = withoutInteractions(randomModel(1));
    model.stakeholders[1]!.interactions = [
      {
        id: 'neutral-without-guarantee',
        when: { n: ['yes'], s: ['p', 'r', 's'] },
        value: { value: -0.25, rationale: why },
      },
    ];
    const b = buildCaseBargaining(agenda, model);
    expect(interactionTerms(b.issues, model)).toEqual([
      [],
      [
        {
          value: -0.25,
          bounds: [
            { issue: 0, lo: 0, hi: 0 },
            { issue: 3, lo: 0, hi: 0 },
          ],
          source: 'B.interactions.neutral-without-guarantee',
        },
        {
          value: -0.25,
          bounds: [
            { issue: 0, lo: 0, hi: 0 },
            { issue: 3, lo: 2, hi: 3 },
          ],
          source: 'B.interactions.neutral-without-guarantee',
        },
      ],
      [],
    ]);
    // n and s become one issue of 2 × 4 combinations, first n then s; r and g stay as they were.
    const analysed = analysedOn(b, '2030-01-01');
    expect(analysed.domain.issues.map((i) => i.name)).toEqual(['n + s', 'r', 'g']);
    expect(analysed.domain.issues[0]!.options).toEqual([
      'yes + p',
      'yes + q',
      'yes + r',
      'yes + s',
      'no + p',
      'no + q',
      'no + r',
      'no + s',
    ]);
    expect(analysed.unfold([5, 2, 1])).toEqual([1, 2, 1, 1]);
    expect(analysed.fold([1, 2, 1, 1])).toEqual([5, 2, 1]);
    // The guarantor's consent is still asked when the package names it (options x-only and both).
    expect(analysed.domain.stakeholders[2]!.obligedWhen).toEqual({ issue: 2, options: [1, 2] });
  });

  it('leaves a model without interactions on the additive path', () => {
    const model = withoutInteractions(randomModel(2));
    const b = buildCaseBargaining(agenda, model);
    const analysed = analysedOn(b, '2030-01-01');
    expect(analysed.domain).toBe(analysed.original);
    expect(analysed.domain).toEqual(domainOn(b, '2030-01-01'));
  });

  it('finds the margin, the ideal point, every solution and the frontier size that enumeration finds', () => {
    const day = '2030-01-01';
    let compound = 0;
    let open = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const model = randomModel(seed);
      const b = buildCaseBargaining(agenda, model);
      const analysed = analysedOn(b, day);
      compound += analysed.domain.issues.length < agenda.length ? 1 : 0;
      const original = domainOn(b, day);
      const packages = everyPackage(model, b);
      // Each analysed package has the utilities the model gives the case package it stands for.
      for (const p of packages) {
        const folded = analysed.fold(p.outcome);
        const utilities = analysed.domain.stakeholders.map((s) =>
          s.scores.reduce((u, row, i) => u + row[folded[i]!]!, 0),
        );
        utilities.forEach((u, q) => expect(u).toBeCloseTo(p.utilities[q]!, 12));
      }
      const best = (objective: SearchObjective) =>
        Math.max(...packages.map((p) => objectiveValue(original, objective, p.outcome, p.utilities)));
      const margin = best({
        kind: 'maxmin',
        weights: [1, 1, 1],
        thresholds: original.stakeholders.map((s) => s.reservationValue),
        enforceReservation: false,
      });
      const set = agreementSet(analysed.domain);
      expect(set.margin).toBeCloseTo(margin, 12);
      if (!set.open) continue;
      open++;
      const qualifying = packages.filter((p) =>
        original.stakeholders.every(
          (s, q) => !isRequiredSignatory(s, p.outcome) || p.utilities[q]! >= s.reservationValue,
        ),
      );
      const ideal = original.stakeholders.map((s, q) =>
        s.role === 'party' ? Math.max(...qualifying.map((p) => p.utilities[q]!)) : 0,
      );
      const solved = bargainingSolutions(analysed.domain);
      solved.ideal!.forEach((u, q) => expect(u).toBeCloseTo(ideal[q]!, 12));
      for (const name of SOLUTION_NAMES) {
        const expected = best(solutionObjective(original, name, ideal)!);
        const point = solved.points[name];
        if (expected === -Infinity) expect('reason' in point).toBe(true);
        else if ('candidate' in point) {
          expect(point.candidate.value).toBeCloseTo(expected, 12);
          // The point's package, read back as a case package, is worth what the point says.
          const unfolded = analysed.unfold(point.candidate.outcome);
          point.candidate.utilities.forEach((u, q) =>
            expect(u).toBeCloseTo(modelUtility(model, b, q, unfolded), 12),
          );
        } else expect.fail(`${name} of seed ${seed}: ${point.reason}`);
      }
      // The parties' frontier: distinct non-dominated utility vectors over every package.
      const parties = partyIndices(original);
      const vectors = packages.map((p) => parties.map((q) => p.utilities[q]!));
      const frontier = vectors.filter(
        (v, k) =>
          !vectors.some(
            (w) => w.every((x, j) => x >= v[j]! - 1e-12) && w.some((x, j) => x > v[j]! + 1e-12),
          ) && vectors.findIndex((w) => w.every((x, j) => Math.abs(x - v[j]!) <= 1e-12)) === k,
      );
      expect(paretoFrontier(analysed.domain).size).toBe(frontier.length);
    }
    // The seeds exercise both compound issues and open agreement sets.
    expect(compound).toBe(40);
    expect(open).toBeGreaterThan(10);
  });

  it('reports an interaction naming an unknown stakeholder, issue or option where it stands', () => {
    const model = withoutInteractions(randomModel(3));
    model.stakeholders[0]!.interactions = [
      { id: 'a', when: { n: ['yes'], q: ['a'] }, value: { value: 0.1, rationale: why } },
      { id: 'b', when: { r: ['d'] }, value: { value: 0.1, rationale: why }, sources: ['s9'] },
    ];
    model.stakeholders[2]!.interactions = [
      { id: 'a', when: { n: ['yes'], r: ['a'] }, value: { value: 0.1, rationale: why } },
      { id: 'a', when: { n: ['no'], r: ['b'] }, value: { value: 0.1, rationale: why } },
    ];
    const problems: string[] = [];
    const ids = {
      actors: new Set(['A', 'B', 'x']),
      issues: new Map(
        agenda.map((i) => [i.id, { kind: i.kind, options: i.options?.map((o) => o.id), members: i.members }]),
      ),
      events: new Set(['start']),
      sources: new Set(['s1']),
    };
    checkModelReferences(model, ids, (path, message) => problems.push(`${path.join('.')}: ${message}`));
    // Inside the stakeholder's entry: a viewer who cannot see q loses A's model, not B's.
    expect(problems).toEqual([
      'stakeholders.0.interactions.0.when.q: unknown issue "q"',
      'stakeholders.0.interactions.1.when: an interaction joins at least two issues (one issue alone is a score: put it under scores)',
      'stakeholders.0.interactions.1.when.r.0: "d" is not an option of issue "r" (it has a, b, c)',
      'stakeholders.0.interactions.1.sources.0: unknown source "s9"',
      'stakeholders.2.interactions.1.id: x has two interactions with id "a"',
    ]);
  });
});
