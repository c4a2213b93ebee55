import { describe, expect, it } from 'vitest';
import { bagWeight, rewrittenPercent, wordWeights } from './similarity.ts';

describe('wordWeights', () => {
  it('weighs a word by how few units hold it: ln((n + 1) / (df + 0.5))', () => {
    // Word 0 in all three units (counted once per unit), word 1 in one, word 2 in none.
    const weights = wordWeights([[0, 0, 1], [0], [0]], 3);
    expect(Array.from(weights)).toEqual([Math.log(4 / 3.5), Math.log(4 / 1.5), Math.log(4 / 0.5)]);
    expect(bagWeight([0, 1, 1], weights)).toBe(Math.log(4 / 3.5) + 2 * Math.log(4 / 1.5));
  });
});

describe('rewrittenPercent', () => {
  it('is the share of words not kept, in whole percent, and nothing for identical units', () => {
    expect(rewrittenPercent(0.4)).toBe(60);
    expect(rewrittenPercent(50 / 120)).toBe(58);
    expect(rewrittenPercent(1)).toBeUndefined();
    expect(rewrittenPercent(undefined)).toBeUndefined();
    // A pair that differs in a word or two of hundreds still says so.
    expect(rewrittenPercent(0.998)).toBe(1);
  });
});
