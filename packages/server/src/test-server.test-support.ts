// Test support: the Parley app served over real HTTP on a free port, and a small client for it.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createServerApp } from './server-app.ts';
import type { ServerDeps } from './server-env.ts';

export interface Answer {
  status: number;
  headers: Headers;
  /** The parsed body when it is JSON, else its text; undefined for an empty one. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface CallOptions {
  json?: unknown;
  /** The session token, sent as the parley_session cookie. */
  session?: string;
  csrf?: string;
  bearer?: string;
  headers?: Record<string, string>;
}

export interface TestServer {
  url: string;
  call(method: string, path: string, options?: CallOptions): Promise<Answer>;
  close(): Promise<void>;
}

export async function startTestServer(deps: ServerDeps): Promise<TestServer> {
  const app = createServerApp(deps);
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>(
    (resolve) => {
      const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
        resolve({ server, port: info.port }),
      );
    },
  );
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.json !== undefined) headers['Content-Type'] = 'application/json';
      if (options.session !== undefined) headers.Cookie = `parley_session=${options.session}`;
      if (options.csrf !== undefined) headers['X-CSRF-Token'] = options.csrf;
      if (options.bearer !== undefined) headers.Authorization = `Bearer ${options.bearer}`;
      const response = await fetch(url + path, {
        method,
        headers,
        ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
      });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        body:
          text !== '' && response.headers.get('content-type')?.includes('json')
            ? JSON.parse(text)
            : text || undefined,
      };
    },
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** The session token a Set-Cookie header of the answer carries; undefined when none. */
export function sessionCookieOf(answer: Answer): string | undefined {
  const cookie = answer.headers.getSetCookie().find((c) => c.startsWith('parley_session='));
  return cookie?.slice('parley_session='.length).split(';')[0];
}
