import { ParleyError } from '@parley/model/errors.ts';
import type { NegotiationDomain, Outcome } from '../../bargaining/outcome-space.ts';
import type { Move, Negotiator, Turn } from '../negotiator.ts';

/** One recorded position: from `day` on, the party holds `option` on `issue` (domain indices). */
export interface ScriptedPosition {
  issue: number;
  day: string;
  option: number;
}

/**
 * A party that replays its recorded positions (the case's positions over time) instead of
 * conceding by a formula. On each day it offers, per issue, the last position it recorded on or
 * before that day; where the record is silent it asks for its best option (an assumption: a
 * party says nothing about what it does not yet concede). It accepts the offer on the table when
 * that is worth at least its own scripted offer and its reservation value (AC_next), and never
 * walks away: the record, not the simulator, decides when it moves.
 */
export class Scripted implements Negotiator {
  readonly tactic = 'scripted';
  private readonly scores: number[][];
  private readonly best: number[];
  /** Per issue, its positions by day ascending. */
  private readonly byIssue: ScriptedPosition[][];
  private readonly reservationValue: number;

  constructor(
    domain: NegotiationDomain,
    readonly party: number,
    positions: readonly ScriptedPosition[],
  ) {
    this.scores = domain.stakeholders[party]!.scores;
    this.best = this.scores.map((row) => row.indexOf(Math.max(...row)));
    this.byIssue = domain.issues.map((_, i) =>
      positions.filter((p) => p.issue === i).sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)),
    );
    this.reservationValue = domain.stakeholders[party]!.reservationValue;
  }

  utility(outcome: Outcome): number {
    let u = 0;
    for (let i = 0; i < outcome.length; i++) u += this.scores[i]![outcome[i]!]!;
    return u;
  }

  /** The package its record gives on a day. */
  offerOn(day: string): Outcome {
    return this.byIssue.map((held, i) => {
      let option = this.best[i]!;
      for (const p of held) if (p.day <= day) option = p.option;
      return option;
    });
  }

  observe(): void {}

  wouldSign(): boolean {
    throw new ParleyError('usage', 'the scripted tactic plays SAOP on a case calendar only');
  }

  move(turn: Turn): Move {
    if (turn.day === undefined)
      throw new ParleyError('usage', 'the scripted tactic plays SAOP on a case calendar only');
    const offer = this.offerOn(turn.day);
    const rv = turn.reservationValue ?? this.reservationValue;
    if (turn.standing) {
      const offered = this.utility(turn.standing);
      if (offered >= rv && offered >= this.utility(offer)) return { kind: 'accept' };
    }
    return { kind: 'offer', outcome: offer };
  }
}
