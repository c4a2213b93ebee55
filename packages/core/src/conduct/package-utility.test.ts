import { describe, expect, it } from 'vitest';
import type { AnalystModel, StakeholderModel } from '@parley/model/schema/analyst-model.ts';
import type { Issue } from '@parley/model/schema/issues.ts';
import { packageUtility } from './package-utility.ts';
import { packageProblems } from './package-values.ts';

const why = 'invented for the test';
const agenda: Issue[] = [
  { id: 'flow', title: 'Flow', kind: 'number', unit: 'm3/s', category: 'economic', sources: ['s'] },
  {
    id: 'monitor',
    title: 'Monitor',
    kind: 'choice',
    category: 'procedure',
    options: [
      { id: 'league', label: 'League' },
      { id: 'joint', label: 'Joint' },
    ],
    sources: ['s'],
  },
  { id: 'dams', title: 'Dams', kind: 'boolean', category: 'economic', sources: ['s'] },
  { id: 'guards', title: 'Guards', kind: 'set', category: 'other', members: ['a', 'b'], sources: ['s'] },
];
const south: StakeholderModel = {
  actor: 'south',
  role: 'party',
  summary: 'test',
  issues: {
    flow: {
      weight: { value: 2, rationale: why },
      curve: {
        value: [
          [0, 0],
          [100, 1],
        ],
        rationale: why,
      },
    },
    dams: { weight: { value: 1, rationale: why }, scores: { value: { yes: 1, no: 0 }, rationale: why } },
    guards: { weight: { value: 1, rationale: why }, members: { value: { a: 0.75, b: 0.5 }, rationale: why } },
  },
  reservation: [{ event: 'start', date: '2030-01-01', value: 0.5, rationale: why }],
} as StakeholderModel;
const model = { grids: {}, packages: {}, stakeholders: [south], scenarios: [] } as unknown as AnalystModel;

describe('a package valued by one party', () => {
  it('weighs each valued issue: a curve interpolated, a boolean scored, a set by its members (clamped)', () => {
    const values = [
      { issue: 'flow', value: 25 },
      { issue: 'dams', value: true },
      { issue: 'guards', value: ['a', 'b'] },
      { issue: 'monitor', value: 'joint' },
    ];
    // (2 × 0.25 + 1 × 1 + 1 × min(1, 1.25)) / 4
    expect(packageUtility(south, values, agenda, model)).toEqual({ utility: 0.625, open: [] });
  });

  it('scores an issue the package leaves open as 0, and names it', () => {
    expect(packageUtility(south, [{ issue: 'dams', value: false }], agenda, model)).toEqual({
      utility: 0,
      open: ['flow', 'guards'],
    });
  });
});

describe('the values of a package', () => {
  it('are accepted when each fits its issue', () => {
    expect(
      packageProblems(
        [
          { issue: 'flow', value: 40, unit: 'm3/s' },
          { issue: 'guards', value: ['b'] },
        ],
        agenda,
      ),
    ).toEqual([]);
  });

  it('are refused at their field otherwise', () => {
    expect(
      packageProblems(
        [
          { issue: 'flow', value: 'lots' },
          { issue: 'guards', value: ['a', 'a'] },
        ],
        agenda,
        ['content', 'values'],
      ),
    ).toEqual([
      {
        code: 'invalid-value',
        severity: 'error',
        path: 'content.values[0].value',
        message: 'issue "flow" is a number (m3/s); got string',
      },
      {
        code: 'invalid-value',
        severity: 'error',
        path: 'content.values[1].value',
        message: 'a member is named twice in the set of issue "guards"',
      },
    ]);
  });
});
