/**
 * Acceptance conditions (Baarslag, Hindriks & Jonker, "Effective acceptance conditions in
 * real-time automated negotiation", 2014), in the party's undiscounted utility:
 *
 * - AC_next: accept when the offer is worth at least the offer the party would make next;
 * - AC_const(α): accept when the offer is worth at least α;
 * - AC_time(T): accept anything once the relative time reaches T;
 * - AC_last: accept on the party's last chance — the turn after which no counter-offer of its own
 *   could still be agreed before the deadline. Rejecting then means no deal, so any offer at or
 *   above the reservation value is better (AC_next alone rejects it whenever its own next bid asks
 *   for more: the weakness near the deadline the paper's combined conditions address);
 * - combinations: all of them (and) or any of them (or).
 *
 * Whatever the condition says, an offer below the reservation value is never accepted (the agent
 * checks it): every agreement is individually rational when it is made.
 */

export type Acceptance =
  | { kind: 'next' }
  | { kind: 'const'; alpha: number }
  | { kind: 'time'; at: number }
  | { kind: 'last' }
  | { kind: 'and' | 'or'; of: Acceptance[] };

export interface AcceptanceState {
  time: number;
  /** The party's utility of the standing offer. */
  offered: number;
  /** The party's utility of the offer it would make instead. */
  next: number;
  /** Its last chance: a counter-offer now could no longer be agreed before the deadline. */
  last?: boolean;
}

export function accepts(condition: Acceptance, state: AcceptanceState): boolean {
  switch (condition.kind) {
    case 'next':
      return state.offered >= state.next;
    case 'const':
      return state.offered >= condition.alpha;
    case 'time':
      return state.time >= condition.at;
    case 'last':
      return state.last === true;
    case 'and':
      return condition.of.every((c) => accepts(c, state));
    case 'or':
      return condition.of.some((c) => accepts(c, state));
  }
}

export function acceptanceName(condition: Acceptance): string {
  switch (condition.kind) {
    case 'next':
      return 'next';
    case 'const':
      return `const:${condition.alpha}`;
    case 'time':
      return `time:${condition.at}`;
    case 'last':
      return 'last';
    case 'and':
      return condition.of.map(acceptanceName).join('&');
    case 'or':
      return condition.of.map(acceptanceName).join('|');
  }
}
