import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { packageValueSchema, proposalContent, proposalState } from '@parley/model/schema/conduct.ts';
import { evaluatePackage } from '@parley/store/conduct/evaluate.ts';
import { listProposals, moveProposal, originsOf, tableProposal } from '@parley/store/conduct/proposals.ts';
import { carryProposal, releaseCarry } from '@parley/store/conduct/shuttle.ts';
import type { StoredRecord } from '@parley/store/record-kinds.ts';
import { getRecord, listRecords } from '@parley/store/records.ts';
import { visibilitySchema } from '@parley/store/visibility.ts';
import { guardedRoute } from '../access.ts';
import { etagOf } from '../etag.ts';
import { problemSchema } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { refuseLoneSurrogates } from '../well-formed-text.ts';
import { recordView } from './channels.ts';
import {
  channelParam,
  conductIdParam,
  conductWriter,
  delegationRoles,
  mediationRoles,
  speakerRoles,
  writeErrors,
} from './conduct-parts.ts';
import { caseErrors, caseParams, jsonResponse } from './openapi-parts.ts';
import { storedRecordSchema } from './records.ts';

const channelParams = caseParams.extend({ channel: channelParam });
const proposalParams = caseParams.extend({ proposalId: conductIdParam });
const carryParams = caseParams.extend({ carryId: conductIdParam });
const note = z.string().max(2_000).superRefine(refuseLoneSurrogates);

const proposalView = storedRecordSchema
  .extend({
    origin: z
      .object({ channel: z.string(), tabledBy: z.string(), proposal: z.string(), as: z.string() })
      .optional()
      .meta({
        description: 'Where it was carried from: shown to the mediation team, and to a party once released',
      }),
  })
  .meta({ id: 'Proposal' });
const tableInput = z
  .strictObject({ content: proposalContent, supersedes: conductIdParam.optional(), note: note.optional() })
  .meta({ id: 'ProposalInput' });
const moveInput = z
  .strictObject({
    to: proposalState.meta({ description: 'under-consideration, accepted, rejected or withdrawn' }),
  })
  .meta({ id: 'ProposalMove' });
const carryInput = z
  .strictObject({
    to: channelParam,
    as: z.enum(['as-is', 'suggestion']),
    values: z.array(packageValueSchema).min(1).max(200).optional(),
    text: z.string().min(1).max(20_000).superRefine(refuseLoneSurrogates).optional(),
    note: note.optional(),
  })
  .meta({ id: 'CarryInput' });
const evaluationSchema = z
  .object({
    proposal: z.string(),
    party: z.string(),
    at: z.string(),
    utility: z.number(),
    open: z.array(z.string()),
    reservationValue: z.number().nullable(),
    aboveReservation: z.boolean().nullable(),
    previousOffers: z.array(
      z.object({ proposal: z.string(), channel: z.string(), state: z.string(), utility: z.number() }),
    ),
  })
  .meta({ id: 'PackageEvaluation' });

