import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { geniusFromFiles } from '@parley/app/deals/genius.ts';
import { geniusInput } from '@parley/app/deals/input.ts';
import { parseInput } from '@parley/app/inputs/parse-input.ts';
import { guardedRoute } from '../access.ts';
import { problemSchema } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { analysisJson, jsonResponse } from './openapi-parts.ts';

/** The longest XML text a request may carry; the server's body limit bounds the request as a whole. */
export const MAX_GENIUS_TEXT_CHARS = 8 * 1024 * 1024;
/** Profiles per request: GENIUS negotiations have two parties, multilateral ones a handful. */
export const MAX_GENIUS_PROFILES = 16;

const geniusText = z.string().min(1).max(MAX_GENIUS_TEXT_CHARS);

/**
 * A GENIUS negotiation given as texts: the domain and one profile per party, as XML. Messages
 * name them `domain.xml` and `profile-1.xml`, `profile-2.xml`… in the order given.
 */
export const geniusBody = z
  .strictObject({
    domain: geniusText,
    profiles: z.array(geniusText).min(1).max(MAX_GENIUS_PROFILES),
    convention: z.string().max(20).optional(),
    normalizeWeights: z.boolean().optional(),
  })
  .meta({ id: 'GeniusNegotiation' });

/** The name a text of the body goes by in messages (`domain.xml:3:7: …`). */
export const geniusTextName = (index: number) => (index === 0 ? 'domain.xml' : `profile-${index}.xml`);

/** GENIUS import as an analysis of its own, on no case: any signed-in user may run it. */
export function registerGeniusRoutes(app: OpenAPIHono<ServerEnv>, deps: ServerDeps) {
  app.openapi(
    guardedRoute(
      {
        method: 'post',
        path: '/api/genius',
        summary:
          'Analyse a GENIUS domain and its profiles: size, Pareto frontier, bargaining points (as `parley deals genius <files> --json`)',
        request: { body: { content: { 'application/json': { schema: geniusBody } }, required: true } },
        responses: {
          200: jsonResponse(
            analysisJson('GeniusReport', 'The report, as docs/json.md describes it'),
            'The report',
          ),
          400: jsonResponse(problemSchema, 'A malformed option'),
          401: jsonResponse(problemSchema, 'Not signed in'),
          413: jsonResponse(problemSchema, 'The body is larger than the server accepts'),
          422: jsonResponse(
            problemSchema,
            'A text that is not a GENIUS domain or profile, located by its name',
          ),
        },
      },
      { to: 'signed-in' },
      () => deps.database,
    ),
    (c) => {
      const body = c.req.valid('json');
      const input = parseInput(geniusInput, {
        convention: body.convention,
        normalizeWeights: body.normalizeWeights,
      });
      const texts = [body.domain, ...body.profiles].map((text, i) => ({ file: geniusTextName(i), text }));
      return c.json(geniusFromFiles(texts, input) as unknown as Record<string, unknown>, 200);
    },
  );
}
