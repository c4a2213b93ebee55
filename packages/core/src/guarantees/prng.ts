/**
 * xoshiro128** (Blackman & Vigna), seeded through splitmix32 so that any 32-bit seed gives a
 * well-mixed state. Returns unsigned 32-bit integers; the same seed gives the same sequence.
 */
export function xoshiro128(seed: number): () => number {
  let s = seed >>> 0;
  const splitmix32 = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  return xoshiro128FromState(splitmix32(), splitmix32(), splitmix32(), splitmix32());
}

/** The generator from an explicit 128-bit state (not all zero), as in the reference C code. */
export function xoshiro128FromState(s0: number, s1: number, s2: number, s3: number): () => number {
  let a = s0 | 0;
  let b = s1 | 0;
  let c = s2 | 0;
  let d = s3 | 0;
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
}

const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));
