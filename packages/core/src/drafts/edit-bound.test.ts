import { describe, expect, it } from 'vitest';
import { editBound, MAX_EDIT_BOUND } from './edit-bound.ts';
import { parseDraft } from './parse.ts';
import { redline } from './redline.ts';

describe('editBound', () => {
  it('lets a unit that fits the budget whole be diffed exactly, and caps the rest', () => {
    expect(MAX_EDIT_BOUND).toBe(4000);
    expect(editBound(120, 130)).toBe(250);
    expect(editBound(20_000, 20_000)).toBe(4000);
  });
});

describe('the word diff of one long paragraph', () => {
  // 20,000 words in one paragraph; at 1% of the words (every 100th) a six-word phrase is rewritten
  // in words the text does not use, so the exact diff removes and adds 6 × 200 = 1,200 words
  // (2,400 edits: over the former fixed bound of 2,000).
  const vocabulary = Array.from({ length: 997 }, (_, i) => `w${i}`);
  const words = Array.from({ length: 20_000 }, (_, i) => vocabulary[(i * 7919) % 997] as string);
  const edited = words.map((word, i) => (i % 100 >= 50 && i % 100 < 56 ? `new${i}` : word));
  const a = parseDraft(`1. ${words.join(' ')}\n`, { mode: 'plain' }).document;
  const b = parseDraft(`1. ${edited.join(' ')}\n`, { mode: 'plain' }).document;

  it('is exact by default: the edited words and nothing else', () => {
    const { summary, changes } = redline(a, b);
    expect([summary.wordsAdded, summary.wordsRemoved, summary.degraded]).toEqual([1200, 1200, []]);
    expect(changes[1]?.segments.filter((s) => s.op !== 'equal').length).toBe(400);
  });

  it('is shown as replaced under an explicit bound below its 2,400 edits', () => {
    const { summary } = redline(a, b, { maxEditLength: 2000 });
    // All but the 50 words before the first edit and the 44 after the last.
    expect([summary.wordsAdded, summary.wordsRemoved]).toEqual([19_906, 19_906]);
    expect(summary.degraded).toEqual([
      { unit: 'Preamble ¶1', reason: 'more than 2000 word edits: shown as wholly replaced' },
    ]);
  });
});

describe('a unit beyond the budget', () => {
  it('is shown as replaced, and the reason names the budget', () => {
    // The same 2,100 words in reverse order: aligned as one paragraph, but 4,198 edits apart.
    const words = Array.from({ length: 2100 }, (_, i) => `w${i}`);
    const paragraph = (list: string[]) => parseDraft(`${list.join(' ')}\n`, { mode: 'plain' }).document;
    const { summary } = redline(paragraph(words), paragraph([...words].reverse()));
    expect([summary.wordsAdded, summary.wordsRemoved]).toEqual([2100, 2100]);
    expect(summary.degraded).toEqual([
      {
        unit: 'Preamble ¶1',
        reason:
          'more than 4000 word edits, beyond the time budget of an exact diff: shown as wholly replaced',
      },
    ]);
  });
});
