import type {
  AssistanceLevel,
  DecisionRule,
  ObligationStrength,
  TriggerKind,
} from '@parley/model/schema/guarantee.ts';
import { participantsOf, placeChain, type InstrumentSetting } from './context.ts';
import { assistanceLevels, byLadder, triggered } from './ladder.ts';

/** Who attacks, where, and how; `place` omitted means the guaranteed state's core territory. */
export interface Scenario {
  attacker: string;
  place?: string;
  trigger?: TriggerKind;
}

export type ScenarioStatus = 'covered' | 'not-territory' | 'out-of-scope' | 'not-triggered';

/**
 * unconditional: obliged by the text alone; if-decided: obliged once a collective decision is
 * taken; voluntary: guarantors may act but need not; none: nobody is bound to assist.
 */
export type ObligationOutcome = 'unconditional' | 'if-decided' | 'voluntary' | 'none';

export interface Blocker {
  actor: string;
  /** guarantors: the decision among guarantors; council: the Security Council action sought. */
  stage: 'guarantors' | 'council';
  /** True for the attacker, who never agrees to act against itself. */
  certain: boolean;
}

/** One reasoning step; the explanation turns each into a sentence citing the clause. */
export type Step =
  | { kind: 'scope'; place?: string; placeOf?: string; excludedBy?: string; excludes: string[] }
  | { kind: 'trigger'; trigger: TriggerKind; main: boolean; consultation: boolean }
  | { kind: 'attacker'; attacker: string; isGuarantor: boolean; isVetoHolder: boolean }
  | { kind: 'consultation'; consulting: string[]; days?: number; withGuaranteedState: boolean }
  | { kind: 'decision'; rule: DecisionRule; blockers: Blocker[]; possible: boolean; council?: string }
  | { kind: 'obligation'; strength: ObligationStrength; outcome: ObligationOutcome; obliged: string[] }
  | { kind: 'assistance'; levels: AssistanceLevel[]; notOwed: AssistanceLevel[] }
  | { kind: 'council'; council: string; blockers: Blocker[] };

export interface ScenarioAnalysis {
  instrument: string;
  attacker: string;
  place?: string;
  trigger: TriggerKind;
  status: ScenarioStatus;
  /** Guarantors other than the attacker: the only ones who could help. */
  eligible: string[];
  obligedGuarantors: string[];
  obligation: ObligationOutcome;
  /** Guarantors bound to consult (consultation is not assistance). */
  consulting: string[];
  canBlock: Blocker[];
  /** False when the decision the obligation hangs on can never be taken (e.g. the attacker's veto). */
  decisionPossible: boolean;
  /** The levels of help this instrument can bring in this scenario, weakest first. */
  levels: AssistanceLevel[];
  steps: Step[];
}

/**
 * Whether the collective decision passes when exactly `willing` agree. The attacker never
 * agrees; `individual` takes no collective decision.
 */
export function decisionPasses(
  setting: InstrumentSetting,
  willing: ReadonlySet<string>,
  attacker: string,
): boolean {
  const { instrument, council } = setting;
  const agrees = (a: string) => a !== attacker && willing.has(a);
  switch (instrument.decisionRule) {
    case 'individual':
      return true;
    case 'unanimity-all':
      return instrument.guarantors.every(agrees);
    case 'unanimity-excluding-attacker':
      return instrument.guarantors.every((g) => g === attacker || agrees(g));
    case 'majority':
      return instrument.guarantors.filter(agrees).length * 2 > instrument.guarantors.length;
    case 'unsc':
      return (council?.vetoHolders ?? []).every(agrees);
  }
}

/** The levels the main clause can bring, weakest first (consultation comes from its own clause). */
function mainLevels(setting: InstrumentSetting): AssistanceLevel[] {
  const { instrument } = setting;
  switch (instrument.obligation) {
    case 'must-act':
    case 'may-act':
      return [...instrument.assistance].sort(byLadder);
    case 'seek-unsc-action':
      return ['unsc-request'];
    case 'consult-only':
      return [];
  }
}

