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
  private weights: number[];
  private last: Outcome | undefined;

  constructor(optionsPerIssue: readonly number[]) {
    this.counts = optionsPerIssue.map((k) => new Array<number>(k).fill(0));
    this.weights = optionsPerIssue.map(() => 1 / optionsPerIssue.length);
  }

  observe(offer: Outcome): void {
    offer.forEach((j, i) => {
      this.counts[i]![j]!++;
    });
    if (this.last) {
      const previous = this.last;
      const raised = this.weights.map((w, i) => (offer[i] === previous[i] ? w + LEARNING_RATE : w));
      const total = raised.reduce((s, w) => s + w, 0);
      this.weights = raised.map((w) => w / total);
    }
    this.last = [...offer];
  }

  issueWeights(): number[] {
    return [...this.weights];
  }

  /** scores[issue][option] = weight × value, the modelled utility's additive terms. */
  scores(): number[][] {
    return this.counts.map((row, i) => {
      const most = Math.max(...row);
      return row.map((c) => (most > 0 ? (this.weights[i]! * c) / most : 0));
    });
  }
}
