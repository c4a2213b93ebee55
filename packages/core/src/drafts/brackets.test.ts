import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bracketSeries, bracketsByParty } from './brackets.ts';
import { parseDraft } from './parse.ts';

const parse = (text: string) => parseDraft(text, { mode: 'parley' }).document;

describe('bracketsByParty', () => {
  it('counts square brackets for their party and each alternative of a choice for its party', () => {
    const document = parse('## Article 1\n\n1. [ru: a [b]] {ua: c | ru: d | e} [ua: f].\n');
    expect(bracketsByParty(document)).toEqual({ ru: 2, unattributed: 2, ua: 2 });
  });
});

describe('bracketSeries', () => {
  it('shows whether a text converges: brackets, party counts, words in brackets, provisions by status', () => {
    const v1 = parse(
      '## Article 1\n@status: bracketed\n\n1. The [ru: big] [ua: small] army.\n\n## Article 2\n@status: agreed\n\n1. Peace.\n',
    );
    const v2 = parse(
      '## Article 1\n@status: agreed\n\n1. The small army.\n\n## Article 2\n@status: deferred\n\n1. Peace.\n',
    );
    const series = bracketSeries([
      { version: 'v1', date: '2022-04-12', document: v1 },
      { version: 'v2', document: v2 },
    ]);
    expect(series).toEqual({
      trend: 'converging',
      entries: [
        {
          version: 'v1',
          date: '2022-04-12',
          brackets: 2,
          byParty: { ru: 1, ua: 1 },
          maxDepth: 1,
          wordsInBrackets: 2,
          // Headings count as words: "Article 1", "Article 2".
          words: 9,
          provisions: { agreed: 2, bracketed: 2, deferred: 0, dropped: 0, unmarked: 0 },
        },
        {
          version: 'v2',
          brackets: 0,
          byParty: {},
          maxDepth: 0,
          wordsInBrackets: 0,
          words: 8,
          provisions: { agreed: 2, bracketed: 0, deferred: 2, dropped: 0, unmarked: 0 },
          delta: -2,
        },
      ],
    });
  });

  it('counts words inside a bracket that spans paragraphs', () => {
    const document = parse('## Article 1\n\n1. [One two.\n\n2. Three] four.\n');
    expect(bracketSeries([{ version: 'x', document }]).entries[0]).toMatchObject({
      wordsInBrackets: 3,
      words: 6,
    });
  });

  it('reads the fixture drafts: the Belarus bracket goes, the decision rule stays a choice and is deferred', () => {
    const read = (name: string) =>
      parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
    const series = bracketSeries([
      { version: 'v1', document: read('guarantees-v1.txt') },
      { version: 'v2', document: read('guarantees-v2.txt') },
    ]);
    // v1: [ru: Belarus,] and the choice {ua: … | ru: …}; v2: the choice alone. Article 1 (heading
    // and two paragraphs) is agreed in both; v2 agrees the guarantor list and defers the rule.
    expect(
      series.entries.map((e) => [
        e.version,
        e.brackets,
        e.byParty,
        e.wordsInBrackets,
        e.provisions.agreed,
        e.provisions.bracketed,
        e.provisions.deferred,
      ]),
    ).toEqual([
      ['v1', 2, { ru: 2, ua: 1 }, 10, 3, 2, 0],
      ['v2', 1, { ua: 1, ru: 1 }, 9, 4, 0, 1],
    ]);
    expect(series.trend).toBe('converging');
  });
});
