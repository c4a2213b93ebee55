import { ParleyError } from '@parley/model/errors.ts';

/**
 * The one seeded random generator of Parley: xoshiro128** (Blackman & Vigna), with its state
 * seeded through splitmix32 so that any 32-bit seed gives a well-mixed state. The same seed gives
 * the same sequence on every platform (32-bit integer arithmetic only), which is what makes a
 * seeded Monte Carlo run or a seeded benchmark domain reproducible. Not for cryptography.
 *
 * Each generator owns its state: two runs with their own generators never disturb each other.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A generator from a 32-bit seed (other numbers are reduced to their low 32 bits). */
  constructor(seed: number) {
    let s = seed >>> 0;
    const splitmix32 = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix32() | 0;
    this.b = splitmix32() | 0;
    this.c = splitmix32() | 0;
    this.d = splitmix32() | 0;
  }

  /** The generator from an explicit 128-bit state (not all zero), as in the reference C code. */
  static fromState(s0: number, s1: number, s2: number, s3: number): SeededRandom {
    const random = new SeededRandom(0);
    random.a = s0 | 0;
    random.b = s1 | 0;
    random.c = s2 | 0;
    random.d = s3 | 0;
    return random;
  }

  /** The next unsigned 32-bit integer, uniform on [0, 2³²). */
  uint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** A float uniform on [0, 1) with 53 random bits (every double of the form k·2⁻⁵³): two draws. */
  float(): number {
    const high = this.uint32() >>> 5; // 27 bits
    const low = this.uint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** An integer uniform on [min, max] (both included; at most 2³² values), without modulo bias. */
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min || max - min >= 4294967296)
      throw new ParleyError(
        'usage',
        `random int(${min}, ${max}): the bounds must be integers, min <= max, at most 2^32 values apart`,
      );
    const range = max - min + 1;
    // Draws in the last incomplete block of `range` values are rejected: each value keeps the same count.
    const limit = 4294967296 - (4294967296 % range);
    let x = this.uint32();
    while (x >= limit) x = this.uint32();
    return min + (x % range);
  }
}

const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));
