import { draftKey, type Case } from '@parley/model/case.ts';
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
  /** The texts the versions were parsed from: with them the JSON is lossless (rebuild.ts). */
  texts?: { before: string; after: string };
}

/** The redline from `before` to `after`: structure aligned first, then words. */
export function redlineDrafts(
  before: ParsedDraft,
  after: ParsedDraft,
  {
    maxEdits,
    texts,
  }: { maxEdits?: number | undefined; texts?: { before: string; after: string } | undefined } = {},
): DraftRedline {
  const result = redline(before.document, after.document, maxEdits ? { maxEditLength: maxEdits } : {});
  return {
    before,
    after,
    redline: result,
    ...(texts ? { texts } : {}),
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
  // caseDraft found both texts, so they are there.
  const text = (d: typeof before) => c.draftTexts[draftKey(d.record.id, d.version.id)] as string;
  return redlineDrafts(before, after, { maxEdits, texts: { before: text(before), after: text(after) } });
}

/** The documented JSON of a redline (docs/drafts-format.md); lossless when the texts are known. */
export function redlineJson({ before, after, redline: result, texts }: DraftRedline): RedlineJson {
  return toRedlineJson(
    result,
    { label: before.label, title: before.document.title },
    { label: after.label, title: after.document.title },
    texts && {
      a: { document: before.document, text: texts.before },
      b: { document: after.document, text: texts.after },
    },
  );
}
