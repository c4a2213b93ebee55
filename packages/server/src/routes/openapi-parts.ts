import { z } from '@hono/zod-openapi';
import { problemSchema } from '../http-errors.ts';

/** A JSON response of this schema. */
export const jsonResponse = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** The refusals every case route can answer with. */
export const caseErrors = {
  401: jsonResponse(problemSchema, 'Not signed in'),
  403: jsonResponse(problemSchema, 'The role may not do this'),
  404: jsonResponse(problemSchema, 'No such case, or not a member, or an id the case does not hold'),
} as const;

/** The refusals of an analysis: a malformed query (400) or a model that cannot answer (422). */
export const analysisErrors = {
  ...caseErrors,
  400: jsonResponse(problemSchema, 'A malformed query parameter'),
  422: jsonResponse(problemSchema, 'The case or its model cannot answer this'),
} as const;

export const caseParams = z.object({ caseId: z.string().min(1).max(200) });

/**
 * An analysis's answer: the same JSON as the CLI's `--json` for the same question (documented
 * in docs/json.md and the engine's page), as the caller's view of the case gives it.
 */
export const analysisJson = (id: string, description: string) =>
  z.record(z.string(), z.unknown()).meta({ id, description });

/** A query flag: `true` or `false`. */
export const queryFlag = z.enum(['true', 'false']).optional();
