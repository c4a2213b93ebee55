import type { Tactic } from './tactic.ts';

/** A target drawn uniformly between the reservation value and the best, every turn (seeded). */
export const randomTactic: Tactic = {
  name: 'random',
  target: ({ reservationValue: rv, best, random }) => rv + (best - rv) * random.float(),
};
