import type { AssistanceLevel, GuaranteeInstrument, TriggerKind } from '@parley/model/schema/guarantee.ts';
import {
  analyseScenario,
  type Blocker,
  type ObligationOutcome,
  type Scenario,
  type ScenarioStatus,
} from './analyse.ts';
import { compileInstrument, type CompiledInstrument } from './compile.ts';
import {
  participantsOf,
  resolveWillingness,
  settingFor,
  type GuaranteeContext,
  type InstrumentEntry,
} from './context.ts';
import { explainScenario, type ExplanationStep } from './explain.ts';
import { assistanceLevels } from './ladder.ts';
import { simulate } from './monte-carlo.ts';

export interface AssessOptions {
  runs: number;
  seed: number;
}

export interface LevelReport {
  level: AssistanceLevel;
  /** False when the instrument cannot bring this level in this scenario at all. */
  possible: boolean;
  probability: number;
  interval: [number, number];
  expectedProviders: number;
}

export interface AssumptionUsed {
  guarantor: string;
  /** The willingness entry used, or null for the attacker (zero by construction). */
  entry: string | null;
  origin: string | null;
  rationale: string;
}

/** Everything Parley says about one instrument in one scenario (the JSON of `parley guarantees`). */
export interface ScenarioReport {
  instrument: string;
  title: string;
  origin: string;
  scenario: { attacker: string; place: string | null; trigger: TriggerKind };
  status: ScenarioStatus;
  obligation: ObligationOutcome;
  obligedGuarantors: string[];
  consultingGuarantors: string[];
  canBlock: Blocker[];
  decisionPossible: boolean;
  assistance: LevelReport[];
  anyHelp: { probability: number; interval: [number, number] };
  explanation: ExplanationStep[];
  assumptions: AssumptionUsed[];
}

/** Problems that make a scenario impossible to assess, as messages for the user; empty if fine. */
export function checkScenario(
  context: GuaranteeContext,
  instrument: GuaranteeInstrument,
  scenario: Scenario,
): string[] {
  const problems: string[] = [];
  if (scenario.attacker === instrument.guaranteedState) {
    problems.push(`attacker "${scenario.attacker}" is the guaranteed state of instrument "${instrument.id}"`);
    return problems;
  }
  for (const participant of participantsOf(settingFor(context, instrument))) {
    if (!resolveWillingness(context, instrument, participant, scenario.attacker)) {
      problems.push(
        `no willingness assumption for "${participant}" protecting "${instrument.guaranteedState}" against ` +
          `"${scenario.attacker}" (instrument "${instrument.id}"): add a willingness entry`,
      );
    }
  }
  return problems;
}

/** Compiles each instrument once for a batch of scenarios. */
export class CompiledCache {
  readonly #compiled = new Map<string, CompiledInstrument>();
  constructor(private readonly context: GuaranteeContext) {}
  get(instrument: GuaranteeInstrument): CompiledInstrument {
    let compiled = this.#compiled.get(instrument.id);
    if (!compiled) {
      compiled = compileInstrument(settingFor(this.context, instrument));
      this.#compiled.set(instrument.id, compiled);
    }
    return compiled;
  }
}

/**
 * Analyses one scenario, runs the Monte Carlo over willingness and explains the result. Call
 * checkScenario first: this throws on a scenario it would reject.
 */
export function assessScenario(
  context: GuaranteeContext,
  entry: InstrumentEntry,
  scenario: Scenario,
  options: AssessOptions,
  cache = new CompiledCache(context),
): ScenarioReport {
  const problems = checkScenario(context, entry.instrument, scenario);
  if (problems.length > 0) throw new Error(problems.join('; '));
  const { instrument } = entry;
  const setting = settingFor(context, instrument);
  const analysis = analyseScenario(setting, scenario);
  const compiled = cache.get(instrument);

  const choices = compiled.participants.map((p) => ({
    p,
    choice: resolveWillingness(context, instrument, p, scenario.attacker)!,
  }));
  const probabilities = choices.map(({ choice }) => compiled.levels.map((level) => choice.levels[level]));
  const mc = simulate(compiled, {
    attacker: compiled.attackerIndex(scenario.attacker),
    place: compiled.placeIndex(scenario.place),
    trigger: compiled.triggerIndex(analysis.trigger),
    probabilities,
    runs: options.runs,
    seed: options.seed,
  });

  const assistance = assistanceLevels.map((level): LevelReport => {
    const estimate = analysis.levels.includes(level) ? mc.levels.find((l) => l.level === level) : undefined;
    return estimate
      ? {
          level,
          possible: true,
          probability: estimate.probability,
          interval: estimate.interval,
          expectedProviders: estimate.expectedProviders,
        }
      : { level, possible: false, probability: 0, interval: [0, 0], expectedProviders: 0 };
  });

  return {
    instrument: instrument.id,
    title: instrument.title,
    origin: entry.origin,
    scenario: { attacker: scenario.attacker, place: scenario.place ?? null, trigger: analysis.trigger },
    status: analysis.status,
    obligation: analysis.obligation,
    obligedGuarantors: analysis.obligedGuarantors,
    consultingGuarantors: analysis.consulting,
    canBlock: analysis.canBlock,
    decisionPossible: analysis.decisionPossible,
    assistance,
    anyHelp: analysis.levels.some((l) => l !== 'consultation')
      ? mc.anyHelp
      : { probability: 0, interval: [0, 0] },
    explanation: explainScenario(context, instrument, analysis),
    assumptions: choices.map(({ p, choice }) =>
      choice.kind === 'assumed'
        ? { guarantor: p, entry: choice.entry.id, origin: choice.origin, rationale: choice.entry.rationale }
        : {
            guarantor: p,
            entry: null,
            origin: null,
            rationale: 'the attacker never helps its own victim (0 by construction)',
          },
    ),
  };
}
