import { draftKey, type Case } from '@parley/model/case.ts';
import type { DraftDocument as DraftRecord, DraftVersion } from '@parley/model/schema/drafts.ts';
import type { ParseOptions } from './parse.ts';

/** What `doc@version` names in a case: the draft record, the version record and its text. */
export interface ResolvedDraft {
  record: DraftRecord;
  version: DraftVersion;
  text: string;
  /**
   * The text file as the version record names it, relative to the case (`drafts/2022-04-15.txt`);
   * a shell that read the case from a folder prefixes the folder when it shows the file.
   */
  file: string;
}

/**
 * Resolves `security-treaty@2022-04-15` (or a bare version id when `defaultDocument` is given)
 * against a loaded case; an unknown id gives a message naming the ids that exist.
 */
export function resolveDraftRef(
  caseData: Case,
  ref: string,
  defaultDocument?: string,
): { draft: ResolvedDraft } | { error: string } {
  const at = ref.indexOf('@');
  const documentId = at >= 0 ? ref.slice(0, at) : defaultDocument;
  const versionId = at >= 0 ? ref.slice(at + 1) : ref;
  if (!documentId) return { error: `"${ref}" is not a draft reference: expected <document>@<version>` };
  const record = caseData.drafts.find((d) => d.id === documentId);
  if (!record) {
    return {
      error: `unknown draft document "${documentId}" (documents: ${caseData.drafts.map((d) => d.id).join(', ') || 'none'})`,
    };
  }
  const version = record.versions.find((v) => v.id === versionId);
  if (!version) {
    return {
      error: `unknown version "${versionId}" of "${record.id}" (versions: ${record.versions.map((v) => v.id).join(', ')})`,
    };
  }
  const text = caseData.draftTexts[draftKey(record.id, version.id)];
  if (text === undefined)
    return { error: `the text of ${record.id}@${version.id} (${version.text}) could not be read` };
  return { draft: { record, version, text, file: version.text } };
}

/**
 * How a version's text is read: in its declared format (a foreign Markdown draft as plain text,
 * where its links and task boxes are not brackets), checking ids against the case.
 */
export function versionParseOptions(caseData: Case, version: DraftVersion, file?: string): ParseOptions {
  return { ...caseParseOptions(caseData, file), mode: version.format === 'markdown' ? 'plain' : 'parley' };
}

/** Parse options that check party, issue and source ids against the case (Parley bracket text). */
export function caseParseOptions(caseData: Case, file?: string): ParseOptions {
  return {
    knownParties: new Set(caseData.actors.map((a) => a.id)),
    knownIssues: new Set(caseData.issues.map((i) => i.id)),
    knownSources: new Set(caseData.sources.map((s) => s.id)),
    mode: 'parley',
    ...(file ? { file } : {}),
  };
}
