import type { Tactic } from './tactic.ts';

/**
 * Relative tit-for-tat (Faratin, Sierra & Jennings 1998, imitative tactics), in utility terms: the
 * party gives up the same proportion of its remaining demand as the other side gave up of its own
 * in its last move. The other side's demand is what its offer withholds from this party
 * (best − my utility of its offer); if it went from D₁ to D₂, this party's demand above its
 * reservation value is multiplied by D₂/D₁ (never raised: a retreat is not answered by one).
 * It opens at its best and waits for two offers before moving.
 */
export const titForTat: Tactic = {
  name: 'tit-for-tat',
  target({ best, reservationValue: rv, lastTarget, received }) {
    if (lastTarget === undefined || received.length < 2) return lastTarget ?? best;
    const before = best - received[received.length - 2]!;
    const now = best - received[received.length - 1]!;
    const ratio = before > 0 ? Math.min(1, Math.max(0, now / before)) : 1;
    return rv + (lastTarget - rv) * ratio;
  },
};
