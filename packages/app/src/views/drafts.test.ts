import { describe, expect, it } from 'vitest';
import { minimalCase } from '../minimal-case.test-support.ts';
import { draftsView } from './drafts.ts';

describe('draftsView', () => {
  it('counts the words of each version, not its markup', async () => {
    const c = await minimalCase();
    expect(draftsView(c).documents.map((d) => [d.id, d.words])).toEqual([['accord', { v1: 17, v2: 16 }]]);
    const marked = {
      ...c,
      draftTexts: { ...c.draftTexts, 'accord@v1': '## Article 1\n\n1. [ru: It’s] {a | b}.' },
    };
    // Article, 1, 1, ru, It’s, a, b: brackets, bars, `#` and the number's dot are not words.
    expect(draftsView(marked).documents[0]?.words.v1).toBe(7);
  });
});
