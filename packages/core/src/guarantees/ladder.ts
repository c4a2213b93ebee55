import { assistanceLevels, type AssistanceLevel, type TriggerKind } from '@parley/model/schema/guarantee.ts';

export { assistanceLevels };

/** Position of a level on the ladder of help, weakest first. */
export const levelRank = (level: AssistanceLevel): number => assistanceLevels.indexOf(level);

export const byLadder = (a: AssistanceLevel, b: AssistanceLevel): number => levelRank(a) - levelRank(b);

/**
 * Whether an instrument that names `listed` as a trigger applies to an event of kind `event`:
 * a nuclear attack is an armed attack and a nuclear threat is a threat of attack, but not the
 * reverse (the Budapest Memorandum's UNSC clause names only nuclear aggression).
 */
export function triggerCovers(listed: TriggerKind, event: TriggerKind): boolean {
  if (listed === event) return true;
  if (listed === 'armed-attack') return event === 'nuclear-attack';
  if (listed === 'threat-of-attack') return event === 'nuclear-threat';
  return false;
}

export const triggered = (listed: readonly TriggerKind[], event: TriggerKind): boolean =>
  listed.some((t) => triggerCovers(t, event));

/** Words for each level, as the explanation and tables use them. */
export const levelWords: Record<AssistanceLevel, string> = {
  consultation: 'consultation',
  'unsc-request': 'a request to the UN Security Council',
  diplomatic: 'diplomatic support',
  sanctions: 'sanctions',
  weapons: 'weapons',
  'no-fly-zone': 'a no-fly zone',
  'armed-force': 'armed force',
};

export const triggerWords: Record<TriggerKind, string> = {
  'armed-attack': 'an armed attack',
  'nuclear-attack': 'an attack with nuclear weapons',
  'threat-of-attack': 'a threat of attack',
  'nuclear-threat': 'a threat of nuclear attack',
};
