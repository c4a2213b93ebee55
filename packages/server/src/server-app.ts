import { OpenAPIHono } from '@hono/zod-openapi';
import { Scalar } from '@scalar/hono-api-reference';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { ParleyError } from '@parley/model/errors.ts';
import { authenticate } from './auth/authenticate.ts';
import { answerError, problem, requestDiagnostics } from './http-errors.ts';
import { registerAnalysisRoutes } from './routes/analyses.ts';
import { registerAuditRoutes } from './routes/audit.ts';
import { registerChangeRoutes } from './routes/changes.ts';
import {
  checkpointAfterWrites,
  registerCheckpointRoutes,
  type CheckpointOptions,
} from './routes/checkpoints.ts';
import { registerChannelRoutes } from './routes/channels.ts';
import { registerAuthRoutes } from './routes/auth.ts';
import { registerCaseRoutes } from './routes/cases.ts';
import { registerInitialsRoutes } from './routes/initials.ts';
import { registerProposalRoutes } from './routes/proposals.ts';
import { registerRecordRoutes } from './routes/records.ts';
import { registerSigningKeyRoutes } from './routes/signing-keys.ts';
import { registerSingleTextRoutes } from './routes/single-text.ts';
import { registerSimulateRoutes } from './routes/simulate.ts';
import { registerSetupPage } from './setup-page.ts';
import { registerWebAssets, type WebAssets } from './web-assets.ts';
import type { ServerDeps, ServerEnv } from './server-env.ts';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The Parley API as a Hono app: every route declares its input and output schemas (served as
 * OpenAPI 3.1 at /openapi.json, readable at /docs) and its access rule (access.ts). Handlers
 * call the same app use cases as the CLI, on the case as the caller may see it.
 */
export function createServerApp(
  deps: ServerDeps & CheckpointOptions,
  options: { web?: WebAssets } = {},
): OpenAPIHono<ServerEnv> {
  const app = new OpenAPIHono<ServerEnv>({
    // A body or query that fails its schema: 422 with every field at fault, by path.
    defaultHook: (result, c) => {
      if (!result.success) {
        const diagnostics = requestDiagnostics(result.error.issues, (result as { data?: unknown }).data);
        const part = result.target === 'json' ? 'body' : result.target;
        return c.json(
          problem('invalid-input', `the ${part} has ${diagnostics.length} problem(s)`, diagnostics),
          422,
        );
      }
    },
  });
  const maxBytes = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const limitBody = bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      // Answered before the rest of the body is read: the connection cannot carry another request.
      c.header('Connection', 'close');
      throw new ParleyError('too-large', `the body is larger than ${maxBytes} bytes`);
    },
  });
  app.use(
    '*',
    secureHeaders(),
    // No route reads the body of a read, and asking for it builds a whole fetch Request per call
    // (a sixth of the server's time under read load); Node discards what a read sends.
    (c, next) => (BODYLESS.has(c.req.method) ? next() : limitBody(c, next)),
    authenticate(() => deps.database, deps.now ?? (() => new Date())),
  );
  // Signs a checkpoint of a case's audit log once a write has grown it enough.
  app.use('/api/cases/*', checkpointAfterWrites(deps));
  app.onError(answerError);
  app.notFound((c) => c.json(problem('not-found', `no route ${c.req.method} ${c.req.path}`), 404));

  registerAuthRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerRecordRoutes(app, deps);
  registerChangeRoutes(app, deps);
  registerAnalysisRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerCheckpointRoutes(app, deps);
  registerSigningKeyRoutes(app, deps);
  registerInitialsRoutes(app, deps);
  registerChannelRoutes(app, deps);
  registerProposalRoutes(app, deps);
  registerSingleTextRoutes(app, deps);
  registerSimulateRoutes(app, deps);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Parley',
      version: '0.1.0',
      description:
        'A workbench for multi-party peace negotiations: cases, records, drafts, guarantees, deals.',
    },
  });
  app.get('/docs', Scalar({ url: '/openapi.json', pageTitle: 'Parley API' }));
  // The workbench, when served, draws /setup itself; registered first, it answers that path.
  if (options.web) registerWebAssets(app, options.web);
  registerSetupPage(app);
  return app;
}
