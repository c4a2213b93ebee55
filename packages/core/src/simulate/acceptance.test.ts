import { describe, expect, it } from 'vitest';
import { pie } from './pie.test-support.ts';
import type { Acceptance } from './acceptance.ts';
import { simulateOnce, type PartyPlay } from './run.ts';

const linear: PartyPlay = { tactic: { kind: 'time-dependent', e: 1 }, acceptance: { kind: 'next' } };
const hardliner = (acceptance: Acceptance): PartyPlay => ({
  tactic: { kind: 'time-dependent', e: 0 },
  acceptance,
});
const run = (plays: PartyPlay[]) =>
  simulateOnce(pie(100, 0.2), { protocol: 'saop', deadline: 10, seed: 1, plays });

describe('AC_last: on its last chance a party takes anything at or above its limit', () => {
  it('the last mover accepts the standing offer that AC_next alone turns down', () => {
    // 10 rounds, 20 turns. a (linear, rv 0.2) offers at turn 18 (t = 0.9) the share meeting
    // 0.2 + 0.8·0.1 = 0.28; the hardliner b asks for everything, so AC_next never accepts.
    const plain = run([linear, hardliner({ kind: 'next' })]);
    expect(plain.ending).toBe('deadline');
    expect(plain.trace.at(-2)).toMatchObject({ step: 18, party: 'a', offer: { share: '28' } });
    // At turn 19 no counter-offer of b could be answered: AC_last takes a's 72 slices for b.
    const last = run([linear, hardliner({ kind: 'or', of: [{ kind: 'next' }, { kind: 'last' }] })]);
    expect(last.agreement).toMatchObject({ step: 19, round: 10, package: { share: '28' } });
    expect(last.agreement!.utilities).toEqual([0.28, 0.72]);
  });

  it("is not the first mover's final turn: the other can still accept its counter-offer", () => {
    const result = run([hardliner({ kind: 'last' }), linear]);
    expect(result.ending).toBe('deadline');
    expect(result.trace.filter((t) => t.action === 'accept')).toEqual([]);
  });
});
