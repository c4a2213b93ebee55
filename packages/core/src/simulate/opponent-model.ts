import type { Outcome } from '../bargaining/outcome-space.ts';

/**
 * A frequency model of one other party, learnt from its offers only (after the frequency models
 * surveyed by Baarslag et al., "Learning about the opponent in automated bilateral negotiation",
 * 2016): an option it keeps offering is one it values, and an issue on which it never moves is
 * one it weighs heavily.
 *
 * - Option value: how often the party offered the option, over the count of its most offered
 *   option on that issue (0 before any offer).
 * - Issue weight: starts equal; each time the party repeats its previous option on an issue, that
 *   issue gains LEARNING_RATE, then the weights are renormalised to sum to 1.
 *
 * `scores()` gives the modelled utility in the additive shape the bid search takes.
 */

/** Weight an unchanged issue gains per offer, before renormalising (as a share of the total). */
export const LEARNING_RATE = 0.1;

export class FrequencyModel {
  private readonly counts: number[][];
  private readonly weights: number[];
  private last: number[] | undefined;

  constructor(optionsPerIssue: readonly number[]) {
    this.counts = optionsPerIssue.map((k) => new Array<number>(k).fill(0));
    this.weights = optionsPerIssue.map(() => 1 / optionsPerIssue.length);
  }

  observe(offer: Outcome): void {
    const last = this.last;
    let total = 0;
    for (let i = 0; i < offer.length; i++) {
      this.counts[i]![offer[i]!]!++;
      if (last && offer[i] === last[i]) this.weights[i]! += LEARNING_RATE;
      total += this.weights[i]!;
    }
    // In place (an agent observes every offer of a run): renormalise, and remember the offer.
    if (last) for (let i = 0; i < offer.length; i++) this.weights[i]! /= total;
    if (last) for (let i = 0; i < offer.length; i++) last[i] = offer[i]!;
    else this.last = [...offer];
  }

  issueWeights(): number[] {
    return [...this.weights];
  }

  /**
   * Adds scores() to `out`, a flat table (issue by issue, options in order: bid-search.ts's
   * layout), without allocating: what an agent does on every turn.
   */
  addScoresTo(out: Float64Array): void {
    let s = 0;
    for (let i = 0; i < this.counts.length; i++) {
      const row = this.counts[i]!;
      let most = 0;
      for (const c of row) most = Math.max(most, c);
      for (const c of row) out[s++]! += most > 0 ? (this.weights[i]! * c) / most : 0;
    }
  }

  /** scores[issue][option] = weight × value, the modelled utility's additive terms. */
  scores(): number[][] {
    return this.counts.map((row, i) => {
      const most = Math.max(...row);
      return row.map((c) => (most > 0 ? (this.weights[i]! * c) / most : 0));
    });
  }
}
