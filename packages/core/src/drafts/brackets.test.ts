import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCase } from '@parley/case-files/load.ts';
import { bracketSeries, bracketsByParty } from './brackets.ts';
import { caseParseOptions } from './case-drafts.ts';
import { parseDraft } from './parse.ts';

const parse = (text: string) => parseDraft(text, { mode: 'parley' }).document;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

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

  it('reads the embedded case: brackets rise after the communiqué as the April drafts add disputed clauses', async () => {
    const { caseData } = await loadCase(path.join(repoRoot, 'cases/istanbul-2022'));
    if (!caseData) throw new Error('the embedded case did not load');
    const record = caseData.drafts.find((d) => d.id === 'security-treaty');
    const series = bracketSeries(
      (record?.versions ?? []).map((v) => ({
        version: v.id,
        document: parseDraft(caseData.draftTexts[`security-treaty@${v.id}`] ?? '', caseParseOptions(caseData))
          .document,
      })),
    );
    expect(
      series.entries.map((e) => [
        e.version,
        e.brackets,
        e.byParty,
        e.provisions.agreed,
        e.provisions.deferred,
      ]),
    ).toEqual([
      ['2022-03-07-ru', 3, { ru: 3 }, 0, 0],
      ['2022-03-16-fifteen-points', 4, { ua: 2, ru: 2 }, 0, 0],
      ['2022-03-29-communique', 1, { ru: 1 }, 15, 2],
      ['2022-04-12', 15, { ru: 15, ua: 9 }, 12, 2],
      ['2022-04-15', 17, { ru: 16, ua: 11 }, 9, 2],
    ]);
    expect(series.trend).toBe('diverging');
  });
});
