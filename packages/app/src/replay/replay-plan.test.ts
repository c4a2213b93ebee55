import { describe, expect, it } from 'vitest';
import { loadTestCase } from '@parley/case-files/cases.test-support.ts';
import { replayPlan, type ReplayStep } from './replay-plan.ts';

const count = (plan: ReplayStep[]) =>
  plan.reduce<Record<string, number>>((a, s) => ((a[s.action] = (a[s.action] ?? 0) + 1), a), {});

describe('replayPlan', () => {
  it('turns the embedded case into the talks as a mediator lived them, in date order', async () => {
    const plan = replayPlan(await loadTestCase('embedded'));
    expect(count(plan)).toEqual({ event: 47, round: 9, version: 5, package: 9, answer: 7 });
    expect(plan.map((s) => s.seq)).toEqual(plan.map((_, i) => i + 1));
    // On the Istanbul day the round opens, then the world outside, then the communiqué, then moves.
    const istanbul = plan.filter((s) => s.date === '2022-03-29');
    expect(istanbul.map((s) => s.action)).toEqual([
      'round',
      'event',
      'version',
      'package',
      'package',
      'answer',
    ]);
    expect(istanbul[0]?.summary).toBe(
      'Round 7: Istanbul round (in-person, Istanbul, Turkey (Dolmabahce Palace, or per one report a building next to it))',
    );
    const ruPackage = plan.find((s) => s.action === 'package' && s.party === 'ru' && s.date === '2022-03-29');
    expect(ruPackage).toMatchObject({
      channel: { kind: 'plenary' },
      carryTo: [],
      values: { guarantors: expect.any(Array), withdrawal: expect.any(String) },
    });
    expect(ruPackage).not.toHaveProperty('reconstruction');
  });

  it('puts a move made during a shuttle in its party’s caucus and has the mediator carry it, marked as reconstruction', async () => {
    const c = await loadTestCase('embedded');
    const shuttled = {
      ...c,
      rounds: c.rounds.map((r) => (r.date === '2022-03-29' ? { ...r, format: 'shuttle' as const } : r)),
    };
    const plan = replayPlan(shuttled);
    const ua = plan.find((s) => s.action === 'package' && s.party === 'ua' && s.date === '2022-03-29');
    expect(ua).toMatchObject({ channel: { kind: 'caucus', party: 'ua' }, carryTo: ['ru'] });
    expect(ua?.reconstruction).toMatch(/^placed in the caucus because the round in force was a shuttle/);
    const answer = plan.find((s) => s.action === 'answer' && s.date === '2022-03-29');
    expect(answer).toMatchObject({ channel: { kind: 'caucus', party: 'ru' }, answer: 'accepted' });
  });
});