/** The deterministic part of a scenario: scope, trigger, obligations and blockers, no willingness. */
export function analyseScenario(setting: InstrumentSetting, scenario: Scenario): ScenarioAnalysis {
  const { instrument, council } = setting;
  const { attacker } = scenario;
  const trigger = scenario.trigger ?? 'armed-attack';
  if (attacker === instrument.guaranteedState) {
    throw new Error(`the attacker "${attacker}" is the guaranteed state of "${instrument.id}"`);
  }
  const eligible = instrument.guarantors.filter((g) => g !== attacker);
  const result: ScenarioAnalysis = {
    instrument: instrument.id,
    attacker,
    ...(scenario.place === undefined ? {} : { place: scenario.place }),
    trigger,
    status: 'covered',
    eligible,
    obligedGuarantors: [],
    obligation: 'none',
    consulting: [],
    canBlock: [],
    decisionPossible: true,
    levels: [],
    steps: [],
  };
  const steps = result.steps;
  const excludes = instrument.excludes ?? [];

  if (scenario.place !== undefined) {
    const chain = placeChain(setting.places, scenario.place);
    if (chain.length === 0) throw new Error(`unknown place "${scenario.place}"`);
    const placeOf = chain[0]!.of;
    if (placeOf !== instrument.guaranteedState) {
      steps.push({ kind: 'scope', place: scenario.place, placeOf, excludes });
      return { ...result, status: 'not-territory', decisionPossible: false };
    }
    const excludedBy = chain.find((p) => excludes.includes(p.id))?.id;
    steps.push({
      kind: 'scope',
      place: scenario.place,
      placeOf,
      excludes,
      ...(excludedBy ? { excludedBy } : {}),
    });
    if (excludedBy) return { ...result, status: 'out-of-scope', decisionPossible: false };
  } else {
    steps.push({ kind: 'scope', excludes });
  }

  const main = triggered(instrument.triggers, trigger);
  const consultation =
    instrument.consultation !== undefined && triggered(instrument.consultation.triggers, trigger);
  steps.push({ kind: 'trigger', trigger, main, consultation });
  if (!main && !consultation) return { ...result, status: 'not-triggered', decisionPossible: false };

  // A veto only matters once the main clause, which the council serves, is set off.
  const isVetoHolder = main && (council?.vetoHolders.includes(attacker) ?? false);
  steps.push({
    kind: 'attacker',
    attacker,
    isGuarantor: instrument.guarantors.includes(attacker),
    isVetoHolder,
  });

  if (consultation && instrument.consultation) {
    result.consulting = eligible;
    result.levels.push('consultation');
    steps.push({
      kind: 'consultation',
      consulting: eligible,
      withGuaranteedState: instrument.consultation.withGuaranteedState,
      ...(instrument.consultation.days === undefined ? {} : { days: instrument.consultation.days }),
    });
  }
  if (!main) {
    steps.push({ kind: 'assistance', levels: [], notOwed: [] });
    return result;
  }

  const levels = mainLevels(setting);
  if (instrument.decisionRule !== 'individual') {
    const participants = participantsOf(setting);
    result.decisionPossible = decisionPasses(setting, new Set(participants), attacker);
    // p can block when its refusal alone, everyone else but the attacker agreeing, defeats the decision.
    result.canBlock = participants
      .filter((p) => !decisionPasses(setting, new Set(participants.filter((q) => q !== p)), attacker))
      .map((actor) => ({ actor, stage: 'guarantors' as const, certain: actor === attacker }));
    steps.push({
      kind: 'decision',
      rule: instrument.decisionRule,
      blockers: result.canBlock,
      possible: result.decisionPossible,
      ...(council ? { council: council.id } : {}),
    });
  }

  const bound = result.decisionPossible ? eligible : [];
  const individual = instrument.decisionRule === 'individual';
  switch (instrument.obligation) {
    case 'must-act':
    case 'seek-unsc-action':
      result.obligedGuarantors = bound;
      result.obligation = bound.length === 0 ? 'none' : individual ? 'unconditional' : 'if-decided';
      break;
    case 'may-act':
      result.obligation = bound.length === 0 ? 'none' : 'voluntary';
      break;
    case 'consult-only':
      result.obligation = 'none';
      break;
  }
  steps.push({
    kind: 'obligation',
    strength: instrument.obligation,
    outcome: result.obligation,
    obliged: result.obligedGuarantors,
  });

  const reachable = result.decisionPossible && eligible.length > 0 ? levels : [];
  result.levels.push(...reachable);
  steps.push({
    kind: 'assistance',
    levels: reachable,
    notOwed: assistanceLevels.filter(
      (l) => l !== 'consultation' && l !== 'unsc-request' && !levels.includes(l),
    ),
  });

  if (instrument.obligation === 'seek-unsc-action' && council && result.obligedGuarantors.length > 0) {
    const blockers = council.vetoHolders.map((actor) => ({
      actor,
      stage: 'council' as const,
      certain: actor === attacker,
    }));
    result.canBlock = [...result.canBlock, ...blockers];
    steps.push({ kind: 'council', council: council.id, blockers });
  }
  return result;
}
