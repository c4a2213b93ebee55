import { ParleyError } from '@parley/model/errors.ts';
import { adjustedWinner } from './adjusted-winner.ts';
import type { CaseBargaining } from './case-model.ts';

/**
 * Adjusted Winner on a case: the items are the issues on which the two parties' favourite options
 * differ; a party's points for an issue are its stake in it (weighted score of its favourite minus
 * that of the other party's favourite), scaled to 100 over the disputed issues. A split number
 * issue is settled at the matching point between the two favourites; a split choice issue is a
 * compromise still to be drafted (its share is reported).
 */

export interface AdjustedWinnerReport {
  parties: [string, string];
  items: {
    issue: string;
    pointsA: number;
    pointsB: number;
    favouriteA: string;
    favouriteB: string;
    shareA: number;
    outcome: string;
  }[];
  agreed: { issue: string; option: string }[];
  pointsA: number;
  pointsB: number;
  split?: string;
}

export function adjustedWinnerReport(bargaining: CaseBargaining): AdjustedWinnerReport {
  const parties = bargaining.stakeholders.filter((s) => s.role === 'party');
  if (parties.length !== 2)
    throw new ParleyError(
      'invalid-model',
      `Adjusted Winner needs exactly two parties; the model has ${parties.length}`,
    );
  const [a, b] = parties as [(typeof parties)[0], (typeof parties)[0]];
  const favourite = (row: number[]) => row.indexOf(Math.max(...row));
  const disputed: { issue: number; fa: number; fb: number; stakeA: number; stakeB: number }[] = [];
  const agreed: { issue: string; option: string }[] = [];
  bargaining.issues.forEach((issue, i) => {
    const fa = favourite(a.scores[i]!);
    const fb = favourite(b.scores[i]!);
    if (fa === fb) agreed.push({ issue: issue.id, option: issue.options[fa]! });
    else
      disputed.push({
        issue: i,
        fa,
        fb,
        stakeA: a.scores[i]![fa]! - a.scores[i]![fb]!,
        stakeB: b.scores[i]![fb]! - b.scores[i]![fa]!,
      });
  });
  const totalA = disputed.reduce((s, d) => s + d.stakeA, 0);
  const totalB = disputed.reduce((s, d) => s + d.stakeB, 0);
  if (!(totalA > 0) || !(totalB > 0))
    throw new ParleyError('invalid-model', 'one party has no stake in any disputed issue');
  const items = disputed.map((d) => ({
    name: bargaining.issues[d.issue]!.id,
    a: (100 * d.stakeA) / totalA,
    b: (100 * d.stakeB) / totalB,
  }));
  const result = adjustedWinner(items);
  return {
    parties: [a.id, b.id],
    items: disputed.map((d, k) => {
      const issue = bargaining.issues[d.issue]!;
      const share = result.shares[k]!.toA;
      const favouriteA = issue.options[d.fa]!;
      const favouriteB = issue.options[d.fb]!;
      let outcome = share === 1 ? `${a.id}: ${favouriteA}` : share === 0 ? `${b.id}: ${favouriteB}` : '';
      if (!outcome) {
        outcome =
          issue.values !== undefined
            ? `split: ${Math.round(issue.values[d.fb]! + share * (issue.values[d.fa]! - issue.values[d.fb]!))}${issue.unit ? ` ${issue.unit}` : ''}`
            : `split: ${(share * 100).toFixed(1)}% toward ${a.id}'s ${favouriteA}`;
      }
      return {
        issue: issue.id,
        pointsA: items[k]!.a,
        pointsB: items[k]!.b,
        favouriteA,
        favouriteB,
        shareA: share,
        outcome,
      };
    }),
    agreed,
    pointsA: result.pointsA,
    pointsB: result.pointsB,
    split: result.split,
  };
}
