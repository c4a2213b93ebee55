import type { Case } from '@parley/model/case.ts';
import { redline, type Redline } from '@parley/core/drafts/redline.ts';
import { toRedlineJson, type RedlineJson } from '@parley/core/drafts/render-json.ts';
import { redlineView, type DraftView } from '@parley/core/drafts/view.ts';
import type { CaseRedlineInput } from './input.ts';
import { caseDraft, type ParsedDraft } from './parsed-draft.ts';

/** Two versions and what changed between them. */
export interface DraftRedline {
  before: ParsedDraft;
  after: ParsedDraft;
  redline: Redline;
  /** What Markdown, HTML and terminal output render: titled by the versions' labels. */
  view: DraftView;
}

/** The redline from `before` to `after`: structure aligned first, then words. */
export function redlineDrafts(
  before: ParsedDraft,
  after: ParsedDraft,
  { maxEdits }: { maxEdits?: number | undefined } = {},
): DraftRedline {
  const result = redline(before.document, after.document, maxEdits ? { maxEditLength: maxEdits } : {});
  return {
    before,
    after,
    redline: result,
    view: {
      ...redlineView(before.document, after.document, result),
      titleBefore: before.label,
      title: after.label,
      reconstruction: before.reconstruction || after.reconstruction,
    },
  };
}

/** Two versions of a case document: `to` may name just a version of `from`'s document. */
export function caseRedline(
  c: Case,
  {
    from,
    to,
    maxEdits,
    caseFolder,
  }: Pick<CaseRedlineInput, 'from' | 'to' | 'maxEdits'> & {
    caseFolder?: string | undefined;
  },
): DraftRedline {
  const before = caseDraft(c, { ref: from, caseFolder });
  const after = caseDraft(c, { ref: to, defaultDocument: from.split('@')[0], caseFolder });
  return redlineDrafts(before, after, { maxEdits });
}

/** The documented JSON of a redline (docs/drafts-format.md). */
export function redlineJson({ before, after, redline: result }: DraftRedline): RedlineJson {
  return toRedlineJson(
    result,
    { label: before.label, title: before.document.title },
    { label: after.label, title: after.document.title },
  );
}
