import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { draftKey } from '@parley/model/case.ts';
import { compareEdtfText } from '@parley/model/edtf.ts';
import { isParleyError, ParleyError } from '@parley/model/errors.ts';
import { edtfDate, recordId, sourceRefs } from '@parley/model/schema/common.ts';
import { versionStatus, type DraftDocument, type DraftVersion } from '@parley/model/schema/drafts.ts';
import type { Criticism, RoundAnswer, SingleText, TextRound } from '@parley/model/schema/single-text.ts';
import { textSignatories } from '@parley/core/conduct/single-text-signatories.ts';
import type { AnswerMark } from '@parley/core/conduct/single-text-brackets.ts';
import {
  requireProvision,
  requireReadableText,
  singleTextStandingOf,
} from '@parley/app/conduct/single-text-standing.ts';
import type { CaseRole } from '@parley/store/membership.ts';
import type { RecordKind } from '@parley/store/record-kinds.ts';
import { submitCriticism } from '@parley/store/single-text/criticisms.ts';
import {
  changePenHolders,
  declareSingleText,
  issueVersion,
  requirePenHolder,
} from '@parley/store/single-text/pen.ts';
import { answerRound, closeRound, openRound } from '@parley/store/single-text/rounds.ts';
import { visibleCase } from '@parley/store/visible-case.ts';
import { guardedRoute } from '../access.ts';
import { actingMember } from '../acting-member.ts';
import { problemSchema } from '../http-errors.ts';
import { refuseLoneSurrogates } from '../well-formed-text.ts';
import type { CaseAccess, ServerDeps, ServerEnv } from '../server-env.ts';
import { caseErrors, caseParams, jsonResponse } from './openapi-parts.ts';

const idParam = z.string().min(1).max(200);
const textParams = caseParams.extend({ documentId: idParam });
const versionParams = textParams.extend({ versionId: idParam });
const provisionParams = versionParams.extend({ provisionId: idParam });
const roundParams = versionParams.extend({
  round: z.string().regex(/^[1-9][0-9]{0,5}$/, 'a round number: 1, 2, …'),
});
const base = '/api/cases/{caseId}/single-texts';
const version = `${base}/{documentId}/versions/{versionId}`;

const penHolderRoles: readonly CaseRole[] = ['mediator-lead', 'mediator'];
const delegationRoles: readonly CaseRole[] = ['delegation-head', 'delegation-member'];
const member = { to: 'case', roles: 'member' } as const;

const anyObject = (id: string, description: string) =>
  z.record(z.string(), z.unknown()).meta({ id, description });
const writeErrors = {
  ...caseErrors,
  409: jsonResponse(problemSchema, 'Already declared, a round still open or already closed'),
  422: jsonResponse(problemSchema, 'The body is invalid: every problem by field path'),
} as const;

const declareInput = z
  .strictObject({
    document: recordId.describe('The draft document to hold as a single text (new or existing)'),
    title: z.string().min(1).max(500).optional().describe("A new document's title"),
    kind: z.enum(['treaty', 'communique', 'memorandum', 'annex', 'other']).optional(),
    penHolders: z
      .array(z.string().min(1).max(200))
      .min(1)
      .max(20)
      .optional()
      .describe('Accounts of the mediation team; default: the caller'),
  })
  .meta({ id: 'SingleTextInput' });
const penHoldersInput = z
  .strictObject({
    penHolders: z.array(z.string().min(1).max(200)).min(1).max(20).describe('Accounts of the mediation team'),
  })
  .meta({ id: 'PenHoldersInput' });
const versionInput = z
  .strictObject({
    id: recordId,
    date: edtfDate,
    text: z.string().min(1).superRefine(refuseLoneSurrogates).describe('The bracket text of the version'),
    basis: recordId.optional().describe('The version it is written on; default: the latest issued'),
    title: z.string().optional(),
    author: recordId.optional().describe('An actor id, or `joint` (the default)'),
    status: versionStatus.optional(),
    note: z.string().optional(),
    sources: sourceRefs,
  })
  .meta({ id: 'SingleTextVersionInput' });
const criticismInput = z
  .strictObject({
    provision: z.string().min(1).max(200).describe('The provision criticised: art-2, art-2.p1 …'),
    text: z.string().min(1).max(10_000).superRefine(refuseLoneSurrogates),
    party: recordId.optional().describe('The party criticising; needed only by one who speaks for two'),
  })
  .meta({ id: 'CriticismInput' });
