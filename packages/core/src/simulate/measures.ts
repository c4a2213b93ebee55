import type { FrontierPoint } from '../bargaining/pareto.ts';

/**
 * Tournament measures over many runs (as GENIUS tournaments report them), each with a 95% interval:
 * a mean with mean ± 1.96·s/√n (normal approximation; s the sample standard deviation), a rate
 * with Wilson's score interval (which stays inside [0, 1] and is not degenerate at 0 or 1).
 */
export interface Estimate {
  mean: number;
  low: number;
  high: number;
  n: number;
}

export function estimate(values: readonly number[]): Estimate | null {
  const n = values.length;
  if (n === 0) return null;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = n > 1 ? values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1) : 0;
  const half = 1.96 * Math.sqrt(variance / n);
  return { mean, low: mean - half, high: mean + half, n };
}

const Z95 = 1.959963984540054;

/** A proportion successes/n with its 95% Wilson score interval (Wilson 1927). */
export function wilson(successes: number, n: number): Estimate {
  if (n === 0) return { mean: 0, low: 0, high: 1, n };
  const p = successes / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { mean: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half), n };
}

const euclidean = (a: readonly number[], b: readonly number[]) =>
  Math.sqrt(a.reduce((s, x, k) => s + (x - b[k]!) ** 2, 0));

/** Distance from a utility point to the nearest Pareto-optimal point (0 when it is on the frontier). */
export function distanceToFrontier(point: readonly number[], frontier: readonly FrontierPoint[]): number {
  return frontier.reduce((best, p) => Math.min(best, euclidean(point, p.utilities)), Infinity);
}

export const distanceTo = euclidean;
