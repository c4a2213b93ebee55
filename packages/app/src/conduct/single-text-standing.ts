import type { Case } from '@parley/model/case.ts';
import { draftKey } from '@parley/model/case.ts';
import { compareEdtfText } from '@parley/model/edtf.ts';
import { ParleyError } from '@parley/model/errors.ts';
import {
  provisionsOf,
  singleTextStanding,
  type AnswerMark,
  type CriticismMark,
  type SingleTextStanding,
} from '@parley/core/conduct/single-text-brackets.ts';
import { caseParseOptions } from '@parley/core/drafts/case-drafts.ts';
import { parseDraft } from '@parley/core/drafts/parse.ts';
import { caseDraft } from '../drafts/parsed-draft.ts';

/** The provisions of one version of a case document, as the drafts engine names them. */
export function versionProvisions(c: Case, document: string, version: string): string[] {
  return provisionsOf(caseDraft(c, { ref: draftKey(document, version) }).document);
}

/**
 * Refuses a criticism's anchor that names no provision of the version (400, at `provision`),
 * listing the provisions it could name.
 */
export function requireProvision(c: Case, document: string, version: string, provision: string): void {
  const provisions = versionProvisions(c, document, version);
  if (!provisions.includes(provision))
    throw new ParleyError(
      'usage',
      `${draftKey(document, version)} has no provision "${provision}" (provisions: ${provisions.join(', ')})`,
      [
        {
          code: 'unknown-id',
          severity: 'error',
          path: 'provision',
          message: `no provision "${provision}" in ${draftKey(document, version)}`,
        },
      ],
    );
}

/**
 * Refuses a version's text the drafts engine cannot read (422), each error at `text` with its
 * line and column, before anything is stored.
 */
export function requireReadableText(c: Case, text: string): void {
  const errors = parseDraft(text, caseParseOptions(c)).diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0)
    throw new ParleyError(
      'invalid-input',
      `the text has ${errors.length} problem(s)`,
      errors.map(({ code, line, column, message }) => ({
        code,
        severity: 'error',
        path: 'text',
        line,
        column,
        message,
      })),
    );
}

/**
 * Where each party stands on a single text, version by version, from its texts (parsed by the
 * drafts engine) and the criticisms and answers the caller sees. Versions in date order; those
 * of the same date in the order they were issued.
 */
export function singleTextStandingOf(
  c: Case,
  document: string,
  marks: { parties: readonly string[]; criticisms: readonly CriticismMark[]; answers: readonly AnswerMark[] },
): { document: string } & SingleTextStanding {
  const record = c.drafts.find((d) => d.id === document);
  const versions = [...(record?.versions ?? [])]
    .sort((x, y) => compareEdtfText(x.date, y.date))
    .map((v) => ({
      version: v.id,
      date: v.date,
      document: caseDraft(c, { ref: draftKey(document, v.id) }).document,
    }));
  return { document, ...singleTextStanding(versions, marks) };
}
