import { describe, expect, it } from 'vitest';
import { checkpointHolds, checkText } from './audit-text.ts';

describe('checkText', () => {
  it('says a verified chain with its head, a broken one with its first broken link', () => {
    expect(checkText({ ok: true, entries: 7, headHash: 'abcdef0123456789' })).toBe(
      'Verified: 7 entries, head 7:abcdef012345',
    );
    expect(checkText({ ok: false, seq: 3, problem: 'entry 3: its payload was changed' })).toBe(
      'Broken at entry 3: entry 3: its payload was changed',
    );
  });
});

describe('checkpointHolds', () => {
  const entries = [
    { seq: 1, entryHash: 'a' },
    { seq: 2, entryHash: 'b' },
  ];
  it('holds when the entry at the signed count has the signed hash', () => {
    expect(checkpointHolds(entries, { entries: 2, headHash: 'b' })).toBe(true);
  });
  it('fails on another hash, or a tail cut below the signed count', () => {
    expect(checkpointHolds(entries, { entries: 2, headHash: 'c' })).toBe(false);
    expect(checkpointHolds(entries, { entries: 3, headHash: 'b' })).toBe(false);
  });
});
