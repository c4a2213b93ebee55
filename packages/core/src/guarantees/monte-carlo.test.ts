import { describe, expect, it } from 'vitest';
import type { GuaranteeInstrument } from '@parley/model/schema/guarantee.ts';
import { compileInstrument } from './compile.ts';
import type { InstrumentSetting } from './context.ts';
import { simulate } from './monte-carlo.ts';
import { wilsonInterval } from './wilson.ts';

const instrument = (decisionRule: GuaranteeInstrument['decisionRule']): InstrumentSetting => ({
  instrument: {
    id: 'test',
    title: 'test',
    date: '2000',
    guaranteedState: 'v',
    guarantors: ['a', 'b', 'c'],
    triggers: ['armed-attack'],
    requiresRequest: false,
    decisionRule,
    obligation: 'must-act',
    assistance: ['weapons', 'armed-force'],
    provisions: [{ id: 'p', label: 'Art. 1', summary: 's', covers: ['guarantors'] }],
    sources: ['s'],
  },
  places: new Map(),
});

// Slots: weapons, armed-force. Guarantor a, b, c.
const probabilities = [
  [0.5, 0.2],
  [0.3, 0.1],
  [0.9, 0.0],
];

describe('wilsonInterval', () => {
  it('gives the textbook values', () => {
    const [lo, hi] = wilsonInterval(50, 100);
    expect(lo).toBeCloseTo(0.4038, 4);
    expect(hi).toBeCloseTo(0.5962, 4);
    expect(wilsonInterval(0, 100)[0]).toBe(0);
    expect(wilsonInterval(0, 100)[1]).toBeCloseTo(0.037, 3);
    expect(wilsonInterval(100, 100)[1]).toBe(1);
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });
});

describe('simulate', () => {
  const run = (rule: GuaranteeInstrument['decisionRule'], seed: number, runs = 20000) => {
    const compiled = compileInstrument(instrument(rule));
    return simulate(compiled, {
      attacker: -1,
      place: 0,
      trigger: compiled.triggerIndex('armed-attack'),
      probabilities,
      runs,
      seed,
    });
  };

  it('is reproducible for a given seed', () => {
    expect(run('individual', 9)).toEqual(run('individual', 9));
    expect(run('individual', 9).levels[0]!.probability).not.toBe(
      run('individual', 10).levels[0]!.probability,
    );
  });

  // Within four standard errors of the exact value: a biased sampler fails, sampling noise does not.
  const near = (estimate: number, exact: number, runs = 20000) =>
    expect(Math.abs(estimate - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / runs));

  it('estimates the exact probabilities under the individual rule', () => {
    const result = run('individual', 3);
    const [weapons, force] = result.levels;
    expect([weapons!.level, force!.level]).toEqual(['weapons', 'armed-force']);
    near(weapons!.probability, 1 - 0.5 * 0.7 * 0.1);
    near(force!.probability, 1 - 0.8 * 0.9 * 1);
    expect(weapons!.interval[0]).toBeLessThan(weapons!.probability);
    expect(weapons!.interval[1]).toBeGreaterThan(weapons!.probability);
    expect(weapons!.expectedProviders).toBeCloseTo(0.5 + 0.3 + 0.9, 1);
  });

  it('under unanimity needs every guarantor willing, so force (c never) is impossible', () => {
    const result = run('unanimity-all', 3);
    near(result.levels[0]!.probability, 0.5 * 0.3 * 0.9);
    expect(result.levels[1]!.probability).toBe(0);
    expect(result.anyHelp.probability).toBe(result.levels[0]!.probability);
  });

  it('couples levels within a guarantor: whoever would use force would also send weapons', () => {
    // With one draw per guarantor, P(force and no weapons) is 0 for a guarantor whose p(force) <= p(weapons).
    const compiled = compileInstrument(instrument('individual'));
    const single = simulate(compiled, {
      attacker: -1,
      place: 0,
      trigger: 0,
      probabilities: [
        [0.4, 0.4],
        [0, 0],
        [0, 0],
      ],
      runs: 5000,
      seed: 1,
    });
    expect(single.levels[0]!.probability).toBe(single.levels[1]!.probability);
  });
});
