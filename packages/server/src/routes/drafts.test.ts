import { describe, expect, it } from 'vitest';
import { bracketsReport } from '@parley/app/drafts/brackets.ts';
import { exportDraft } from '@parley/app/drafts/export.ts';
import { caseRedline, redlineJson } from '@parley/app/drafts/redline.ts';
import { CASE_ID, useAnalysisServer } from './analysis-server.test-support.ts';

/** What the CLI prints with --json: the value through JSON. */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));
const drafts = `/api/cases/${CASE_ID}/drafts`;

describe('draft analyses over the API', () => {
  const server = useAnalysisServer();

  it('runs on the embedded case whole, as the CLI loads it: the member sees every record', () => {
    // So every answer below is also what the CLI prints for the case folder.
    expect(server().caseData).toEqual(server().loaded);
  });

  it('answers a redline with the JSON of parley diff --json', async () => {
    const answer = await server().get(
      `${drafts}/security-treaty/diff?from=2022-03-29-communique&to=2022-04-15`,
    );
    expect(answer.status).toBe(200);
    const expected = redlineJson(
      caseRedline(server().caseData, {
        from: 'security-treaty@2022-03-29-communique',
        to: 'security-treaty@2022-04-15',
      }),
    );
    expect(answer.body).toEqual(asJson(expected));
  });

  it('passes max-edits to the redline and names the parameter when it is not a whole number', async () => {
    const answer = await server().get(
      `${drafts}/security-treaty/diff?from=2022-04-12&to=2022-04-15&max-edits=2`,
    );
    const expected = redlineJson(
      caseRedline(server().caseData, {
        from: 'security-treaty@2022-04-12',
        to: 'security-treaty@2022-04-15',
        maxEdits: 2,
      }),
    );
    expect(answer.body).toEqual(asJson(expected));
    const bad = await server().get(
      `${drafts}/security-treaty/diff?from=2022-04-12&to=2022-04-15&max-edits=two`,
    );
    expect([bad.status, bad.body]).toEqual([
      400,
      { error: { code: 'usage', message: 'max-edits must be a positive whole number, got "two"' } },
    ]);
  });

  it('refuses an unknown document or version with 404 unknown-id', async () => {
    const document = await server().get(`${drafts}/peace-treaty/diff?from=a&to=b`);
    expect([document.status, document.body.error.code]).toEqual([404, 'unknown-id']);
    expect(document.body.error.message).toContain('"peace-treaty"');
    const version = await server().get(`${drafts}/security-treaty/diff?from=2022-04-12&to=2099-01-01`);
    expect([version.status, version.body.error.code]).toEqual([404, 'unknown-id']);
    expect(version.body.error.message).toContain('2099-01-01');
  });

  it('answers the brackets with the JSON of parley brackets --json', async () => {
    const answer = await server().get(`${drafts}/security-treaty/brackets`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(
      asJson(bracketsReport(server().caseData, { document: 'security-treaty' }).json),
    );
    expect(answer.body.entries.length).toBe(5);
    const unknown = await server().get(`${drafts}/peace-treaty/brackets`);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'unknown-id']);
  });

  it('exports a version as Akoma Ntoso, HTML or Markdown, each with its media type', async () => {
    const cases = [
      ['akn', 'application/akn+xml; charset=utf-8'],
      ['html', 'text/html; charset=utf-8'],
      ['md', 'text/markdown; charset=utf-8'],
    ] as const;
    for (const [format, type] of cases) {
      const answer = await server().get(
        `${drafts}/security-treaty/versions/2022-04-15/export?format=${format}`,
      );
      expect([answer.status, answer.contentType]).toEqual([200, type]);
      expect(answer.text).toBe(
        exportDraft(server().caseData, { format, ref: 'security-treaty@2022-04-15' }).text,
      );
    }
  });

  it('exports a redline against an earlier version', async () => {
    const answer = await server().get(
      `${drafts}/security-treaty/versions/2022-04-15/export?format=akn&against=2022-04-12`,
    );
    expect(answer.status).toBe(200);
    expect(answer.text).toBe(
      exportDraft(server().caseData, {
        format: 'akn',
        ref: 'security-treaty@2022-04-15',
        against: 'security-treaty@2022-04-12',
      }).text,
    );
    expect(answer.text).not.toBe(
      exportDraft(server().caseData, { format: 'akn', ref: 'security-treaty@2022-04-15' }).text,
    );
  });

  it('refuses an unknown version or format', async () => {
    const version = await server().get(`${drafts}/security-treaty/versions/1999/export?format=md`);
    expect([version.status, version.body.error.code]).toEqual([404, 'unknown-id']);
    const format = await server().get(`${drafts}/security-treaty/versions/2022-04-15/export?format=pdf`);
    expect([format.status, format.body.error.code, format.body.error.diagnostics[0].path]).toEqual([
      422,
      'invalid-input',
      'format',
    ]);
  });

  it('answers no one who is not signed in', async () => {
    const answer = await server().anonymous('GET', `${drafts}/security-treaty/brackets`);
    expect([answer.status, answer.body.error.code]).toEqual([401, 'unauthenticated']);
  });
});
