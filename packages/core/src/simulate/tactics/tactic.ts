import type { SeededRandom } from '../../random/seeded-random.ts';

/** What a concession tactic knows when it sets the next target utility (all in its own utility). */
export interface TacticState {
  /** Relative time of the turn, 0 at the start, 1 at the deadline. */
  time: number;
  reservationValue: number;
  /** Its best attainable utility. */
  best: number;
  /** The target it used for its previous offer (undefined on its first offer). */
  lastTarget: number | undefined;
  /** Its utility of each offer the other side made, oldest first. */
  received: readonly number[];
  random: SeededRandom;
}

/** A concession tactic: the utility the party asks for now. The agent clamps it to [rv, best]. */
export interface Tactic {
  name: string;
  target(state: TacticState): number;
}