const roundInput = z
  .strictObject({
    signatories: z
      .array(recordId)
      .min(1)
      .max(50)
      .optional()
      .describe("The parties asked; default: the case's required signatories"),
  })
  .meta({ id: 'RoundInput' });
const answerInput = z
  .strictObject({
    answer: z.enum(['yes', 'no']),
    party: recordId.optional().describe('Needed only by one who heads two delegations'),
  })
  .meta({ id: 'AnswerInput' });

/**
 * The single negotiating text: the mediation team holds the pen on a draft document and issues
 * its versions; delegations criticise provisions in their caucus channels; the pen-holder puts a
 * version to a yes/no round of the required signatories and closes it; everyone reads where each
 * party stands and the bracket convergence series, as far as they may see.
 */
export function registerSingleTextRoutes(app: OpenAPIHono<ServerEnv>, deps: ServerDeps) {
  const db = () => deps.database;
  const access = (c: Context<ServerEnv>) => c.get('access')!;
  const view = async (c: Context<ServerEnv>) =>
    (await visibleCase(db(), access(c).caseId, access(c).audience))!;
  const bodiesOf = <T>(records: { kind: RecordKind; body: unknown }[], kind: RecordKind) =>
    records.filter((r) => r.kind === kind).map((r) => r.body as T);
  /** The single text as the caller sees it; not declared (or hidden) is missing. */
  const singleText = async (c: Context<ServerEnv>, documentId: string) => {
    const state = await view(c);
    const text = bodiesOf<SingleText>(state.records, 'single-text').find((t) => t.id === documentId);
    if (!text) throw new ParleyError('not-found', `"${documentId}" is not held as a single negotiating text`);
    return { state, text };
  };
  /** A version of the single text the caller sees, or 404. */
  const textVersion = async (c: Context<ServerEnv>, documentId: string, versionId: string) => {
    const found = await singleText(c, documentId);
    const draft = found.state.case.drafts.find((d) => d.id === documentId);
    if (!draft?.versions.some((v) => v.id === versionId))
      throw new ParleyError('not-found', `no version "${versionId}" of the single text "${documentId}"`);
    return found;
  };
  const writer = (c: Context<ServerEnv>) => ({ audience: access(c).audience, ...actingMember(c) });

  app.openapi(
    guardedRoute(
      {
        method: 'post',
        path: base,
        summary: 'Hold a draft document as a single negotiating text, naming its pen-holders',
        request: { body: { content: { 'application/json': { schema: declareInput } }, required: true } },
        responses: {
          201: jsonResponse(anyObject('SingleText', 'The single text'), 'Declared'),
          ...writeErrors,
        },
      },
      { to: 'case', roles: ['mediator-lead'] },
      db,
    ),
    async (c) => {
      const input = c.req.valid('json');
      const existing = (await view(c)).case.drafts.find((d) => d.id === input.document);
      const title = existing?.title ?? input.title;
      if (!title)
        throw new ParleyError('invalid-input', `a new document needs a title`, [
          { code: 'missing-field', severity: 'error', path: 'title', message: 'required for a new document' },
        ]);
      const text: SingleText = {
        id: input.document,
        title,
        kind: existing?.kind ?? input.kind ?? 'treaty',
        penHolders: input.penHolders ?? [c.get('user')!.id],
      };
      await declareSingleText(db(), access(c).caseId, writer(c), text);
      return c.json(text, 201);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: `${base}/{documentId}`,
        summary: 'The single text: its pen-holders and the versions issued',
        request: { params: textParams },
        responses: { 200: jsonResponse(anyObject('SingleTextState', 'The text'), 'The text'), ...caseErrors },
      },
      member,
      db,
    ),
    async (c) => {
      const { documentId } = c.req.valid('param');
      const { state, text } = await singleText(c, documentId);
      const draft = state.case.drafts.find((d) => d.id === documentId);
      return c.json({ ...text, versions: draft?.versions.map((v) => v.id) ?? [] }, 200);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'put',
        path: `${base}/{documentId}/pen-holders`,
        summary: 'Hand the pen of a single text to other accounts of the mediation team',
        request: {
          params: textParams,
          body: { content: { 'application/json': { schema: penHoldersInput } }, required: true },
        },
        responses: {
          200: jsonResponse(anyObject('SingleText', 'The single text'), 'Handed'),
          ...writeErrors,
        },
      },
      { to: 'case', roles: ['mediator-lead'] },
      db,
    ),
    async (c) => {
      const { documentId } = c.req.valid('param');
      const { penHolders } = c.req.valid('json');
      const record = await changePenHolders(db(), access(c).caseId, writer(c), documentId, penHolders);
      return c.json(record.body as Record<string, unknown>, 200);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'post',
        path: `${base}/{documentId}/versions`,
        summary: 'Issue the next version of the single text (pen-holders only)',
        request: {
          params: textParams,
          body: { content: { 'application/json': { schema: versionInput } }, required: true },
        },
        responses: {
          201: jsonResponse(anyObject('IssuedVersion', 'The version record'), 'Issued'),
          ...writeErrors,
        },
      },
      { to: 'case', roles: penHolderRoles },
      db,
    ),
    async (c) => {
      const { documentId } = c.req.valid('param');
      const input = c.req.valid('json');
      const { state, text } = await singleText(c, documentId);
      requirePenHolder(text, c.get('user')!.id);
      const record = state.records.find((r) => r.kind === 'draft' && r.id === documentId);
      const current = record && { record, body: record.body as DraftDocument };
      if (current?.body.versions.some((v) => v.id === input.id))
        throw new ParleyError('conflict', `version "${input.id}" of "${documentId}" is already issued`);
      requireReadableText(state.case, input.text);
      const basis = input.basis ?? current?.body.versions.at(-1)?.id;
      const basisVersion = current?.body.versions.find((v) => v.id === basis);
      // Checked here: the document's own check would also flag its texts once the link breaks.
      if (basis !== undefined && (!basisVersion || compareEdtfText(basisVersion.date, input.date) > 0))
        throw new ParleyError(
          'invalid-input',
          `the basis "${basis}" is not an earlier version of "${documentId}"`,
          [
            {
              code: basisVersion ? 'invalid-value' : 'unknown-reference',
              severity: 'error',
              path: 'basis',
              message: basisVersion
                ? `dated ${basisVersion.date}, after ${input.date}`
                : `no version "${basis}"`,
            },
          ],
        );
      const issued: DraftVersion = {
        id: input.id,
        date: input.date,
        ...(input.title !== undefined ? { title: input.title } : {}),
        author: input.author ?? 'joint',
        ...(basis !== undefined ? { basis } : {}),
        status: input.status ?? 'working-draft',
        text: `drafts/${documentId}-${input.id}.txt`,
        reconstruction: false,
        ...(input.note !== undefined ? { note: input.note } : {}),
        sources: input.sources,
      };
      const at = current?.body.versions.length ?? 0;
      await atBodyPaths(at, () =>
        issueVersion(db(), access(c).caseId, writer(c), text, current, issued, input.text),
      );
      return c.json({ document: documentId, ...issued }, 201);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'post',
        path: `${version}/criticisms`,
        summary: "Criticise a provision of a version, in the party's caucus channel (delegations)",
        request: {
          params: versionParams,
          body: { content: { 'application/json': { schema: criticismInput } }, required: true },
        },
        responses: {
          201: jsonResponse(anyObject('Criticism', 'The criticism'), 'Stored'),
          400: jsonResponse(problemSchema, 'No such provision in the version'),
          ...writeErrors,
        },
      },
      { to: 'case', roles: delegationRoles },
      db,
    ),
    async (c) => {
      const { documentId, versionId } = c.req.valid('param');
      const input = c.req.valid('json');
      const party = speaksFor(access(c), delegationRoles, input.party);
      const { state } = await textVersion(c, documentId, versionId);
      requireProvision(state.case, documentId, versionId, input.provision);
      const record = await submitCriticism(db(), access(c).caseId, writer(c), {
        document: documentId,
        version: versionId,
        provision: input.provision,
        party,
        text: input.text,
        by: c.get('user')!.id,
      });
      return c.json(record.body as Criticism, 201);
    },
  );

  const listCriticisms = async (c: Context<ServerEnv>, provision?: string) => {
    const { documentId, versionId } = c.req.param() as { documentId: string; versionId: string };
    const { state } = await textVersion(c, documentId, versionId);
    if (provision !== undefined) requireProvision(state.case, documentId, versionId, provision);
    const criticisms = bodiesOf<Criticism>(state.records, 'criticism').filter(
      (k) =>
        k.document === documentId && k.version === versionId && (provision ?? k.provision) === k.provision,
    );
    return { document: documentId, version: versionId, parties: groupedByParty(criticisms) };
  };
  const criticismsSchema = anyObject(
    'Criticisms',
    'The criticisms the caller sees, by party, then by provision: {document, version, parties: [{party, provisions: [{provision, criticisms}]}]}',
  );

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: `${version}/criticisms`,
        summary: 'The criticisms of a version the caller sees, by party and provision',
        request: { params: versionParams },
        responses: { 200: jsonResponse(criticismsSchema, 'The criticisms'), ...caseErrors },
      },
      member,
      db,
    ),
    async (c) => c.json(await listCriticisms(c), 200),
  );

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: `${version}/provisions/{provisionId}/criticisms`,
        summary: 'The criticisms of one provision of a version the caller sees, by party',
        request: { params: provisionParams },
        responses: {
          200: jsonResponse(criticismsSchema, 'The criticisms'),
          400: jsonResponse(problemSchema, 'No such provision in the version'),
          ...caseErrors,
        },
      },
      member,
      db,
    ),
    async (c) => c.json(await listCriticisms(c, c.req.valid('param').provisionId), 200),
  );

  app.openapi(
    guardedRoute(
      {
        method: 'post',
        path: `${version}/rounds`,
        summary: 'Put a version to a yes/no round of the required signatories (pen-holders only)',
        request: {
          params: versionParams,
          body: { content: { 'application/json': { schema: roundInput } }, required: true },
        },
        responses: { 201: jsonResponse(anyObject('TextRound', 'The round'), 'Opened'), ...writeErrors },
      },
      { to: 'case', roles: penHolderRoles },
      db,
    ),
    async (c) => {
      const { documentId, versionId } = c.req.valid('param');
      const input = c.req.valid('json');
      const { state, text } = await textVersion(c, documentId, versionId);
      requirePenHolder(text, c.get('user')!.id);
      const signatories = input.signatories ?? textSignatories(state.case);
      const actors = new Set(state.case.actors.map((a) => a.id));
      const unknown = signatories.filter((s) => !actors.has(s));
      if (unknown.length > 0 || signatories.length === 0)
        throw new ParleyError(
          'invalid-input',
          signatories.length === 0
            ? 'the case names no required signatory: name the signatories'
            : `no actor ${unknown.join(', ')} in the case`,
          signatories.length === 0
            ? [{ code: 'missing-field', severity: 'error', path: 'signatories', message: 'required here' }]
            : unknown.map((s) => ({
                code: 'unknown-id',
                severity: 'error',
                path: `signatories[${signatories.indexOf(s)}]`,
                message: `no actor "${s}"`,
              })),
        );
      const record = await openRound(db(), access(c).caseId, writer(c), {
        document: documentId,
        version: versionId,
        signatories: [...new Set(signatories)],
        openedBy: c.get('user')!.id,
      });
      return c.json(record.body as TextRound, 201);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: `${version}/rounds`,
        summary: "A version's yes/no rounds, with the answers the caller sees",
        request: { params: versionParams },
        responses: {
          200: jsonResponse(z.array(anyObject('TextRoundView', 'A round and its answers')), 'The rounds'),
          ...caseErrors,
        },
      },
      member,
      db,
    ),
    async (c) => {
      const { documentId, versionId } = c.req.valid('param');
      const { state } = await textVersion(c, documentId, versionId);
      const answers = bodiesOf<RoundAnswer>(state.records, 'round-answer');
      const rounds = bodiesOf<TextRound>(state.records, 'text-round')
        .filter((r) => r.document === documentId && r.version === versionId)
        .map((r) => ({
          ...r,
          answers: answers
            .filter((a) => a.round === r.id)
            .map(({ party, answer, by }) => ({ party, answer, by })),
        }));
      return c.json(rounds, 200);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'put',
        path: `${version}/rounds/{round}/answer`,
        summary: "A head of delegation's yes or no for its party, changeable until the round closes",
        request: {
          params: roundParams,
          body: { content: { 'application/json': { schema: answerInput } }, required: true },
        },
        responses: { 200: jsonResponse(anyObject('RoundAnswer', 'The answer'), 'Answered'), ...writeErrors },
      },
      { to: 'case', roles: ['delegation-head'] },
      db,
    ),
    async (c) => {
      const { documentId, versionId, round } = c.req.valid('param');
      const input = c.req.valid('json');
      const party = speaksFor(access(c), ['delegation-head'], input.party);
      await textVersion(c, documentId, versionId);
      const record = await answerRound(db(), access(c).caseId, writer(c), {
        round: `${draftKey(documentId, versionId)}#${round}`,
        party,
        answer: input.answer,
        by: c.get('user')!.id,
      });
      return c.json(record.body as RoundAnswer, 200);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'post',
        path: `${version}/rounds/{round}/close`,
        summary: 'Close a round: who said yes, no or nothing becomes visible to the case (pen-holders only)',
        request: { params: roundParams },
        responses: { 200: jsonResponse(anyObject('ClosedRound', 'The round'), 'Closed'), ...writeErrors },
      },
      { to: 'case', roles: penHolderRoles },
      db,
    ),
    async (c) => {
      const { documentId, versionId, round } = c.req.valid('param');
      const { text } = await textVersion(c, documentId, versionId);
      requirePenHolder(text, c.get('user')!.id);
      const record = await closeRound(
        db(),
        access(c).caseId,
        writer(c),
        `${draftKey(documentId, versionId)}#${round}`,
      );
      return c.json(record.body as TextRound, 200);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: `${base}/{documentId}/standing`,
        summary:
          'Per version, the provisions each party holds open and its answer; the bracket convergence series',
        request: { params: textParams },
        responses: {
          200: jsonResponse(
            anyObject('SingleTextStanding', 'docs/server.md, "The single negotiating text"'),
            'The standing',
          ),
          ...caseErrors,
        },
      },
      member,
      db,
    ),
    async (c) => {
      const { documentId } = c.req.valid('param');
      const { state } = await singleText(c, documentId);
      const criticisms = bodiesOf<Criticism>(state.records, 'criticism').filter(
        (k) => k.document === documentId,
      );
      const answers = bodiesOf<RoundAnswer>(state.records, 'round-answer');
      // Round by round: a closed round's result, an open one's answers as far as the caller sees them.
      const marks: AnswerMark[] = bodiesOf<TextRound>(state.records, 'text-round')
        .filter((r) => r.document === documentId)
        .flatMap((r) =>
          r.result
            ? [
                ...r.result.yes.map((party) => ({ version: r.version, party, answer: 'yes' as const })),
                ...r.result.no.map((party) => ({ version: r.version, party, answer: 'no' as const })),
              ]
            : answers
                .filter((a) => a.round === r.id)
                .map(({ party, answer }) => ({ version: r.version, party, answer })),
        );
      const standing = singleTextStandingOf(state.case, documentId, {
        parties: textSignatories(state.case),
        criticisms,
        answers: marks,
      });
      return c.json(standing as unknown as Record<string, unknown>, 200);
    },
  );
}

