/**
 * Benchmark: the web workbench's production build in headless Chromium (Debian's, via
 * playwright-core) against the real server on loopback — a fresh PGlite folder holding the
 * embedded case, as `parley serve` makes it.
 *
 * Measured, each RUNS times in a fresh browser context (no HTTP cache), median and range:
 * - baseline: an empty HTML page served by a bare HTTP handler in this process, to the `load` event;
 * - the login page, to its form being usable (the first view a new user gets);
 * - a signed-in case Overview, to its record counts drawn (the first view with data).
 * And the initial JavaScript: what index.html loads before any view (entry and preloads), gzipped.
 *
 * Targets (issue 15): first view interactive < 1 s on localhost; initial JavaScript < 300 KB gzipped.
 *
 *   npm run bench:web            (PARLEY_BENCH_RUNS=9 for more runs)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import type { Browser, BrowserContext } from 'playwright-core';
import { buildWorkbench } from '../packages/web/scripts/build.mjs';
import {
  CASE,
  hasChromium,
  openBrowser,
  signIn,
  startWorkbench,
  webDist,
  type Workbench,
} from '../packages/web/e2e/browser.test-support.ts';

const RUNS = Number(process.env.PARLEY_BENCH_RUNS ?? 5);
const FIRST_VIEW_MS = 1000;
const INITIAL_JS_KB = 300;

if (!hasChromium) {
  console.log('bench:web needs /usr/bin/chromium (apt-get install -y chromium)');
  process.exit(1);
}

/** The scripts index.html loads at once: its module entry and the chunks it preloads. */
function initialJavaScript() {
  const html = readFileSync(path.join(webDist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const sizes = files.map((f) => {
    const bytes = readFileSync(path.join(webDist, f));
    return { file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return {
    files: sizes,
    raw: sizes.reduce((s, f) => s + f.raw, 0),
    gzip: sizes.reduce((s, f) => s + f.gzip, 0),
  };
}

async function timed(runs: number, once: () => Promise<number>): Promise<number[]> {
  await once(); // warm-up: the server's first answers build its caches
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await once());
  return times.sort((a, b) => a - b);
}

const median = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;
const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms [${xs[0]!.toFixed(0)}–${xs.at(-1)!.toFixed(0)}]`;

async function measure(browser: Browser, wb: Workbench, emptyUrl: string) {
  const fresh = async <T>(use: (context: BrowserContext) => Promise<T>, state?: string): Promise<T> => {
    const context = await browser.newContext(state ? { storageState: JSON.parse(state) } : {});
    try {
      return await use(context);
    } finally {
      await context.close();
    }
  };
  const baseline = await timed(RUNS, () =>
    fresh(async (context) => {
      const page = await context.newPage();
      const start = performance.now();
      await page.goto(emptyUrl, { waitUntil: 'load' });
      return performance.now() - start;
    }),
  );
  const login = await timed(RUNS, () =>
    fresh(async (context) => {
      const page = await context.newPage();
      const start = performance.now();
      await page.goto(`${wb.url}/login`);
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      return performance.now() - start;
    }),
  );
  // A signed-in browser's cookies, reused by every fresh context below.
  const state = await fresh(async (context) => {
    const page = await context.newPage();
    await signIn(page, wb, 'ua');
    return JSON.stringify(await context.storageState());
  });
  const overview = await timed(RUNS, () =>
    fresh(async (context) => {
      const page = await context.newPage();
      const start = performance.now();
      await page.goto(`${wb.url}/cases/${CASE}`);
      await page.getByTestId('record-counts').waitFor();
      return performance.now() - start;
    }, state),
  );
  return { baseline, login, overview };
}

await buildWorkbench();
const js = initialJavaScript();
const empty = await new Promise<{ url: string; close: () => void }>((resolve) => {
  const server = serve(
    {
      fetch: () =>
        new Response('<!doctype html><title>empty</title>', { headers: { 'content-type': 'text/html' } }),
      port: 0,
      hostname: '127.0.0.1',
    },
    (info) => resolve({ url: `http://127.0.0.1:${info.port}/`, close: () => server.close() }),
  );
});
const [wb, browser] = await Promise.all([startWorkbench(), openBrowser()]);
try {
  const { baseline, login, overview } = await measure(browser, wb, empty.url);
  const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER BUDGET');
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    [
      `web workbench — production build, headless Chromium ${browser.version()}, loopback; median [min–max] of ${RUNS} fresh contexts`,
      `  baseline: empty page to load                 ${ms(baseline)}`,
      `  login page, form usable                      ${ms(login)}   target < ${FIRST_VIEW_MS} ms: ${verdict(median(login) < FIRST_VIEW_MS)}`,
      `  case Overview signed in, counts drawn        ${ms(overview)}   target < ${FIRST_VIEW_MS} ms: ${verdict(median(overview) < FIRST_VIEW_MS)}`,
      `  initial JavaScript: ${js.files.length} file(s), ${kb(js.raw)} raw, ${kb(js.gzip)} gzipped (level 9)   target < ${INITIAL_JS_KB} KB: ${verdict(js.gzip < INITIAL_JS_KB * 1024)}`,
      ...js.files.map((f) => `    ${f.file}: ${kb(f.raw)} raw, ${kb(f.gzip)} gzipped`),
    ].join('\n'),
  );
} finally {
  await browser.close();
  await wb.close();
  empty.close();
}
