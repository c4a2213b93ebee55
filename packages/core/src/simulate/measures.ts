import type { FrontierPoint } from '../bargaining/pareto.ts';

/**
 * Tournament measures over many runs (as GENIUS tournaments report them): each a mean with a 95%
 * interval, mean ± 1.96·s/√n (normal approximation; s the sample standard deviation).
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

const euclidean = (a: readonly number[], b: readonly number[]) =>
  Math.sqrt(a.reduce((s, x, k) => s + (x - b[k]!) ** 2, 0));

/** Distance from a utility point to the nearest Pareto-optimal point (0 when it is on the frontier). */
export function distanceToFrontier(point: readonly number[], frontier: readonly FrontierPoint[]): number {
  return frontier.reduce((best, p) => Math.min(best, euclidean(point, p.utilities)), Infinity);
}

export const distanceTo = euclidean;
