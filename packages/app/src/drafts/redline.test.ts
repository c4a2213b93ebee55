import { describe, expect, it } from 'vitest';
import { draftKey } from '@parley/model/case.ts';
import { rebuildAfter, rebuildBefore } from '@parley/core/drafts/rebuild.ts';
import { minimalCase } from '../minimal-case.test-support.ts';
import { parseTextDraft } from './parsed-draft.ts';
import { caseRedline, redlineDrafts, redlineJson } from './redline.ts';

describe('caseRedline', () => {
  it('redlines two versions of a case document, the later named by its version alone', async () => {
    const result = caseRedline(await minimalCase(), { from: 'accord@v1', to: 'v2' });
    expect(result.redline.summary).toEqual({
      wordsAdded: 1,
      wordsRemoved: 2,
      moved: 0,
      renumbered: 0,
      units: { unchanged: 1, modified: 1, inserted: 0, deleted: 0 },
      brackets: { unattributed: { before: 2, after: 0, opened: 0, closed: 2 } },
      statusChanges: [],
      degraded: [],
    });
    // Titled by the versions; a reconstruction on either side marks the whole redline.
    expect([result.view.titleBefore, result.view.title, result.view.reconstruction]).toEqual([
      'accord@v1',
      'accord@v2',
      true,
    ]);
    const json = redlineJson(result);
    expect([json.a, json.b]).toEqual([
      { label: 'accord@v1', title: 'River Accord' },
      { label: 'accord@v2', title: 'River Accord' },
    ]);
    expect(json.changes[1]?.edits?.filter((e) => e.op !== 'equal').map((e) => [e.op, e.text])).toEqual([
      ['delete', '[30] [50]'],
      ['insert', '40'],
    ]);
  });
});

describe('redlineDrafts', () => {
  it('shows a unit over the edit bound as replaced and says so', () => {
    const a = parseTextDraft('## Article 1\n\n1. one two three four five six\n', { file: 'a.txt' });
    const b = parseTextDraft('## Article 1\n\n1. one 2 three 4 five 6\n', { file: 'b.txt' });
    expect(redlineDrafts(a, b, { maxEdits: 2 }).redline.summary.degraded).toEqual([
      { unit: 'Article 1 ¶1', reason: 'more than 2 word edits: shown as wholly replaced' },
    ]);
    expect(redlineDrafts(a, b).redline.summary.degraded).toEqual([]);
    expect([redlineDrafts(a, b).view.titleBefore, redlineDrafts(a, b).view.title]).toEqual([
      'a.txt',
      'b.txt',
    ]);
  });
});

describe('redlineJson', () => {
  it('is lossless for a case redline: both versions rebuild from it exactly', async () => {
    const c = await minimalCase();
    const json = redlineJson(caseRedline(c, { from: 'accord@v1', to: 'v2' }));
    expect(rebuildBefore(json)).toBe(c.draftTexts[draftKey('accord', 'v1')]);
    expect(rebuildAfter(json)).toBe(c.draftTexts[draftKey('accord', 'v2')]);
    expect(json.summary.whitespaceEdits).toBe(0);
  });

  it('is lossless for two texts given with their drafts, and word-level only without them', () => {
    const textA = '# Accord\n\n1. Parties shall act, together.\n';
    const textB = '# Accord\n\n1. Parties shall act,together.\n';
    const a = parseTextDraft(textA, { file: 'a.txt' });
    const b = parseTextDraft(textB, { file: 'b.txt' });
    const json = redlineJson(redlineDrafts(a, b, { texts: { before: textA, after: textB } }));
    expect([rebuildBefore(json), rebuildAfter(json), json.summary.whitespaceEdits]).toEqual([
      textA,
      textB,
      1,
    ]);
    expect(redlineJson(redlineDrafts(a, b)).head).toBeUndefined();
  });
});
