import { describe, expect, it } from 'vitest';
import type { Case } from '@parley/model/case.ts';
import { formatDiagnostic } from '@parley/model/diagnostic.ts';
import { isParleyError } from '@parley/model/errors.ts';
import { caseDraft } from '../drafts/parsed-draft.ts';
import { minimalCase } from '../minimal-case.test-support.ts';
import { validateCase } from './validate-case.ts';

const withText = (c: Case, text: string): Case => ({
  ...c,
  draftTexts: { ...c.draftTexts, 'accord@v2': text },
});

function caseDraftError(c: Case): string | undefined {
  try {
    caseDraft(c, { ref: 'accord@v2' });
  } catch (error) {
    if (isParleyError(error)) return error.message;
    throw error;
  }
}

describe('checkDraftTexts reads a case text as every command does', () => {
  // No tag lines: auto-detection would read it as plain text, where an unclosed `{` only warns.
  const untagged = '# River Accord\n\n## Article 1 Flow\n\n1. The flow shall be {north: 30 | south: 50.\n';

  it('fails validate on an unclosed alternative in a text without tags, at its line and column', async () => {
    const c = withText(await minimalCase(), untagged);
    expect(validateCase(c).map(formatDiagnostic)).toEqual([
      'draftTexts.accord@v2:5:22: "{" is never closed (its section ends at line 6)',
    ]);
  });

  it('gives the same error, at the same place, where brackets, diff and export read the version', async () => {
    const c = withText(await minimalCase(), untagged);
    expect(caseDraftError(c)).toBe(
      'drafts/v2.txt:5:22: "{" is never closed (its section ends at line 6)\n1 error in drafts/v2.txt',
    );
  });

  it('checks party ids in a text without tags', async () => {
    const c = withText(await minimalCase(), '## Article 1\n\n1. Flow [east: 30].\n');
    expect(validateCase(c).map(formatDiagnostic)).toEqual([
      'draftTexts.accord@v2:3:10: unknown party "east": not an actor id of this case',
    ]);
  });

  it('keeps the fixture case valid', async () => {
    expect(validateCase(await minimalCase())).toEqual([]);
  });
});
