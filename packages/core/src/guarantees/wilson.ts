/** z for a two-sided 95% interval. */
export const z95 = 1.959963984540054;

/**
 * Wilson score interval for a binomial proportion: unlike the normal approximation it stays
 * inside [0, 1] and behaves at 0 and n successes, which guarantee scenarios often hit.
 */
export function wilsonInterval(successes: number, trials: number, z = z95): [number, number] {
  if (trials <= 0) return [0, 1];
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  // At 0 or n successes the bound is exactly 0 or 1; rounding must not leave a speck.
  return [
    successes === 0 ? 0 : Math.max(0, centre - half),
    successes === trials ? 1 : Math.min(1, centre + half),
  ];
}
