import { triggerKind, type AssistanceLevel, type TriggerKind } from '@parley/model/schema/guarantee.ts';
import { analyseScenario } from './analyse.ts';
import { participantsOf, thirdState, type InstrumentSetting } from './context.ts';
import { assistanceLevels } from './ladder.ts';

/**
 * An instrument compiled for speed. Participants are bits (bit i ↔ participants[i]); each
 * level the instrument can ever bring is a slot (slot j ↔ levels[j]); a willingness draw is one
 * mask per slot. Everything that does not depend on willingness (scope, trigger, who is obliged,
 * who can block) is tabulated per (attacker, place, trigger) at compile time, so evaluating a
 * scenario is a few mask operations per slot.
 */
export interface CompiledInstrument {
  readonly instrument: string;
  readonly participants: readonly string[];
  readonly levels: readonly AssistanceLevel[];
  /** Participant bit of the attacker, or -1 for an attacker who is not a participant. */
  attackerIndex(actor: string): number;
  /** Index of a place (undefined: core territory); -1 if unknown. */
  placeIndex(place: string | undefined): number;
  triggerIndex(trigger: TriggerKind): number;
  obligedMask(attacker: number, place: number, trigger: number): number;
  blockerMask(attacker: number, place: number, trigger: number): number;
  /**
   * Writes the providers of each slot into `out` and returns the mask of slots that at least
   * one guarantor provides. `willing` must hold one mask per slot.
   */
  evaluate(attacker: number, place: number, trigger: number, willing: Int32Array, out: Int32Array): number;
}

const maxParticipants = 32;
const triggers = triggerKind.options;
const ruleCode = {
  individual: 0,
  'unanimity-all': 1,
  'unanimity-excluding-attacker': 2,
  majority: 3,
  unsc: 4,
} as const;

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function compileInstrument(setting: InstrumentSetting): CompiledInstrument {
  const { instrument, council } = setting;
  const participants = participantsOf(setting);
  if (participants.length > maxParticipants) {
    throw new Error(
      `instrument "${instrument.id}" has ${participants.length} participants; at most ${maxParticipants} are supported`,
    );
  }
  const bit = (actor: string) => 1 << participants.indexOf(actor);
  const maskOf = (actors: readonly string[]) => actors.reduce((m, a) => m | bit(a), 0);
  const guarantorMask = maskOf(instrument.guarantors);
  const guarantorCount = instrument.guarantors.length;
  const vetoMask = instrument.decisionRule === 'unsc' && council ? maskOf(council.vetoHolders) : 0;
  const rule = ruleCode[instrument.decisionRule];

  const mainLevels = new Set<AssistanceLevel>(
    instrument.obligation === 'seek-unsc-action'
      ? ['unsc-request']
      : instrument.obligation === 'consult-only'
        ? []
        : instrument.assistance,
  );
  const levels = assistanceLevels.filter(
    (l) => (l === 'consultation' && instrument.consultation !== undefined) || mainLevels.has(l),
  );
  const consultSlot = levels.indexOf('consultation');

  // Places are indexed 0 = core territory, then every place the setting knows.
  const placeIds = [undefined, ...setting.places.keys()];
  const attackerCount = participants.length + 1; // slot 0: an outsider
  const tableSize = attackerCount * placeIds.length * triggers.length;
  const active = new Int32Array(tableSize);
  const obliged = new Int32Array(tableSize);
  const blockers = new Int32Array(tableSize);
  for (let a = -1; a < participants.length; a++) {
    const attacker = a < 0 ? thirdState : participants[a]!;
    if (attacker === instrument.guaranteedState) continue;
    placeIds.forEach((place, p) => {
      triggers.forEach((trigger, t) => {
        const k = ((a + 1) * placeIds.length + p) * triggers.length + t;
        const analysis = analyseScenario(
          setting,
          place === undefined ? { attacker, trigger } : { attacker, place, trigger },
        );
        active[k] = analysis.levels.reduce((m, l) => m | (1 << levels.indexOf(l)), 0);
        obliged[k] = maskOf(analysis.obligedGuarantors);
        blockers[k] = maskOf(analysis.canBlock.filter((b) => b.stage === 'guarantors').map((b) => b.actor));
      });
    });
  }

  const slotCount = levels.length;
  const key = (attacker: number, place: number, trigger: number) =>
    ((attacker + 1) * placeIds.length + place) * triggers.length + trigger;

  return {
    instrument: instrument.id,
    participants,
    levels,
    attackerIndex: (actor) => participants.indexOf(actor),
    placeIndex: (place) => placeIds.indexOf(place),
    triggerIndex: (trigger) => triggers.indexOf(trigger),
    obligedMask: (attacker, place, trigger) => obliged[key(attacker, place, trigger)]!,
    blockerMask: (attacker, place, trigger) => blockers[key(attacker, place, trigger)]!,
    evaluate(attacker, place, trigger, willing, out) {
      const slots = active[((attacker + 1) * placeIds.length + place) * triggers.length + trigger]!;
      const notAttacker = attacker < 0 ? -1 : ~(1 << attacker);
      const eligible = guarantorMask & notAttacker;
      let reached = 0;
      for (let j = 0; j < slotCount; j++) {
        let providers = 0;
        if ((slots >>> j) & 1) {
          const w = willing[j]! & notAttacker;
          let passes: boolean;
          if (j === consultSlot) passes = true;
          else if (rule === 0) passes = true;
          else if (rule === 1) passes = (w & guarantorMask) === guarantorMask;
          else if (rule === 2) passes = (w & eligible) === eligible;
          else if (rule === 3) passes = popcount(w & guarantorMask) * 2 > guarantorCount;
          else passes = (w & vetoMask) === vetoMask;
          if (passes) providers = w & eligible;
        }
        out[j] = providers;
        if (providers !== 0) reached |= 1 << j;
      }
      return reached;
    },
  };
}
