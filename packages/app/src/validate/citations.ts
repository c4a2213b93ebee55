import type { Case } from '@parley/model/case.ts';
import type { FieldPath, Reporter } from '@parley/model/diagnostic.ts';
import type { CasePart, UncheckedParts } from '@parley/model/parse-case.ts';

/**
 * Every `sources: [...]` list (or `source:` field) in any record must name a defined source,
 * and every defined source must be cited somewhere: an uncited source is usually a typo twin.
 * Parts that failed their schema check are walked as given: their citations still count.
 */
export function checkCitations(
  c: Case,
  defined: Set<string>,
  citedElsewhere: Set<string>,
  gaps: { unchecked: UncheckedParts; unread: boolean },
  report: Reporter,
): void {
  if ('sources' in gaps.unchecked) return;
  const cited = new Set(citedElsewhere);
  const parts = new Set([...Object.keys(c), ...Object.keys(gaps.unchecked)] as CasePart[]);
  for (const part of parts) {
    if (part === 'sources' || part === 'draftTexts') continue;
    const records = part in gaps.unchecked ? gaps.unchecked[part] : c[part];
    walk(records, [part], (id, path) => {
      cited.add(id);
      if (!defined.has(id)) report(path, `unknown source "${id}"`, 'unknown-reference');
    });
  }
  // Input that could not be read at all has unknown citations, so "never cited" would be a guess.
  if (gaps.unread) return;
  c.sources.forEach((s, i) => {
    if (!cited.has(s.id)) report(['sources', i, 'id'], `source "${s.id}" is never cited`, 'uncited-source');
  });
}

function walk(node: unknown, path: (string | number)[], cite: (id: string, path: FieldPath) => void): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => walk(child, [...path, i], cite));
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'sources' && Array.isArray(value)) {
        value.forEach((id, i) => typeof id === 'string' && cite(id, [...path, key, i]));
      } else if (key === 'source' && typeof value === 'string') {
        cite(value, [...path, key]);
      } else {
        walk(value, [...path, key], cite);
      }
    }
  }
}
