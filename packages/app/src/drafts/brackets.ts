import type { Case } from '@parley/model/case.ts';
import { compareEdtfText } from '@parley/model/edtf.ts';
import { ParleyError } from '@parley/model/errors.ts';
import { bracketSeries, type BracketSeries } from '@parley/core/drafts/brackets.ts';
import { caseDraft, type TextWarnings } from './parsed-draft.ts';

/** The documented JSON of `parley brackets`: the document id, then the series. */
export type BracketsJson = { document: string } & BracketSeries;

export interface BracketsReport {
  json: BracketsJson;
  title: string;
  /** One entry per version parsed, in date order. */
  warnings: TextWarnings[];
}

/** Open brackets per version and per party of one document: is the text converging? */
export function bracketsReport(
  c: Case,
  { document, caseFolder }: { document: string; caseFolder?: string | undefined },
): BracketsReport {
  const record = c.drafts.find((d) => d.id === document);
  if (!record) {
    throw new ParleyError(
      'unknown-id',
      `parley: unknown draft document "${document}" (documents: ${c.drafts.map((d) => d.id).join(', ') || 'none'})`,
    );
  }
  // Chronological order; versions of the same date keep the order of drafts.yaml.
  const versions = [...record.versions]
    .sort((x, y) => compareEdtfText(x.date, y.date))
    .map((version) => caseDraft(c, { ref: `${record.id}@${version.id}`, caseFolder }));
  const series = bracketSeries(
    versions.map(({ version, document }) => ({ version: version.id, date: version.date, document })),
  );
  return { json: { document: record.id, ...series }, title: record.title, warnings: versions };
}
