/**
 * The first view's API answers, asked for by index.html's inline script while the workbench's
 * JavaScript is still loading (issue 15: the first view under 1 s): the session, and for a case's
 * page its details, brief and actors. Each answer serves the first GET of its path and query, once.
 */
export type EarlyAnswers = Record<string, Promise<Response>>;

const holder = globalThis as { parleyEarly?: EarlyAnswers };

/** The early answer to `request`, taken out of the page's store; undefined: ask the server. */
export function takeEarlyAnswer(request: Request): Promise<Response> | undefined {
  const early = holder.parleyEarly;
  if (!early) return undefined;
  // A write (sign-in, sign-out) may change what the server would answer: the early answers go.
  if (request.method !== 'GET') {
    delete holder.parleyEarly;
    return undefined;
  }
  const url = new URL(request.url);
  const key = url.pathname + url.search;
  const answer = early[key];
  delete early[key];
  return answer;
}

/** fetch for the API client: an early answer when the page holds one, else the network. */
export const fetchOrEarly = (request: Request) => takeEarlyAnswer(request) ?? fetch(request);
