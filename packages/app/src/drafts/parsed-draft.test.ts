import { describe, expect, it } from 'vitest';
import type { Case } from '@parley/model/case.ts';
import { isParleyError } from '@parley/model/errors.ts';
import { minimalCase } from '../minimal-case.test-support.ts';
import { caseDraft, parseTextDraft } from './parsed-draft.ts';

function failure(run: () => unknown): [string, string] | undefined {
  try {
    run();
  } catch (error) {
    if (isParleyError(error)) return [error.code, error.message];
    throw error;
  }
}

const withText = (c: Case, key: string, text: string): Case => ({
  ...c,
  draftTexts: { ...c.draftTexts, [key]: text },
});

describe('parseTextDraft', () => {
  it('labels a text by its file and hands its warnings back', () => {
    const draft = parseTextDraft('## Article 1\n\n1. Parties [shall] act.]\n', {
      file: 'a.md',
      mode: 'auto',
    });
    expect([draft.label, draft.file, draft.reconstruction]).toEqual(['a.md', 'a.md', false]);
    expect(draft.warnings.map((w) => [w.line, w.column, w.severity, w.message])).toEqual([
      [3, 24, 'warning', 'unmatched "]": no bracket is open here'],
    ]);
  });

  it('stops on errors, listing each with its position and counting them', () => {
    // Brackets are checked strictly in parley mode (the text has @tags); plain text only warns.
    const text = '## Article 1\n@status: agreed\n\n1. Text [open {ua: x].\n';
    expect(failure(() => parseTextDraft(text, { file: 'bad.txt' }))).toEqual([
      'invalid-input',
      [
        'bad.txt:4:9: "[" is never closed (its section ends at line 5)',
        'bad.txt:4:15: "{" is never closed (its section ends at line 5)',
        'bad.txt:4:21: "]" cannot close "{" opened at 4:15',
        '3 errors in bad.txt',
      ].join('\n'),
    ]);
  });
});

describe('caseDraft', () => {
  it('resolves <doc>@<version> and takes the reconstruction flag from the version record', async () => {
    const c = await minimalCase();
    const v1 = caseDraft(c, { ref: 'accord@v1' });
    expect([v1.label, v1.reconstruction, v1.record.id, v1.version.id, v1.file]).toEqual([
      'accord@v1',
      false,
      'accord',
      'v1',
      'drafts/v1.txt',
    ]);
    expect(v1.document.title).toBe('River Accord');
    // v2's text has no @reconstruction tag; drafts.yaml marks it.
    const v2 = caseDraft(c, { ref: 'v2', defaultDocument: 'accord' });
    expect([v2.label, v2.reconstruction, v2.warnings]).toEqual(['accord@v2', true, []]);
  });

  it('names the text file under the case folder the caller gives, in its errors', async () => {
    const c = await minimalCase();
    expect(caseDraft(c, { ref: 'accord@v1', caseFolder: 'cases/river/' }).file).toBe(
      'cases/river/drafts/v1.txt',
    );
    const broken = withText(c, 'accord@v1', '## Article 1\n\n1. Parties [north: act.\n');
    expect(failure(() => caseDraft(broken, { ref: 'accord@v1', caseFolder: 'cases/river' }))?.[1]).toBe(
      'cases/river/drafts/v1.txt:3:12: "[" is never closed (its section ends at line 4)\n1 error in cases/river/drafts/v1.txt',
    );
  });

  it('checks party ids against the case', async () => {
    const c = withText(await minimalCase(), 'accord@v1', '## Article 1\n\n1. Parties [xx: act].\n');
    expect(failure(() => caseDraft(c, { ref: 'accord@v1' }))?.[1]).toBe(
      'drafts/v1.txt:3:13: unknown party "xx": not an actor id of this case\n1 error in drafts/v1.txt',
    );
  });

  it('names the documents or versions that exist when a reference is wrong', async () => {
    const c = await minimalCase();
    // An id the case does not hold: the call is wrong, not the case (exit 2 in the shell).
    expect(failure(() => caseDraft(c, { ref: 'accord@v9' }))).toEqual([
      'unknown-id',
      'parley: unknown version "v9" of "accord" (versions: v1, v2)',
    ]);
    expect(failure(() => caseDraft(c, { ref: 'treaty@v1' }))?.[1]).toBe(
      'parley: unknown draft document "treaty" (documents: accord)',
    );
    expect(failure(() => caseDraft(c, { ref: 'accord' }))?.[1]).toBe(
      'parley: "accord" is not a draft reference: expected <document>@<version>',
    );
  });
});
