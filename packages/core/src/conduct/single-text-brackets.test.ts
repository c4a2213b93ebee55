import { describe, expect, it } from 'vitest';
import { parseDraft } from '../drafts/parse.ts';
import { provisionsOf, singleTextStanding } from './single-text-brackets.ts';

const parse = (text: string) => parseDraft(text, { mode: 'parley' }).document;

const v1 = parse(
  '## Article 1. Flow\n\n1. Flow of {ua: 30 | ru: 50} units.\n\n2. [ru: Gauges published.]\n\n' +
    '## Article 2. [ua: Fish]\n\n1. Quotas [set jointly].\n',
);
const v2 = parse(
  '## Article 1. Flow\n\n1. Flow of 40 units.\n\n2. Gauges published.\n\n## Article 2. Fish\n\n1. Quotas.\n',
);

describe('provisionsOf', () => {
  it('lists each section, then its paragraphs, in document order', () => {
    expect(provisionsOf(v1)).toEqual(['art-1', 'art-1.p1', 'art-1.p2', 'art-2', 'art-2.p1']);
  });
});

describe('singleTextStanding', () => {
  const versions = [
    { version: 'v1', date: '2030-01-01', document: v1 },
    { version: 'v2', date: '2030-02-01', document: v2 },
  ];

  it('holds open the provisions of a party’s brackets (a heading’s in its section) and criticisms', () => {
    const standing = singleTextStanding(versions, {
      parties: ['ru', 'ua'],
      criticisms: [
        { version: 'v1', provision: 'art-2.p1', party: 'ru' },
        { version: 'v2', provision: 'art-1.p2', party: 'ua' },
        { version: 'v2', provision: 'art-1.p2', party: 'ua' },
      ],
      answers: [
        { version: 'v2', party: 'ru', answer: 'no' },
        { version: 'v2', party: 'ru', answer: 'yes' },
        { version: 'v2', party: 'ua', answer: 'no' },
      ],
    });
    expect(standing.parties).toEqual(['ru', 'ua', 'unattributed']);
    expect(standing.versions).toEqual([
      {
        version: 'v1',
        date: '2030-01-01',
        parties: [
          {
            party: 'ru',
            brackets: 2,
            criticisms: 1,
            openProvisions: ['art-1.p1', 'art-1.p2', 'art-2.p1'],
            answer: null,
            holdsOpen: true,
          },
          {
            party: 'ua',
            brackets: 2,
            criticisms: 0,
            openProvisions: ['art-1.p1', 'art-2'],
            answer: null,
            holdsOpen: true,
          },
          {
            party: 'unattributed',
            brackets: 1,
            criticisms: 0,
            openProvisions: ['art-2.p1'],
            answer: null,
            holdsOpen: true,
          },
        ],
      },
      {
        version: 'v2',
        date: '2030-02-01',
        parties: [
          // The last answer counts: ru said no, then yes; nothing else holds it.
          { party: 'ru', brackets: 0, criticisms: 0, openProvisions: [], answer: 'yes', holdsOpen: false },
          {
            party: 'ua',
            brackets: 0,
            criticisms: 2,
            openProvisions: ['art-1.p2'],
            answer: 'no',
            holdsOpen: true,
          },
          {
            party: 'unattributed',
            brackets: 0,
            criticisms: 0,
            openProvisions: [],
            answer: null,
            holdsOpen: false,
          },
        ],
      },
    ]);
    expect(standing.series).toEqual({
      entries: [
        {
          version: 'v1',
          date: '2030-01-01',
          openBrackets: { ru: 2, ua: 2, unattributed: 1 },
          openProvisions: { ru: 3, ua: 2, unattributed: 1 },
        },
        {
          version: 'v2',
          date: '2030-02-01',
          openBrackets: { ru: 0, ua: 0, unattributed: 0 },
          openProvisions: { ru: 0, ua: 1, unattributed: 0 },
          delta: { ru: -2, ua: -2, unattributed: -1 },
        },
      ],
      trend: { ru: 'converging', ua: 'converging', unattributed: 'converging' },
    });
  });

  it('reports a required signatory with nothing open, and a single version as such', () => {
    const standing = singleTextStanding([{ version: 'v2', document: v2 }], {
      parties: ['ru'],
      criticisms: [],
      answers: [],
    });
    expect(standing).toEqual({
      parties: ['ru'],
      versions: [
        {
          version: 'v2',
          parties: [
            { party: 'ru', brackets: 0, criticisms: 0, openProvisions: [], answer: null, holdsOpen: false },
          ],
        },
      ],
      series: {
        entries: [{ version: 'v2', openBrackets: { ru: 0 }, openProvisions: { ru: 0 } }],
        trend: { ru: 'single-version' },
      },
    });
  });
});
