import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDraft } from '@parley/core/drafts/parse.ts';
import type { Case } from '@parley/model/case.ts';
import { draftKey } from '@parley/model/case.ts';
import type { Diagnostic } from '@parley/model/diagnostic.ts';
import type { Reporter } from './load.ts';

/**
 * Reads every draft version's text and parses it against the case: unknown parties in
 * attributed brackets, unknown issue ids and unknown sources in tags are reported at their
 * file:line:column. Returns the source ids the texts cite, so they count as cited.
 */
export async function loadDraftTexts(
  c: Case,
  report: Reporter,
  diagnostics: Diagnostic[],
  display: (file: string) => string,
): Promise<Set<string>> {
  const cited = new Set<string>();
  const knownParties = new Set(c.actors.map((a) => a.id));
  const knownIssues = new Set(c.issues.map((i) => i.id));
  const knownSources = new Set(c.sources.map((s) => s.id));
  for (const [d, document] of c.drafts.entries()) {
    for (const [v, version] of document.versions.entries()) {
      const file = path.join(c.dir, version.text);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        report(
          'drafts.yaml',
          ['documents', d, 'versions', v, 'text'],
          `cannot read draft text file "${version.text}"`,
        );
        continue;
      }
      c.draftTexts[draftKey(document.id, version.id)] = text;
      const parsed = parseDraft(text, { knownParties, knownIssues, knownSources, file: display(file) });
      for (const problem of parsed.diagnostics) {
        if (problem.severity !== 'error') continue;
        diagnostics.push({
          file: display(file),
          line: problem.line,
          column: problem.column,
          path: '',
          message: problem.message,
        });
      }
      const doc = parsed.document;
      for (const id of [
        ...doc.tags.sources,
        ...doc.sections.flatMap((s) => [...s.sources, ...s.paragraphs.flatMap((p) => p.sources)]),
      ]) {
        cited.add(id);
      }
    }
  }
  return cited;
}
