import { existsSync } from 'node:fs';
import path from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { ServerEnv } from './server-env.ts';

/** Where the web workbench's production build is, for `createServerApp`. */
export interface WebAssets {
  /** The folder `vite build` wrote (packages/web/dist): index.html and assets/. */
  dir: string;
}

/** Vite names every file under assets/ by a hash of its content: a browser may keep it for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The workbench beside the API: its files at `/`, and index.html for every other page path
 * (`/cases/x/timeline`, `/setup?token=…`), which the browser's router then draws. /api paths
 * never fall back: an unknown API route stays a JSON 404. Without a build, `/` says how to make one.
 */
export function registerWebAssets(app: OpenAPIHono<ServerEnv>, web: WebAssets) {
  const built = () => existsSync(path.join(web.dir, 'index.html'));
  const isPage = (p: string) => !/^\/(api|assets)(\/|$)/.test(p);
  /** A file of the build with the caching it calls for; a missing one goes on to the 404. */
  const file = (cacheControl: string, only?: string): MiddlewareHandler<ServerEnv> => {
    // The build writes each asset also as .br and .gz (packages/web/scripts/build.mjs): the one
    // the browser accepts goes out, compressed once rather than per request.
    const serve = serveStatic<ServerEnv>({
      root: web.dir,
      precompressed: true,
      ...(only ? { path: only } : {}),
    });
    return async (c, next) => {
      const answer = await serve(c, next);
      // Not found: serveStatic went on to next(), whose answer is the 404's, set on the context.
      if (!(answer instanceof Response)) return;
      answer.headers.set('Cache-Control', cacheControl);
      return answer;
    };
  };
  app.get('/assets/*', file(IMMUTABLE));
  // The shell names the current hashed assets: a browser must ask for it again on every visit.
  const shell = file('no-cache', 'index.html');
  const rootFile = file('no-cache');
  app.get('*', async (c, next) => {
    if (!isPage(c.req.path)) return next();
    if (!built()) return c.req.path === '/' ? c.html(missingBuild(), 503) : next();
    // A file at the build's root (favicon.svg…), else the page shell for the browser's router.
    const atRoot = /^\/[\w.-]+\.\w+$/.test(c.req.path) && existsSync(path.join(web.dir, c.req.path));
    return (atRoot ? rootFile : shell)(c, next);
  });
}

const missingBuild = () => `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Parley — workbench not built</title>
<style>body{font:16px system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}</style>
<h1>The web workbench is not built</h1>
<p>There is no <code>packages/web/dist/index.html</code>. Build it with <code>npm run build</code>
(<code>npm ci</code> builds it too), then reload this page.</p>
<p>The API runs meanwhile: its documentation is at <a href="/docs">/docs</a>.</p>
</html>
`;
