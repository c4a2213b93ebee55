import type { SearchObjective } from './objectives.ts';
import { extendedLog, extendedLogSlope, type SmoothObjective } from './relaxation.ts';

/**
 * Smooth concave stand-ins for each objective, for the relaxation to maximise. Their gradients
 * become Lagrange multipliers, and the bound built from multipliers is valid for any of them, so
 * a stand-in only has to point the right way:
 *
 * - Nash: Σ log(u − d), with log continued smoothly below a tiny floor;
 * - linear: itself.
 *
 * Reservation constraints of non-players add the smooth penalty −K·max(0, d − u)², whose
 * gradient is zero once a constraint holds (complementary slackness).
 */
export function surrogatesFor(
  objective: SearchObjective,
  players: number[],
  constrained: number[],
  scale: number,
): SmoothObjective[] {
  const { thresholds, weights, kind } = objective;
  const penalty = 1e3 / scale;
  const withPenalty = (value: number, y: Float64Array) => {
    for (const q of constrained) {
      const short = thresholds[q]! - y[q]!;
      if (short > 0) value -= penalty * short * short;
    }
    return value;
  };
  const addPenaltyGradient = (y: Float64Array, out: Float64Array) => {
    for (const q of constrained) {
      const short = thresholds[q]! - y[q]!;
      if (short > 0) out[q]! += 2 * penalty * short;
    }
  };
  if (kind === 'nash') {
    const floor = 1e-9 * scale;
    return [
      {
        value: (y) => {
          let s = 0;
          for (const p of players) s += extendedLog(y[p]! - thresholds[p]!, floor);
          return withPenalty(s, y);
        },
        gradient: (y, out) => {
          out.fill(0);
          for (const p of players) out[p] = extendedLogSlope(y[p]! - thresholds[p]!, floor);
          addPenaltyGradient(y, out);
        },
      },
    ];
  }
  if (kind === 'linear') {
    return [
      {
        value: (y) => {
          let s = 0;
          for (const p of players) s += weights[p]! * y[p]!;
          return withPenalty(s, y);
        },
        gradient: (y, out) => {
          out.fill(0);
          for (const p of players) out[p] = weights[p]!;
          addPenaltyGradient(y, out);
        },
      },
    ];
  }
  // Max-min objectives are relaxed exactly by column generation (branch-and-bound.ts).
  return [];
}
