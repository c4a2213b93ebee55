import { describe, expect, it } from 'vitest';
import { sameIds, Vocabulary } from './fingerprint.ts';
import type { MarkerToken, Token } from './model.ts';

const word = (text: string): Token => ({ kind: 'word', text, space: true, line: 1, column: 1 });
const marker = (kind: MarkerToken['kind'], shape: MarkerToken['shape'], party?: string): Token => ({
  kind,
  bracket: 0,
  shape,
  party,
  space: false,
  line: 1,
  column: 1,
});

describe('Vocabulary', () => {
  it('gives equal tokens equal ids, in order of first sight, whatever their position or spacing', () => {
    const vocabulary = new Vocabulary();
    const first = vocabulary.fingerprint([word('the'), word('Parties'), word('the')]);
    const second = vocabulary.fingerprint([{ ...word('Parties'), space: false, line: 9 }, word(',')]);
    expect(Array.from(first.ids)).toEqual([0, 1, 0]);
    expect(Array.from(second.ids)).toEqual([1, 2]);
    // Words only in the bag: the comma is punctuation.
    expect(Array.from(first.bag())).toEqual([0, 1, 0]);
    expect(Array.from(second.bag())).toEqual([1]);
    expect(vocabulary.isWord).toEqual([true, true, false]);
    expect(vocabulary.kind).toEqual(['word', 'word', 'word']);
  });

  it('tells bracket markers apart by kind, shape and party, and from words', () => {
    const vocabulary = new Vocabulary();
    const tokens = [
      marker('open', 'square', 'ru'),
      marker('open', 'choice', 'ru'),
      marker('alt', 'choice', 'ru'),
      marker('close', 'square'),
      marker('close', 'choice'),
      marker('open', 'square'),
      marker('open', 'square', 'ua'),
      word('ru'),
      marker('open', 'square', 'ru'),
      marker('close', 'square'),
    ];
    expect(Array.from(vocabulary.fingerprint(tokens).ids)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 0, 3]);
    expect(vocabulary.kind).toEqual(['open', 'open', 'alt', 'close', 'close', 'open', 'open', 'word']);
    expect(vocabulary.isWord).toEqual([false, false, false, false, false, false, false, true]);
  });

  it('hashes equal token sequences equally; sameIds tells the sequences apart', () => {
    const vocabulary = new Vocabulary();
    const x = vocabulary.fingerprint([word('a'), word('b')]);
    const y = vocabulary.fingerprint([word('a'), word('b')]);
    const z = vocabulary.fingerprint([word('b'), word('a')]);
    expect(x.hash).toBe(y.hash);
    expect(x.hash).not.toBe(z.hash);
    expect(sameIds(x.ids, y.ids)).toBe(true);
    expect(sameIds(x.ids, z.ids)).toBe(false);
    expect(sameIds(x.ids, [...x.ids, 0])).toBe(false);
  });
});
