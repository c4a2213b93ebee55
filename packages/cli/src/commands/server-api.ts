import { ParleyError, type ErrorCode } from '@parley/model/errors.ts';

const codeFor = (status: number): ErrorCode =>
  status === 404
    ? 'not-found'
    : status === 401
      ? 'unauthenticated'
      : status === 403
        ? 'forbidden'
        : 'invalid-input';

/**
 * JSON calls to a Parley server with an API token (`--server URL --token T`); a refusal becomes a
 * ParleyError with the server's message, an unreachable server an `unavailable` one.
 */
export function serverApi(server: string, token: string) {
  return async (method: string, path: string, json?: unknown): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetch(server.replace(/\/+$/, '') + path, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      });
    } catch (error) {
      throw new ParleyError(
        'unavailable',
        `${server}: cannot reach the server (${(error as Error).message})`,
      );
    }
    const body = (await response.json().catch(() => undefined)) as
      { error?: { message?: string } } | undefined;
    if (!response.ok)
      throw new ParleyError(
        codeFor(response.status),
        `${method} ${path}: ${response.status} ${body?.error?.message ?? response.statusText}`,
      );
    return body;
  };
}
