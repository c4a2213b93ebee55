import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { attachmentSchema } from '@parley/model/schema/conduct.ts';
import { channelsFor } from '@parley/store/conduct/channels.ts';
import { listMessages, postMessage } from '@parley/store/conduct/messages.ts';
import type { StoredRecord } from '@parley/store/record-kinds.ts';
import { guardedRoute } from '../access.ts';
import { etagOf } from '../etag.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { refuseLoneSurrogates } from '../well-formed-text.ts';
import { callerCase } from './caller-case.ts';
import { channelParam, conductWriter, speakerRoles, writeErrors } from './conduct-parts.ts';
import { caseErrors, caseParams, jsonResponse } from './openapi-parts.ts';
import { storedRecordSchema } from './records.ts';

const channelSchema = z
  .object({ id: z.string(), party: z.string().nullable(), visibility: z.string() })
  .meta({ id: 'Channel', description: 'The plenary, or a party’s caucus with the mediation team.' });
const channelParams = caseParams.extend({ channel: channelParam });
const messageInput = z
  .strictObject({
    text: z.string().min(1).max(20_000).superRefine(refuseLoneSurrogates),
    attachments: z.array(attachmentSchema).max(20).optional(),
  })
  .meta({ id: 'MessageInput' });

/** A record as the routes show it: kind, id, who sees it, its version, its body. */
export const recordView = ({ kind, id, visibility, version, body }: StoredRecord) => ({
  kind,
  id,
  visibility,
  version,
  body,
});

/** Channels and their messages, each as the caller may see and use them. */
export function registerChannelRoutes(app: OpenAPIHono<ServerEnv>, deps: ServerDeps) {
  const db = () => deps.database;

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/cases/{caseId}/channels',
        summary: 'The channels the caller may use: the plenary and the caucuses they see',
        request: { params: caseParams },
        responses: {
          200: jsonResponse(z.array(channelSchema), 'The plenary first, then each caucus'),
          ...caseErrors,
        },
      },
      { to: 'case', roles: 'member' },
      db,
    ),
    async (c) => {
      const access = c.get('access')!;
      return c.json(channelsFor(await callerCase(deps, access), access.audience), 200);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/cases/{caseId}/channels/{channel}/messages',
        summary: "A channel's messages, oldest first",
        request: { params: channelParams },
        responses: { 200: jsonResponse(z.array(storedRecordSchema), 'The messages'), ...caseErrors },
      },
      { to: 'case', roles: 'member' },
      db,
    ),
    async (c) => {
      const { caseId, channel } = c.req.valid('param');
      const messages = await listMessages(db(), caseId, c.get('access')!.audience, channel);
      return c.json(messages.map(recordView), 200);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'post',
        path: '/api/cases/{caseId}/channels/{channel}/messages',
        summary: 'Post a message (text, optionally attached draft documents or versions)',
        request: {
          params: channelParams,
          body: { content: { 'application/json': { schema: messageInput } }, required: true },
        },
        responses: { 201: jsonResponse(storedRecordSchema, 'The message as stored'), ...writeErrors },
      },
      { to: 'case', roles: speakerRoles },
      db,
    ),
    async (c) => {
      const { caseId, channel } = c.req.valid('param');
      const input = c.req.valid('json');
      const record = await postMessage(db(), caseId, conductWriter(c), channel, {
        text: input.text,
        ...(input.attachments ? { attachments: input.attachments } : {}),
      });
      c.header('ETag', etagOf(record.version));
      return c.json(recordView(record), 201);
    },
  );
}
