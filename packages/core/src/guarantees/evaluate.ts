import type { AssistanceLevel } from '@parley/model/schema/guarantee.ts';
import { analyseScenario, decisionPasses, type Scenario, type ScenarioAnalysis } from './analyse.ts';
import { participantsOf, type InstrumentSetting } from './context.ts';

/** One draw of willingness: for each participant, the levels of help it is willing to give. */
export type WillingDraw = ReadonlyMap<string, ReadonlySet<AssistanceLevel>>;

export interface LevelOutcome {
  level: AssistanceLevel;
  /** Whether the collective decision for this level passed (always true without one). */
  decided: boolean;
  /** The guarantors who actually provide this level. */
  providers: string[];
}

export interface ScenarioOutcome {
  analysis: ScenarioAnalysis;
  assistance: LevelOutcome[];
}

/**
 * The readable evaluation of one scenario under one willingness draw. A joint decision is taken
 * level by level: guarantors who would not use force do not vote for force. The attacker's
 * willingness is ignored: it never helps its own victim.
 */
export function evaluateScenario(
  setting: InstrumentSetting,
  scenario: Scenario,
  willing: WillingDraw,
): ScenarioOutcome {
  const analysis = analyseScenario(setting, scenario);
  const { attacker } = analysis;
  const participants = participantsOf(setting);
  const willingAt = (actor: string, level: AssistanceLevel) =>
    actor !== attacker && (willing.get(actor)?.has(level) ?? false);
  const assistance = analysis.levels.map((level): LevelOutcome => {
    if (level === 'consultation') {
      return { level, decided: true, providers: analysis.consulting.filter((g) => willingAt(g, level)) };
    }
    const agreeing = new Set(participants.filter((p) => willingAt(p, level)));
    const decided = decisionPasses(setting, agreeing, attacker);
    return { level, decided, providers: decided ? analysis.eligible.filter((g) => willingAt(g, level)) : [] };
  });
  return { analysis, assistance };
}
