import type { Case } from '@parley/model/case.ts';
import { ParleyError } from '@parley/model/errors.ts';
import type { DraftDocument as DraftRecord, DraftVersion } from '@parley/model/schema/drafts.ts';
import { resolveDraftRef, versionParseOptions } from '@parley/core/drafts/case-drafts.ts';
import {
  formatDraftDiagnostic,
  type DraftDiagnostic,
  type DraftDocument,
} from '@parley/core/drafts/model.ts';
import { parseDraft, type ParseOptions } from '@parley/core/drafts/parse.ts';

/** The warnings from parsing one text: advice, not a stop; the shell decides how many to show. */
export interface TextWarnings {
  /** The text's file as messages name it, when it has one. */
  file?: string;
  warnings: DraftDiagnostic[];
}

/** A parsed version and how to name it in output. */
export interface ParsedDraft extends TextWarnings {
  label: string;
  document: DraftDocument;
  /** From the case's version record or the text's own `@reconstruction` tag. */
  reconstruction: boolean;
}

/** A version of a case document, parsed, with the records it was resolved to. */
export interface CaseDraft extends ParsedDraft {
  record: DraftRecord;
  version: DraftVersion;
}

/** Parses a draft text; errors stop the use case (all listed), warnings go back to the caller. */
export function parseDraftText(text: string, options: ParseOptions): Omit<ParsedDraft, 'label'> {
  const { document, diagnostics } = parseDraft(text, options);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    throw new ParleyError(
      'invalid-input',
      `${errors.map(formatDraftDiagnostic).join('\n')}\n${errors.length} error${errors.length === 1 ? '' : 's'} in ${options.file ?? 'the draft'}`,
    );
  }
  return {
    ...(options.file !== undefined ? { file: options.file } : {}),
    warnings: diagnostics,
    document,
    reconstruction: document.tags.reconstruction,
  };
}

/** A text outside any case, named by its file, e.g. for `parley diff a.txt b.txt`. */
export function parseTextDraft(
  text: string,
  { file, mode }: { file: string; mode?: ParseOptions['mode'] },
): ParsedDraft {
  return { label: file, ...parseDraftText(text, { file, ...(mode ? { mode } : {}) }) };
}

export interface CaseDraftInput {
  /** `<document>@<version>`, or a bare version of `defaultDocument`. */
  ref: string;
  defaultDocument?: string | undefined;
  /** How messages name the case's folder: a version's text file is named under it. */
  caseFolder?: string | undefined;
}

/** Resolves `doc@version` in a case and parses its text, checking ids against the case. */
export function caseDraft(c: Case, { ref, defaultDocument, caseFolder }: CaseDraftInput): CaseDraft {
  const resolved = resolveDraftRef(c, ref, defaultDocument);
  if ('error' in resolved) throw new ParleyError('unknown-id', `parley: ${resolved.error}`);
  const { record, version, text } = resolved.draft;
  const file = caseFolder === undefined ? version.text : `${caseFolder.replace(/\/+$/, '')}/${version.text}`;
  const parsed = parseDraftText(text, versionParseOptions(c, version, file));
  return {
    ...parsed,
    label: `${record.id}@${version.id}`,
    reconstruction: version.reconstruction || parsed.reconstruction,
    record,
    version,
  };
}
