import type { Case } from '@parley/model/case.ts';
import { formatPath, type Diagnostic, type Reporter } from '@parley/model/diagnostic.ts';
import type { UncheckedParts } from '@parley/model/parse-case.ts';
import { checkCitations } from './citations.ts';
import { checkDraftTexts } from './draft-texts.ts';
import { checkReferences } from './references.ts';

/** What the caller knows is missing from a case it could only partly read. */
export interface CaseGaps {
  /**
   * Parts left out because their records failed their schema check, with the value given
   * (undefined when none could be read): the ids they define are unknown, so references into
   * them are not reported, but the sources they cite still count as cited.
   */
  unchecked?: UncheckedParts;
  /** Some input could not be read at all (a YAML syntax error): no source is reported as never cited. */
  unread?: boolean;
}

/**
 * Checks a whole case across its records: every reference resolves, positions fit their
 * issues, drafts chain, guarantees and the model name what the case defines, the draft texts
 * parse against the case, and every source is defined and cited. Pure: the same rules and
 * messages for a case read from a folder, a JSON body or a database. Each problem is reported
 * at its record path (`positions[3].value`); a draft text's at its path with line and column.
 */
export function validateCase(c: Case, gaps: CaseGaps = {}): Diagnostic[] {
  const unchecked = gaps.unchecked ?? {};
  const diagnostics: Diagnostic[] = [];
  const report: Reporter = (path, message, code = 'invalid-value') =>
    diagnostics.push({ code, severity: 'error', path: formatPath(path), message });
  const sources = checkReferences(c, unchecked, report);
  const citedInTexts = checkDraftTexts(c, unchecked, report, diagnostics);
  checkCitations(c, sources, citedInTexts, { unchecked, unread: gaps.unread ?? false }, report);
  return diagnostics;
}
