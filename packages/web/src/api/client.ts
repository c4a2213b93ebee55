import createClient, { type Middleware } from 'openapi-fetch';
import { fetchOrEarly } from './early-answers.ts';
import type { paths } from './schema.d.ts';

/**
 * The API client: same origin, the session cookie sent by the browser, and the session's CSRF
 * token on every write (routes/auth.ts refuses a cookie write without it). The token comes from
 * the answer of login, setup or /api/auth/me, which `rememberCsrfToken` keeps.
 */
let csrfToken: string | undefined;

export function rememberCsrfToken(token: string | undefined) {
  csrfToken = token;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD' && csrfToken)
      request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};

export const api = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  fetch: fetchOrEarly,
});
api.use(csrf);

/** A refused API call, with the server's error message (the `problem` shape of http-errors.ts). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The data of an openapi-fetch answer, or an ApiError carrying the server's message. */
export function dataOf<T>(answer: { data?: T; error?: unknown; response: Response }): T {
  if (answer.error !== undefined || answer.data === undefined) {
    const error = answer.error as { error?: { message?: string } } | undefined;
    throw new ApiError(
      answer.response.status,
      error?.error?.message ?? `the server answered ${answer.response.status}`,
    );
  }
  return answer.data;
}
