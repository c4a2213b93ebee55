import { describe, expect, it } from 'vitest';
import { WordTable } from './word-table.ts';

describe('the word table', () => {
  it('tells apart two words of one length whose hashes are equal', () => {
    // "ibjrynfi" and "bkemlcja" share their 32-bit FNV-1a hash: only the characters tell them apart.
    const table = new WordTable();
    const text = 'ibjrynfi bkemlcja';
    expect(table.intern(text, 0, 8, 10)).toBe(10);
    expect(table.intern(text, 9, 8, 11)).toBe(11);
    expect(table.intern('bkemlcja', 0, 8, 12)).toBe(11);
    expect(table.intern('ibjrynfi', 0, 8, 12)).toBe(10);
    expect(table.size).toBe(2);
  });

  it('finds a word wherever it lies: in a longer text or in a string of its own', () => {
    const table = new WordTable();
    expect(table.intern('the Parties shall', 4, 7, 0)).toBe(0);
    expect(table.intern('Parties', 0, 7, 1)).toBe(0);
    expect(table.intern('Partie', 0, 6, 1)).toBe(1);
    expect(table.intern('', 0, 0, 2)).toBe(2);
    expect(table.intern('x', 1, 0, 3)).toBe(2);
  });
});
