import type { Tactic, TacticState } from './tactic.ts';

/**
 * Time-dependent concession (Faratin, Sierra & Jennings 1998, polynomial family):
 *
 *   u(t) = rv + (best − rv)·(1 − f(t)),   f(t) = k + (1 − k)·t^(1/e)
 *
 * e < 1 concedes late (Boulware), e = 1 linearly, e > 1 early (Conceder); e = 0 never concedes
 * (hardliner: f stays at k until the deadline). k is the share conceded at once (default 0).
 */
export function concession(time: number, e: number, k = 0): number {
  if (e === 0) return k;
  return k + (1 - k) * Math.pow(Math.min(1, Math.max(0, time)), 1 / e);
}

export function targetAt(
  state: Pick<TacticState, 'time' | 'reservationValue' | 'best'>,
  e: number,
  k = 0,
): number {
  const { reservationValue: rv, best } = state;
  return rv + (best - rv) * (1 - concession(state.time, e, k));
}

export function timeDependent(e: number, k = 0): Tactic {
  const name = e === 0 ? 'hardliner' : e < 1 ? `boulware:${e}` : e === 1 ? 'linear' : `conceder:${e}`;
  return { name, target: (state) => targetAt(state, e, k) };
}
