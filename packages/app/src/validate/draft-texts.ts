import type { Case } from '@parley/model/case.ts';
import { draftKey } from '@parley/model/case.ts';
import { formatPath, type Diagnostic, type Reporter } from '@parley/model/diagnostic.ts';
import type { CasePart, UncheckedParts } from '@parley/model/parse-case.ts';
import { caseParseOptions, versionParseOptions } from '@parley/core/drafts/case-drafts.ts';
import { parseDraft, type ParseOptions } from '@parley/core/drafts/parse.ts';

/**
 * Parses every draft version's text against the case: unknown parties in attributed brackets,
 * unknown issue ids and sources in tags, unbalanced brackets are reported at the text's path
 * (`draftTexts.treaty@v2`) with their line and column inside the text. Returns the source ids
 * the texts cite, so they count as cited.
 */
export function checkDraftTexts(
  c: Case,
  unchecked: UncheckedParts,
  report: Reporter,
  diagnostics: Diagnostic[],
): Set<string> {
  const cited = new Set<string>();
  if ('draftTexts' in unchecked) return cited;
  // A case's texts are read as every command reads them (`versionParseOptions`: in their format),
  // so a text that passes here passes `brackets`, `diff` and `export`. Ids of a part that failed
  // its check are unknown: the texts are not checked against them.
  const options: ParseOptions = caseParseOptions(c);
  const unknown: [CasePart, keyof ParseOptions][] = [
    ['actors', 'knownParties'],
    ['issues', 'knownIssues'],
    ['sources', 'knownSources'],
  ];
  for (const [part, key] of unknown) if (part in unchecked) delete options[key];
  const versions = new Set<string>();
  c.drafts.forEach((document, d) =>
    document.versions.forEach((version, v) => {
      const key = draftKey(document.id, version.id);
      versions.add(key);
      const text = c.draftTexts[key];
      if (text === undefined) {
        report(
          ['drafts', d, 'versions', v, 'text'],
          `no text for draft version "${key}"`,
          'missing-draft-text',
        );
        return;
      }
      const parsed = parseDraft(text, { ...options, mode: versionParseOptions(c, version).mode });
      const path = formatPath(['draftTexts', key]);
      for (const { code, severity, line, column, message } of parsed.diagnostics) {
        // Warnings are advice for the reader of a redline; only errors make a case invalid.
        if (severity === 'error') diagnostics.push({ code, severity, path, line, column, message });
      }
      const doc = parsed.document;
      for (const id of [
        ...doc.tags.sources,
        ...doc.sections.flatMap((s) => [...s.sources, ...s.paragraphs.flatMap((p) => p.sources)]),
      ]) {
        cited.add(id);
      }
    }),
  );
  if (!('drafts' in unchecked)) {
    for (const key of Object.keys(c.draftTexts)) {
      if (!versions.has(key))
        report(['draftTexts', key], `no draft version "${key}" in the case's drafts`, 'unknown-reference');
    }
  }
  return cited;
}
