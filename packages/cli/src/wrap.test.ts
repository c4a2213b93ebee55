import { describe, expect, it } from 'vitest';
import { wrap } from './wrap.ts';

describe('wrap', () => {
  it('breaks between words so no line passes the width, indent included', () => {
    expect(wrap('the parties alone had a deal', 14, '  ')).toEqual([
      '  the parties',
      '  alone had a',
      '  deal',
    ]);
  });
  it('keeps a word longer than the width whole, and gives nothing for blank text', () => {
    expect(wrap('Kalai–Smorodinsky point', 8, '')).toEqual(['Kalai–Smorodinsky', 'point']);
    expect(wrap('   ', 10, '  ')).toEqual([]);
  });
});
