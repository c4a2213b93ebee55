import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { formatPath } from '@parley/model/diagnostic.ts';
import type { ErrorCode } from '@parley/model/errors.ts';
import { isParleyError } from '@parley/model/errors.ts';

/** The HTTP status of each error code: the one place the server maps codes. */
export const statusFor: Record<ErrorCode, ContentfulStatusCode> = {
  usage: 400,
  'invalid-input': 422,
  'invalid-case': 422,
  'invalid-model': 422,
  'invalid-genius': 422,
  'unknown-id': 404,
  'not-found': 404,
  conflict: 409,
  'precondition-required': 428,
  unauthenticated: 401,
  forbidden: 403,
  'too-large': 413,
  // Well-formed, but more work than one request may take: the same request will be refused again.
  'over-budget': 422,
  unavailable: 503,
  'rate-limited': 429,
  'cannot-write': 500,
};

export const problemSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      diagnostics: z
        .array(
          z.object({
            code: z.string(),
            path: z.string(),
            message: z.string(),
            line: z.number().optional(),
            column: z.number().optional(),
          }),
        )
        .optional(),
    }),
  })
  .meta({
    id: 'Problem',
    description: 'What went wrong: a code from the error taxonomy, a message, and the fields at fault.',
  });

export type Problem = z.infer<typeof problemSchema>;

export function problem(
  code: ErrorCode | string,
  message: string,
  diagnostics?: Problem['error']['diagnostics'],
): Problem {
  return { error: { code, message, ...(diagnostics && diagnostics.length > 0 ? { diagnostics } : {}) } };
}

/**
 * A request part (body, query, headers) that fails its route's schema, as one diagnostic per
 * field at fault: an unknown key at its own path, a missing field as missing, the rest in zod's
 * words without its "Invalid input:" preamble.
 */
export function requestDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  value: unknown,
): NonNullable<Problem['error']['diagnostics']> {
  return issues.flatMap((issue) => {
    const path = issue.path.filter((p) => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({
        code: 'unknown-field',
        path: formatPath([...path, key]),
        message: 'unknown field',
      }));
    if (path.length > 0 && valueAt(value, path) === undefined)
      return [{ code: 'missing-field', path: formatPath(path), message: 'required field is missing' }];
    return [
      {
        code: 'invalid-value',
        path: formatPath(path),
        message: issue.message.replace(/^Invalid input: /, ''),
      },
    ];
  });
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const part of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

/**
 * Answers any error thrown by a route: a ParleyError by its code, anything else as a fault
 * with no detail (the detail goes to the server's log, never to the caller).
 */
export function answerError(error: unknown, c: Context): Response {
  if (isParleyError(error)) {
    const diagnostics = error.diagnostics.map((d) => ({
      code: d.code,
      path: d.path,
      message: d.message,
      ...(d.line !== undefined ? { line: d.line } : {}),
      ...(d.column !== undefined ? { column: d.column } : {}),
    }));
    const body = problem(error.code, error.message, diagnostics);
    // A stale write carries the record as it now stands, so the client can merge and retry.
    const current = (error as { current?: { version: number } }).current;
    if (current) {
      c.header('ETag', `"${current.version}"`);
      return c.json({ ...body, current }, statusFor[error.code]);
    }
    return c.json(body, statusFor[error.code]);
  }
  if (error instanceof Error && 'status' in error && typeof error.status === 'number' && error.status < 500) {
    // Hono's own refusals: a malformed JSON body is a wrong call (400 usage), like a bad header.
    const status = error.status as ContentfulStatusCode;
    return c.json(problem(status === 413 ? 'too-large' : 'usage', error.message || 'bad request'), status);
  }
  console.error('parley server: internal error', error);
  return c.json(problem('internal', 'an internal error occurred; it has been logged'), 500);
}
