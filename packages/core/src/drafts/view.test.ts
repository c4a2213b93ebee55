import { describe, expect, it } from 'vitest';
import { parseDraft } from './parse.ts';
import { tokensText } from './view.ts';

describe('tokensText', () => {
  it('writes literal brackets, braces, bars and backslashes escaped, and other words as they are', () => {
    const { document } = parseDraft('1. A \\[literal\\] x\\|y \\\\ and \\{brace\\} [ru: kept].\n', {
      mode: 'parley',
    });
    const tokens = document.sections[0]?.paragraphs[0]?.tokens ?? [];
    expect(tokensText(tokens)).toBe('A \\[literal\\] x\\|y \\\\ and \\{brace\\} [ru: kept].');
  });
});
