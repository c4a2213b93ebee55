import { describe, expect, it } from 'vitest';
import { parseDraft } from './parse.ts';
import { countWords } from './word-count.ts';

const count = (text: string) => countWords(parseDraft(text, { mode: 'parley' }).document);

describe('countWords', () => {
  it('counts heading and paragraph words, not the title, tags, labels or marks', () => {
    expect(
      count('# The Title\n\n## Article 2 Scope\n@issues: scope\n\n1. It’s [ru: all] {ua: x | ru: y}.\n'),
    ).toEqual({
      words: 7,
      wordsInBrackets: 3,
    });
  });

  it('counts a word inside nested brackets once, and brackets that span paragraphs', () => {
    expect(count('## Article 1\n\n1. a [b [c] d\n\n2. e] f\n')).toEqual({ words: 8, wordsInBrackets: 4 });
  });

  it('counts an empty text as no words', () => {
    expect(count('')).toEqual({ words: 0, wordsInBrackets: 0 });
  });
});
