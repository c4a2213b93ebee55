import { serve, type ServerType } from '@hono/node-server';
import { createServerApp } from './server-app.ts';
import type { ServerDeps } from './server-env.ts';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves the API over HTTP on the port given (0: any free port) and resolves once it listens. */
export function startServer(
  deps: ServerDeps,
  options: { port: number; host?: string },
): Promise<RunningServer> {
  const app = createServerApp(deps);
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    let server: ServerType;
    try {
      server = serve({ fetch: app.fetch, port: options.port, hostname: host }, (info) => {
        const shown = host.includes(':') ? `[${host}]` : host;
        resolve({
          url: `http://${shown}:${info.port}`,
          port: info.port,
          close: () => new Promise<void>((done) => server.close(() => done())),
        });
      });
      server.once('error', reject);
    } catch (error) {
      reject(error);
    }
  });
}