/** Proposals: tabling, their moves, the mediation team's shuttle, and each party's own valuation. */
export function registerProposalRoutes(app: OpenAPIHono<ServerEnv>, deps: ServerDeps) {
  const db = () => deps.database;
  const withOrigin = async (c: Context<ServerEnv>, records: StoredRecord[]) => {
    const access = c.get('access')!;
    const origins = await originsOf(db(), access.caseId, access.audience);
    return records.map((r) => {
      const carry = origins.get(r.id);
      return {
        ...recordView(r),
        ...(carry
          ? {
              origin: {
                channel: carry.from!,
                tabledBy: carry.origin!,
                proposal: carry.original!,
                as: carry.as,
              },
            }
          : {}),
      };
    });
  };

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/cases/{caseId}/channels/{channel}/proposals',
        summary: "A channel's proposals, in the order they were tabled",
        request: { params: channelParams },
        responses: { 200: jsonResponse(z.array(proposalView), 'The proposals'), ...caseErrors },
      },
      { to: 'case', roles: 'member' },
      db,
    ),
    async (c) => {
      const { caseId, channel } = c.req.valid('param');
      const records = await listProposals(db(), caseId, c.get('access')!.audience, channel);
      return c.json(await withOrigin(c, records), 200);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'post',
        path: '/api/cases/{caseId}/channels/{channel}/proposals',
        summary:
          'Table a proposal: a package of values for agenda issues, or an amendment to a draft version',
        request: {
          params: channelParams,
          body: { content: { 'application/json': { schema: tableInput } }, required: true },
        },
        responses: { 201: jsonResponse(proposalView, 'The proposal as tabled'), ...writeErrors },
      },
      { to: 'case', roles: speakerRoles },
      db,
    ),
    async (c) => {
      const { caseId, channel } = c.req.valid('param');
      const { content, supersedes, note } = c.req.valid('json');
      const record = await tableProposal(db(), caseId, conductWriter(c), channel, {
        content,
        ...(supersedes ? { supersedes } : {}),
        ...(note ? { note } : {}),
      });
      c.header('ETag', etagOf(record.version));
      return c.json(recordView(record), 201);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/cases/{caseId}/proposals/{proposalId}',
        summary: 'One proposal, with its history of states',
        request: { params: proposalParams },
        responses: { 200: jsonResponse(proposalView, 'The proposal'), ...caseErrors },
      },
      { to: 'case', roles: 'member' },
      db,
    ),
    async (c) => {
      const { caseId, proposalId } = c.req.valid('param');
      const record = await getRecord(db(), caseId, c.get('access')!.audience, 'proposal', proposalId);
      c.header('ETag', etagOf(record.version));
      return c.json((await withOrigin(c, [record]))[0]!, 200);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'post',
        path: '/api/cases/{caseId}/proposals/{proposalId}/transitions',
        summary:
          'Move a proposal: the mediation team takes it under consideration; the receiving side accepts or rejects; its tabler withdraws',
        request: {
          params: proposalParams,
          body: { content: { 'application/json': { schema: moveInput } }, required: true },
        },
        responses: { 200: jsonResponse(proposalView, 'The proposal in its new state'), ...writeErrors },
      },
      { to: 'case', roles: speakerRoles },
      db,
    ),
    async (c) => {
      const { caseId, proposalId } = c.req.valid('param');
      const { to } = c.req.valid('json');
      const record = await moveProposal(db(), caseId, conductWriter(c), proposalId, to);
      c.header('ETag', etagOf(record.version));
      return c.json((await withOrigin(c, [record]))[0]!, 200);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'post',
        path: '/api/cases/{caseId}/proposals/{proposalId}/carry',
        summary:
          "Carry a proposal to another channel, as is (origin shown) or as the mediation team's own suggestion (origin hidden)",
        request: {
          params: proposalParams,
          body: { content: { 'application/json': { schema: carryInput } }, required: true },
        },
        responses: { 201: jsonResponse(proposalView, 'The copy in the receiving channel'), ...writeErrors },
      },
      { to: 'case', roles: mediationRoles },
      db,
    ),
    async (c) => {
      const { caseId, proposalId } = c.req.valid('param');
      const { to, as, values, text, note } = c.req.valid('json');
      const record = await carryProposal(db(), caseId, conductWriter(c), proposalId, {
        to,
        as,
        ...(values ? { values } : {}),
        ...(text !== undefined ? { text } : {}),
        ...(note !== undefined ? { note } : {}),
      });
      c.header('ETag', etagOf(record.version));
      return c.json((await withOrigin(c, [record]))[0]!, 201);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/cases/{caseId}/carries',
        summary: "The mediation team's record of where its proposals came from",
        request: { params: caseParams },
        responses: {
          200: jsonResponse(z.array(storedRecordSchema), 'Every carry, oldest first'),
          ...caseErrors,
        },
      },
      { to: 'case', roles: mediationRoles },
      db,
    ),
    async (c) => {
      const { caseId } = c.req.valid('param');
      const carries = await listRecords(db(), caseId, c.get('access')!.audience, 'carry');
      return c.json(carries.map(recordView), 200);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'post',
        path: '/api/cases/{caseId}/carries/{carryId}/release',
        summary: 'Reveal where a carried proposal came from, to its receiving channel (or wider)',
        request: {
          params: carryParams,
          body: {
            content: {
              'application/json': {
                schema: z.strictObject({ to: visibilitySchema.optional() }).meta({ id: 'CarryRelease' }),
              },
            },
            required: true,
          },
        },
        responses: {
          200: jsonResponse(storedRecordSchema, 'The carry record, now seen wider'),
          ...writeErrors,
        },
      },
      { to: 'case', roles: mediationRoles },
      db,
    ),
    async (c) => {
      const { caseId, carryId } = c.req.valid('param');
      const { to } = c.req.valid('json');
      const record = await releaseCarry(db(), caseId, conductWriter(c), carryId, to);
      c.header('ETag', etagOf(record.version));
      return c.json(recordView(record), 200);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/cases/{caseId}/proposals/{proposalId}/evaluation',
        summary:
          "A package valued by the caller's own party's preference model: utility, reservation value, earlier offers (never the model)",
        request: {
          params: proposalParams,
          query: z.object({
            party: z
              .string()
              .max(120)
              .optional()
              .meta({ description: 'For a member of several delegations' }),
            at: z
              .string()
              .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day, YYYY-MM-DD')
              .optional()
              .meta({ description: 'The day of the reservation value; default today' }),
          }),
        },
        responses: {
          200: jsonResponse(evaluationSchema, 'The valuation'),
          ...caseErrors,
          400: jsonResponse(problemSchema, 'Several parties and none named'),
          422: jsonResponse(problemSchema, 'An amendment, or no model for the party'),
        },
      },
      { to: 'case', roles: delegationRoles },
      db,
    ),
    async (c) => {
      const { caseId, proposalId } = c.req.valid('param');
      const { party, at } = c.req.valid('query');
      const access = c.get('access')!;
      const day = at ?? (deps.now?.() ?? new Date()).toISOString().slice(0, 10);
      const evaluation = await evaluatePackage(db(), caseId, access, proposalId, {
        ...(party ? { party } : {}),
        day,
      });
      return c.json(evaluation, 200);
    },
  );
}
