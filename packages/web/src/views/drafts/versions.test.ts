import { describe, expect, it } from 'vitest';
import { bracketParties, bracketRows, partyColours, versionTree } from './versions.ts';

describe('versionTree', () => {
  it('puts each version under its basis, in the document order, roots first', () => {
    const tree = versionTree([
      { id: '03-07-ru' },
      { id: '03-16', basis: '03-07-ru' },
      { id: '03-29' },
      { id: '04-12', basis: '03-29' },
      { id: '04-15', basis: '04-12' },
      { id: 'orphan', basis: 'not-a-version' },
    ]);
    expect(tree.map((n) => `${'  '.repeat(n.depth)}${n.version.id}`)).toEqual([
      '03-07-ru',
      '  03-16',
      '03-29',
      '  04-12',
      '    04-15',
      'orphan',
    ]);
  });

  it('draws a basis cycle once instead of looping', () => {
    expect(
      versionTree([
        { id: 'a', basis: 'b' },
        { id: 'b', basis: 'a' },
      ]).map((n) => n.version.id),
    ).toEqual(['a', 'b']);
  });
});

describe('bracketRows', () => {
  const series = {
    entries: [
      { version: '03-07', date: '2022-03-07', byParty: { ru: 3 } },
      { version: '04-12', date: '2022-04-12', byParty: { ru: 15, ua: 9 } },
    ],
  } as never;

  it('gives every party a row per version, 0 where it holds no bracket', () => {
    expect(bracketParties(series)).toEqual(['ru', 'ua']);
    expect(bracketRows(series).map((r) => [r.version, r.index, r.party, r.brackets])).toEqual([
      ['03-07', 0, 'ru', 3],
      ['03-07', 0, 'ua', 0],
      ['04-12', 1, 'ru', 15],
      ['04-12', 1, 'ua', 9],
    ]);
  });

  it('gives each party its own colour', () => {
    const colours = partyColours(['ru', 'ua']);
    expect(colours.get('ru')).not.toBe(colours.get('ua'));
  });
});
