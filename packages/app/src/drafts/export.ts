import type { Case } from '@parley/model/case.ts';
import { parseEdtf } from '@parley/model/edtf.ts';
import { toAkn, type AknMeta } from '@parley/core/drafts/akn.ts';
import { toHtml } from '@parley/core/drafts/render-html.ts';
import { toMarkdown } from '@parley/core/drafts/render-markdown.ts';
import { documentView } from '@parley/core/drafts/view.ts';
import type { ExportInput } from './input.ts';
import { caseDraft, type CaseDraft, type TextWarnings } from './parsed-draft.ts';
import { redlineDrafts } from './redline.ts';

export interface DraftExport {
  /** The exported document: XML, Markdown or HTML. */
  text: string;
  /** The version exported, and the one it is redlined against. */
  label: string;
  againstLabel?: string;
  warnings: TextWarnings[];
}

/** What the Akoma Ntoso says about a version that its text does not: who, when, on what. */
export function aknMeta(c: Case, current: CaseDraft, earlier?: CaseDraft): AknMeta {
  const { record, version } = current;
  // Only an earlier version of the same document is a redline base the FRBR URI can name.
  const against = earlier && earlier.record.id === record.id ? earlier.version : undefined;
  return {
    documentId: record.id,
    versionId: version.id,
    date: parseEdtf(version.date).earliest,
    workDate: workDate(record.versions.map((v) => v.date)) ?? parseEdtf(version.date).earliest,
    author: version.author,
    reconstruction: current.reconstruction || Boolean(earlier?.reconstruction),
    parties: c.actors.filter((a) => a.kind !== 'person').map((a) => ({ id: a.id, name: a.name })),
    issues: c.issues.map((i) => ({ id: i.id, title: i.title })),
    ...(against ? { against: { versionId: against.id, date: parseEdtf(against.date).earliest } } : {}),
  };
}

/** The Work's date: the earliest day of the document's first version, the same for every version. */
function workDate(dates: string[]): string | undefined {
  const days = dates.map((d) => parseEdtf(d).earliest).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  return days.sort()[0];
}

/** A version as Akoma Ntoso XML, Markdown or HTML; with `against`, the redline from that version. */
export function exportDraft(
  c: Case,
  { format, ref, against, caseFolder }: ExportInput & { caseFolder?: string | undefined },
): DraftExport {
  const current = caseDraft(c, { ref, caseFolder });
  const earlier = against
    ? caseDraft(c, { ref: against, defaultDocument: current.record.id, caseFolder })
    : undefined;
  let text: string;
  if (format === 'akn') text = toAkn(current.document, aknMeta(c, current, earlier), earlier?.document);
  else {
    const view = earlier
      ? redlineDrafts(earlier, current).view
      : { ...documentView(current.document), reconstruction: current.reconstruction };
    text = format === 'md' ? toMarkdown(view) : toHtml(view);
  }
  return {
    text,
    label: current.label,
    ...(earlier ? { againstLabel: earlier.label } : {}),
    warnings: earlier ? [current, earlier] : [current],
  };
}
