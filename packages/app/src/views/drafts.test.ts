import { describe, expect, it } from 'vitest';
import { bracketsReport } from '../drafts/brackets.ts';
import { minimalCase } from '../minimal-case.test-support.ts';
import { draftsView } from './drafts.ts';

describe('draftsView', () => {
  it('counts the words of each version, not its markup', async () => {
    const c = await minimalCase();
    // "Article 1 Flow" and "The minimum flow shall be [30] [50] cubic metres per second": 3 + 11.
    expect(draftsView(c).documents.map((d) => [d.id, d.words])).toEqual([['accord', { v1: 14, v2: 13 }]]);
    const marked = {
      ...c,
      draftTexts: {
        ...c.draftTexts,
        'accord@v1':
          '# Title words\n\n## Article 1\n@issues: flow\n\n1. [north: It’s] {north: a | south: b}.',
      },
    };
    // Article, 1, It’s, a, b: the title, tag lines, party labels, brackets, bars, `#` and the
    // list number are not words.
    expect(draftsView(marked).documents[0]?.words.v1).toBe(5);
  });

  it('gives each version the word count `brackets` gives it', async () => {
    const c = await minimalCase();
    const text =
      '## Article 1 Flow\n@status: agreed\n\n1. Flow {north: 30 m3/s | south: 50}.\n2. [Also] this.';
    const changed = { ...c, draftTexts: { ...c.draftTexts, 'accord@v2': text } };
    // Article 1 Flow, Flow 30 m3/s 50, Also this: the labels and the tag line are not words.
    const shown = draftsView(changed).documents[0]?.words;
    const counted = bracketsReport(changed, { document: 'accord' }).json.entries.map((e) => [
      e.version,
      e.words,
    ]);
    expect(counted).toEqual([
      ['v1', 14],
      ['v2', 9],
    ]);
    expect(Object.entries(shown ?? {})).toEqual(counted);
  });
});
