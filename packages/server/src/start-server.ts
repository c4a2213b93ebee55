import { serve, type ServerType } from '@hono/node-server';
import { DEFAULT_CHECKPOINT_EVERY, checkpointDueCases } from '@parley/store/signing/checkpoints.ts';
import { serverKeyOf } from '@parley/store/signing/server-key.ts';
import { checkpointEveryFrom, type CheckpointOptions } from './routes/checkpoints.ts';
import { createServerApp } from './server-app.ts';
import type { ServerDeps } from './server-env.ts';
import type { WebAssets } from './web-assets.ts';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the API over HTTP on the port given (0: any free port), and the web workbench when
 * `web` names its build, and resolves once it listens.
 */
export async function startServer(
  deps: ServerDeps & CheckpointOptions,
  options: { port: number; host?: string; web?: WebAssets },
): Promise<RunningServer> {
  // The server's signing key is made on its first start; the logs that grew while it was not
  // running (CLI imports, another server) get their due checkpoints now.
  const key = await serverKeyOf(deps.database);
  const every = deps.checkpointEvery ?? checkpointEveryFrom(process.env) ?? DEFAULT_CHECKPOINT_EVERY;
  await checkpointDueCases(deps.database, key, every, deps.now?.() ?? new Date());
  const app = createServerApp({ ...deps, checkpointEvery: every }, options.web ? { web: options.web } : {});
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
