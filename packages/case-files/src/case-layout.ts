import type { FieldPath } from '@parley/model/diagnostic.ts';
import type { CasePart } from '@parley/model/parse-case.ts';
import type { CaseFileName } from '@parley/model/schema/case-files.ts';

/**
 * Where each part of a case lives in a case folder: a file holds one part whole (case.yaml is
 * the meta; it also states the `formatVersion`), or one or more parts each under its key
 * (claims.yaml: `propositions` and `claims`; drafts.yaml: `documents`, the case's drafts).
 */
export const caseFileLayout: Record<CaseFileName, { whole: CasePart } | { keys: Record<string, CasePart> }> =
  {
    'case.yaml': { whole: 'meta' },
    'actors.yaml': { keys: { actors: 'actors' } },
    'roles.yaml': { keys: { roles: 'roles' } },
    'rounds.yaml': { keys: { rounds: 'rounds' } },
    'events.yaml': { keys: { events: 'events' } },
    'sources.yaml': { keys: { sources: 'sources' } },
    'claims.yaml': { keys: { propositions: 'propositions', claims: 'claims' } },
    'issues.yaml': { keys: { issues: 'issues' } },
    'positions.yaml': { keys: { positions: 'positions' } },
    'drafts.yaml': { keys: { documents: 'drafts' } },
    'guarantees.yaml': { whole: 'guarantees' },
    'model.yaml': { whole: 'model' },
  };

/** The parts a case file holds. */
export function partsOf(file: CaseFileName): CasePart[] {
  const layout = caseFileLayout[file];
  return 'whole' in layout ? [layout.whole] : Object.values(layout.keys);
}

/**
 * Where a record path of the case (`drafts[0].versions[1].basis`) sits in the folder's files
 * (`drafts.yaml`, `documents[0].versions[1].basis`). Draft texts are not YAML: see `draftTexts`.
 */
export function fileOfRecordPath(path: FieldPath): { file: CaseFileName; path: FieldPath } | undefined {
  const [part, ...rest] = path;
  if (part === 'formatVersion') return { file: 'case.yaml', path };
  for (const [file, layout] of Object.entries(caseFileLayout) as [
    CaseFileName,
    (typeof caseFileLayout)[CaseFileName],
  ][]) {
    if ('whole' in layout) {
      if (layout.whole === part) return { file, path: rest };
    } else {
      const key = Object.keys(layout.keys).find((k) => layout.keys[k] === part);
      if (key !== undefined) return { file, path: [key, ...rest] };
    }
  }
  return undefined;
}
