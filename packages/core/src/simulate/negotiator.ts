import type { Outcome } from '../bargaining/outcome-space.ts';

/** What a party may do on its turn under the stacked alternating offers protocol. */
export type Move = { kind: 'offer'; outcome: Outcome } | { kind: 'accept' } | { kind: 'end' };

export interface Turn {
  step: number;
  /** Relative time: step / (deadline rounds × parties), in [0, 1). */
  time: number;
  /** The offer on the table (undefined: the party must make one or end). */
  standing: Outcome | undefined;
  /** The mover's reservation value on this turn's day (case calendar); absent: its profile's. */
  reservationValue?: number;
  /** Every stakeholder's reservation value that day (case calendar; what an informed party knows of the guarantors). */
  limits?: readonly number[];
  /** The turn's calendar day (case calendar runs), YYYY-MM-DD. */
  day?: string;
  /** SAOP: the mover's last chance — an offer made now could no longer be agreed by the deadline. */
  last?: boolean;
}

/** One bargaining party in a run. It sees the domain only through its own profile and the offers. */
export interface Negotiator {
  /** Stakeholder index in the domain. */
  readonly party: number;
  readonly tactic: string;
  /** Every offer made, by any party (its own included), in order. */
  observe(by: number, outcome: Outcome): void;
  /** A stakeholder (a guarantor, or a party whose limit rose) vetoed a package all parties had accepted. */
  vetoed?(by: number, outcome: Outcome): void;
  move(turn: Turn): Move;
  /** Its utility of a package, undiscounted (used by mediated protocols to ask for answers). */
  utility(outcome: Outcome): number;
  /**
   * Single negotiating text, veto variant: would it sign this package now? `reservationValue`:
   * its limit on the step's day (case calendar); absent, its profile's.
   */
  wouldSign(time: number, outcome: Outcome, reservationValue?: number): boolean;
}
