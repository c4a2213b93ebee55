import { describe, expect, it } from 'vitest';
import { randomDomain } from '../../bargaining/random-domain.ts';
import { simulateOnce, type PartyPlay } from '../run.ts';

const conceder: PartyPlay = { tactic: { kind: 'time-dependent', e: 2 }, acceptance: { kind: 'next' } };
const domain = randomDomain({ issues: 6, options: 5, parties: 3, seed: 21, reservationShare: 0.4 });

describe('single negotiating text', () => {
  it('veto: the agreement is the first text every party signs, and every party signs on its curve', () => {
    const run = simulateOnce(domain, {
      protocol: 'single-text',
      variant: 'veto',
      deadline: 200,
      plays: [conceder, conceder, conceder],
      seed: 4,
    });
    expect(run.agreement).not.toBeNull();
    const proposals = run.trace.filter((e) => e.action === 'propose');
    expect(proposals).toHaveLength(run.agreement!.step + 1);
    const last = proposals.at(-1)!;
    expect(Object.values(last.responses!)).toEqual(['accept', 'accept', 'accept']);
    expect(proposals.slice(0, -1).every((e) => Object.values(e.responses!).includes('reject'))).toBe(true);
    domain.stakeholders.forEach((s, q) =>
      expect(run.agreement!.utilities[q]).toBeGreaterThanOrEqual(s.reservationValue),
    );
  });

  it('hill-climbing: the text moves only when nobody is worse off, so utilities never fall', () => {
    const run = simulateOnce(domain, {
      protocol: 'single-text',
      variant: 'hill-climbing',
      deadline: 300,
      plays: [conceder, conceder, conceder],
      seed: 4,
    });
    let current = run.trace[0]!.utilities!;
    for (const e of run.trace.slice(1, -1)) {
      if (Object.values(e.responses!).every((a) => a === 'better')) {
        for (const id of Object.keys(current)) expect(e.utilities![id]).toBeGreaterThanOrEqual(current[id]!);
        current = e.utilities!;
      }
    }
    const final = run.trace.at(-1)!;
    expect(final.utilities).toEqual(current);
    expect(final.action).toBe(run.agreement ? 'agree' : 'end');
  });
});
