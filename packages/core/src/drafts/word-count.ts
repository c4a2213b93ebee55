import { isWord, type DraftDocument } from './model.ts';

/** How long a version is, and how much of it stands in brackets. */
export interface WordCount {
  /** Words of the headings and paragraphs: not tags, party labels, bracket marks or punctuation. */
  words: number;
  /** Words standing inside at least one bracket: the disputed share of the text. */
  wordsInBrackets: number;
}

/**
 * The one word count of a parsed draft, shown by `show drafts` and `brackets` alike. The title
 * line and tag lines are not counted; a heading's `Article 3` is.
 */
export function countWords(document: DraftDocument): WordCount {
  let words = 0;
  let wordsInBrackets = 0;
  for (const section of document.sections) {
    // Brackets pair within a section but may span its paragraphs: depth runs on across them.
    let depth = 0;
    for (const tokens of [section.headingTokens, ...section.paragraphs.map((p) => p.tokens)]) {
      for (const token of tokens) {
        if (token.kind === 'open') depth++;
        else if (token.kind === 'close') depth--;
        else if (isWord(token)) {
          words++;
          if (depth > 0) wordsInBrackets++;
        }
      }
    }
  }
  return { words, wordsInBrackets };
}
