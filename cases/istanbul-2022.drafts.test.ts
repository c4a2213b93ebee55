import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCase } from '@parley/case-files/load.ts';
import { caseParseOptions } from '@parley/core/drafts/case-drafts.ts';
import { parseDraft } from '@parley/core/drafts/parse.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('the embedded case drafts', async () => {
  const { caseData } = await loadCase(path.join(repoRoot, 'cases/istanbul-2022'));
  const record = caseData?.drafts.find((d) => d.id === 'security-treaty');
  const versions = (record?.versions ?? []).map((v) => ({
    id: v.id,
    ...parseDraft(
      caseData?.draftTexts[`security-treaty@${v.id}`] ?? '',
      caseParseOptions(caseData as never, v.text),
    ),
  }));

  it('parse without a problem against the case’s actors, issues and sources', () => {
    expect(versions.map((v) => [v.id, v.diagnostics])).toEqual([
      ['2022-03-07-ru', []],
      ['2022-03-16-fifteen-points', []],
      ['2022-03-29-communique', []],
      ['2022-04-12', []],
      ['2022-04-15', []],
    ]);
  });

  it('are labelled reconstructions, and every provision cites sources and issues', () => {
    for (const { id, document } of versions) {
      expect([id, document.tags.reconstruction]).toEqual([id, true]);
      for (const section of document.sections) {
        if (section.kind === 'preamble') continue;
        expect([id, section.id, section.issues.length > 0]).toEqual([id, section.id, true]);
        for (const paragraph of section.paragraphs) {
          const sources = paragraph.sources.length ? paragraph.sources : section.sources;
          expect([id, paragraph.id, sources.length > 0]).toEqual([id, paragraph.id, true]);
        }
      }
    }
  });

  it('hold the guarantee decision rule of 15 April as each party’s wording', () => {
    const april15 = versions.find((v) => v.id === '2022-04-15')?.document;
    const rule = april15?.sections.find((s) => s.id === 'art-3')?.paragraphs[1];
    expect(rule?.issues).toEqual(['guarantee-decision-rule', 'guarantee-assistance']);
    expect(rule?.status).toBe('bracketed');
    const choice = april15?.brackets.find((b) => b.unit === 'art-3.p2');
    expect(choice?.alternatives).toEqual(['ua', 'ru']);
  });
});
