import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assistanceForm,
  decisionRule,
  obligationStrength,
  triggerKind,
  type AssistanceLevel,
  type GuaranteeInstrument,
  type Place,
} from '@parley/model/schema/guarantee.ts';
import { analyseScenario, type Scenario } from './analyse.ts';
import { compileInstrument } from './compile.ts';
import { participantsOf, thirdState, type InstrumentSetting } from './context.ts';
import { evaluateScenario, type WillingDraw } from './evaluate.ts';
import { assistanceLevels } from './ladder.ts';

const places: Place[] = [
  { id: 'north', name: 'North', of: 'v' },
  { id: 'coast', name: 'Coast', of: 'v' },
  { id: 'port', name: 'Port', of: 'v', partOf: 'coast' },
  { id: 'abroad', name: 'Abroad', of: 'w' },
];

/** Random instruments of every shape the schema allows, with up to 32 participants. */
const settingArb: fc.Arbitrary<InstrumentSetting> = fc
  .record({
    guarantorCount: fc.integer({ min: 1, max: 30 }),
    extraVeto: fc.integer({ min: 0, max: 2 }),
    vetoPick: fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
    rule: fc.constantFrom(...decisionRule.options),
    obligation: fc.constantFrom(...obligationStrength.options),
    assistance: fc.subarray([...assistanceForm.options]),
    triggers: fc.subarray([...triggerKind.options], { minLength: 1 }),
    consultation: fc.option(fc.subarray([...triggerKind.options], { minLength: 1 }), { nil: undefined }),
    excludes: fc.subarray(['north', 'coast', 'port']),
  })
  .map((r) => {
    const guarantors = Array.from({ length: r.guarantorCount }, (_, i) => `g${i}`);
    const vetoHolders = [
      ...guarantors.filter((_, i) => r.vetoPick[i]),
      ...Array.from({ length: r.extraVeto }, (_, i) => `x${i}`),
    ];
    const instrument: GuaranteeInstrument = {
      id: 'random',
      title: 'random instrument',
      date: '2000',
      guaranteedState: 'v',
      guarantors,
      triggers: r.triggers,
      requiresRequest: false,
      excludes: r.excludes,
      ...(r.consultation ? { consultation: { triggers: r.consultation, withGuaranteedState: true } } : {}),
      decisionRule: r.rule,
      obligation: r.obligation,
      ...(r.rule === 'unsc' || r.obligation === 'seek-unsc-action' ? { council: 'council' } : {}),
      assistance: r.assistance,
      provisions: [{ id: 'p', label: 'Art. 1', summary: 's', covers: ['guarantors'] }],
      sources: ['s'],
    };
    const setting: InstrumentSetting = {
      instrument,
      places: new Map(places.map((p) => [p.id, p])),
      council: {
        id: 'council',
        name: 'Council',
        vetoHolders: vetoHolders.length > 0 ? vetoHolders : ['x0'],
        sources: ['s'],
      },
    };
    return setting;
  });

const caseArb = settingArb.chain((setting) => {
  const participants = participantsOf(setting);
  const scenario: fc.Arbitrary<Scenario> = fc.record(
    {
      attacker: fc.constantFrom(...participants, thirdState),
      place: fc.constantFrom('north', 'coast', 'port', 'abroad'),
      trigger: fc.constantFrom(...triggerKind.options),
    },
    { requiredKeys: ['attacker', 'trigger'] },
  );
  const draw = fc
    .array(fc.subarray([...assistanceLevels]), {
      minLength: participants.length,
      maxLength: participants.length,
    })
    .map(
      (lists) => new Map(participants.map((p, i) => [p, new Set<AssistanceLevel>(lists[i])])) as WillingDraw,
    );
  return fc.tuple(fc.constant(setting), fc.array(fc.tuple(scenario, draw), { minLength: 1, maxLength: 12 }));
});

const actorsOf = (mask: number, participants: readonly string[]) =>
  participants.filter((_, i) => (mask >>> i) & 1);