/**
 * The party a delegation member speaks for in this step: the one its roles name, or the one it
 * names when it speaks for several.
 */
function speaksFor(access: CaseAccess, roles: readonly CaseRole[], named: string | undefined): string {
  const parties = [
    ...new Set(
      access.memberships.filter((m) => roles.includes(m.role) && m.party !== null).map((m) => m.party!),
    ),
  ];
  if (named !== undefined) {
    if (!parties.includes(named))
      throw new ParleyError('forbidden', `you speak for ${parties.join(', ')} in this case, not ${named}`);
    return named;
  }
  if (parties.length !== 1)
    throw new ParleyError('invalid-input', `you speak for ${parties.join(', ')}: name the party`, [
      { code: 'missing-field', severity: 'error', path: 'party', message: 'name one of your parties' },
    ]);
  return parties[0]!;
}

/**
 * Issuing a version is a change of two records (the document's new version, its text); their
 * problems come back at the fields of this route's body: the version's at their own names, the
 * text's at `text` (with their line and column in it).
 */
async function atBodyPaths<T>(versionIndex: number, issue: () => Promise<T>): Promise<T> {
  try {
    return await issue();
  } catch (error) {
    if (!isParleyError(error) || error.diagnostics.length === 0) throw error;
    const version = `changes[0].body.versions[${versionIndex}]`;
    const path = (p: string) =>
      p.startsWith('changes[1].body')
        ? 'text'
        : p.startsWith(`${version}.`)
          ? p.slice(version.length + 1)
          : p;
    throw new ParleyError(
      error.code,
      error.message.replace(/^changes\[\d+\]: /, ''),
      error.diagnostics.map((d) => ({ ...d, path: path(d.path) })),
    );
  }
}

/** Criticisms by party, then by provision, in the order they were made. */
function groupedByParty(criticisms: readonly Criticism[]) {
  const parties = [...new Set(criticisms.map((k) => k.party))].sort();
  return parties.map((party) => {
    const own = criticisms.filter((k) => k.party === party);
    return {
      party,
      provisions: [...new Set(own.map((k) => k.provision))].map((provision) => ({
        provision,
        criticisms: own
          .filter((k) => k.provision === provision)
          .map(({ id, text, by }) => ({ id, text, by })),
      })),
    };
  });
}
