import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../random/seeded-random.ts';
import { pie } from '../pie.test-support.ts';
import { simulateOnce, type PartyPlay } from '../run.ts';
import { titForTat } from './tit-for-tat.ts';

const state = (lastTarget: number | undefined, received: number[]) => ({
  time: 0.5,
  reservationValue: 0.2,
  best: 1,
  lastTarget,
  received,
  random: new SeededRandom(1),
});

describe('tit-for-tat', () => {
  it('opens at its best and waits for two offers', () => {
    for (const imitation of ['relative', 'absolute'] as const) {
      expect(titForTat(imitation).target(state(undefined, []))).toBe(1);
      expect(titForTat(imitation).target(state(0.9, [0.3]))).toBe(0.9);
    }
  });

  it('relative: gives up the share of its demand the other side gave up of its own', () => {
    // The other side's demand fell from 0.7 to 0.6 (a seventh): 0.2 + (0.8 − 0.2)·6/7.
    expect(titForTat('relative').target(state(0.8, [0.3, 0.4]))).toBeCloseTo(0.2 + (0.6 * 6) / 7, 12);
    expect(titForTat().name).toBe('tit-for-tat');
  });

  it('absolute: gives up the same amount of utility', () => {
    expect(titForTat('absolute').target(state(0.8, [0.3, 0.4]))).toBeCloseTo(0.7, 12);
    // A large concession is answered in full, even below the reservation value (the agent clamps).
    expect(titForTat('absolute').target(state(0.3, [0.1, 0.5]))).toBeCloseTo(-0.1, 12);
    expect(titForTat('absolute').name).toBe('tit-for-tat:absolute');
  });

  it('answers no retreat with one: the target never rises', () => {
    for (const imitation of ['relative', 'absolute'] as const)
      expect(titForTat(imitation).target(state(0.8, [0.4, 0.3]))).toBe(0.8);
  });

  it('in a run, each absolute answer mirrors the concession just made, to the pie’s slice', () => {
    const linear: PartyPlay = {
      tactic: { kind: 'time-dependent', e: 1 },
      acceptance: { kind: 'const', alpha: 2 },
    };
    const mirror: PartyPlay = {
      tactic: { kind: 'tit-for-tat', imitation: 'absolute' },
      acceptance: { kind: 'const', alpha: 2 },
    };
    const run = simulateOnce(pie(1000, 0.3), {
      protocol: 'saop',
      deadline: 40,
      plays: [linear, mirror],
      seed: 1,
    });
    const offers = run.trace.filter((e) => e.action === 'offer');
    const of = (party: string) => offers.filter((e) => e.party === party).map((e) => e.utilities!.b!);
    const theirs = of('a');
    const mine = of('b');
    expect(mine).toHaveLength(40);
    // Reservation values 0.3: a relative answer would give up less (a share of the demand above 0.3).
    // b moves second: its first offer answers one offer of a's, so it waits at its best; each
    // later one (k) answers a's concession from offer k − 1 to offer k, until the offers meet near
    // 0.5 (round 29), where the model of a makes b prefer a package a itself offered.
    expect(mine[0]).toBe(1);
    for (let k = 1; k < 28; k++) {
      const conceded = theirs[k]! - theirs[k - 1]!;
      expect(conceded).toBeGreaterThan(0.017 - 1e-12);
      // Its targets fall by exactly the concessions; each offer sits less than a slice above its target.
      expect(Math.abs(mine[k - 1]! - mine[k]! - conceded)).toBeLessThan(1 / 1000 + 1e-12);
    }
    // By then b has conceded as much as a, to a slice.
    expect(Math.abs(1 - mine[27]! - (theirs[27]! - theirs[0]!))).toBeLessThan(1 / 1000 + 1e-12);
  });
});