describe('the compiled evaluator', () => {
  it('agrees exactly with the readable evaluation on random instruments, scenarios and willingness', () => {
    fc.assert(
      fc.property(caseArb, ([setting, cases]) => {
        const compiled = compileInstrument(setting);
        for (const [scenario, draw] of cases) {
          const readable = evaluateScenario(setting, scenario, draw);
          const a = compiled.attackerIndex(scenario.attacker);
          const p = compiled.placeIndex(scenario.place);
          const t = compiled.triggerIndex(scenario.trigger!);
          const willing = new Int32Array(
            compiled.levels.map((level) =>
              compiled.participants.reduce(
                (m, actor, i) => (draw.get(actor)?.has(level) ? m | (1 << i) : m),
                0,
              ),
            ),
          );
          const out = new Int32Array(compiled.levels.length);
          const reached = compiled.evaluate(a, p, t, willing, out);

          const fast = compiled.levels.map((level, j) => [level, actorsOf(out[j]!, compiled.participants)]);
          const slow = compiled.levels.map((level) => [
            level,
            readable.assistance.find((l) => l.level === level)?.providers ?? [],
          ]);
          expect(fast).toEqual(slow);
          expect(actorsOf(reached, [...compiled.levels])).toEqual(
            readable.assistance.filter((l) => l.providers.length > 0).map((l) => l.level),
          );
          const analysis = readable.analysis;
          expect(actorsOf(compiled.obligedMask(a, p, t), compiled.participants)).toEqual(
            analysis.obligedGuarantors,
          );
          expect(actorsOf(compiled.blockerMask(a, p, t), compiled.participants)).toEqual(
            analysis.canBlock.filter((b) => b.stage === 'guarantors').map((b) => b.actor),
          );
        }
      }),
      { numRuns: 250, seed: 20220415 },
    );
  });

  it('handles 32 participants, where the top bit is the sign bit', () => {
    const guarantors = Array.from({ length: 32 }, (_, i) => `g${i}`);
    const setting: InstrumentSetting = {
      instrument: {
        id: 'wide',
        title: 'wide',
        date: '2000',
        guaranteedState: 'v',
        guarantors,
        triggers: ['armed-attack'],
        requiresRequest: false,
        decisionRule: 'unanimity-excluding-attacker',
        obligation: 'must-act',
        assistance: ['weapons'],
        provisions: [{ id: 'p', label: 'Art. 1', summary: 's', covers: ['guarantors'] }],
        sources: ['s'],
      },
      places: new Map(),
    };
    const compiled = compileInstrument(setting);
    const out = new Int32Array(1);
    const all = new Int32Array([-1]);
    expect(compiled.evaluate(compiled.attackerIndex('g31'), 0, 0, all, out)).toBe(1);
    expect(actorsOf(out[0]!, compiled.participants)).toEqual(guarantors.slice(0, 31));
    const allButG31 = new Int32Array([0x7fffffff]);
    expect(compiled.evaluate(compiled.attackerIndex(thirdState), 0, 0, allButG31, out)).toBe(0);
    expect(analyseScenario(setting, { attacker: thirdState }).canBlock).toHaveLength(32);
  });

  it('rejects an instrument with more than 32 participants', () => {
    const guarantors = Array.from({ length: 33 }, (_, i) => `g${i}`);
    expect(() =>
      compileInstrument({
        instrument: {
          id: 'too-wide',
          title: 't',
          date: '2000',
          guaranteedState: 'v',
          guarantors,
          triggers: ['armed-attack'],
          requiresRequest: false,
          decisionRule: 'individual',
          obligation: 'must-act',
          assistance: ['weapons'],
          provisions: [{ id: 'p', label: 'Art. 1', summary: 's', covers: ['guarantors'] }],
          sources: ['s'],
        },
        places: new Map(),
      }),
    ).toThrow('instrument "too-wide" has 33 participants; at most 32 are supported');
  });
});
