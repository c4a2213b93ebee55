import type { Tactic } from './tactic.ts';

/**
 * Tit-for-tat (Faratin, Sierra & Jennings 1998, imitative tactics), in utility terms. The other
 * side's demand is what its offer withholds from this party (best − my utility of its offer);
 * when it goes from D₁ to D₂ between the other side's last two offers, this party answers:
 *
 * - relative: its own demand above its reservation value is multiplied by D₂/D₁, giving up the
 *   same proportion as the other side;
 * - absolute: its target falls by D₁ − D₂, giving up the same amount of utility (Faratin's
 *   absolute tactic without its random term, M = 0).
 *
 * Neither answers a retreat with one (the target never rises). Each opens at its best and waits
 * for two offers before moving.
 */
export type Imitation = 'relative' | 'absolute';

export function titForTat(imitation: Imitation = 'relative'): Tactic {
  return {
    name: imitation === 'relative' ? 'tit-for-tat' : 'tit-for-tat:absolute',
    target({ best, reservationValue: rv, lastTarget, received }) {
      if (lastTarget === undefined || received.length < 2) return lastTarget ?? best;
      const before = best - received[received.length - 2]!;
      const now = best - received[received.length - 1]!;
      if (imitation === 'absolute') return lastTarget - Math.max(0, before - now);
      const ratio = before > 0 ? Math.min(1, Math.max(0, now / before)) : 1;
      return rv + (lastTarget - rv) * ratio;
    },
  };
}
