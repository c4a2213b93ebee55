import type { Case } from '@parley/model/case.ts';
import type { Diagnostic } from '@parley/model/diagnostic.ts';
import { parseCase } from '@parley/model/parse-case.ts';
import { validateCase } from './validate-case.ts';

/**
 * Checks a case that arrives as one plain object (an HTTP body, a stored document): format
 * version, record schemas, then the whole-case rules. The case comes back only when it is valid.
 */
export function checkCase(input: unknown): { caseData?: Case; diagnostics: Diagnostic[] } {
  const parsed = parseCase(input);
  if (!parsed.records) return { diagnostics: parsed.diagnostics };
  const diagnostics = [
    ...parsed.diagnostics,
    ...validateCase(parsed.records, { unchecked: parsed.unchecked }),
  ];
  return diagnostics.length === 0 ? { caseData: parsed.records, diagnostics } : { diagnostics };
}
