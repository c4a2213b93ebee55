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
 * And the COP21 redline: the two UNFCCC drafts of ../shared/corpora/cop21 (skipped with a notice
 * when absent) given to the Drafts view's "Compare two texts" — redlined in its Web Worker, drawn by
 * the redline view — timed in the page from the click to the first frame painted with the redline
 * (the page's performance marks), beside the same redline computed by the engine here in Node.
 *
 * Targets (issue 15): first view interactive < 1 s on localhost; initial JavaScript < 300 KB gzipped;
 * the COP21 redline drawn < 500 ms.
 *
 *   npm run bench:web            (PARLEY_BENCH_RUNS=9 for more runs)
 */
import { existsSync, readFileSync } from 'node:fs';
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
import { localRedline } from '../packages/web/src/views/drafts/local-redline.ts';
import { LOCAL_REDLINE_MARKS } from '../packages/web/src/views/drafts/use-local-redline.ts';

const RUNS = Number(process.env.PARLEY_BENCH_RUNS ?? 5);
const FIRST_VIEW_MS = 1000;
const INITIAL_JS_KB = 300;
const COP21_REDLINE_MS = 500;
const COP21 = path.resolve(import.meta.dirname, '../../shared/corpora/cop21');
const COP21_FILES = ['2015-10-23.md', '2015-12-04.md'] as const;
/** A person's move from the file chooser to the Compare button: the worker reads the texts meanwhile. */
const PAUSE_MS = 1000;

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
  return { baseline, login, overview, state };
}

/**
 * The COP21 redline in the page, each run in a fresh signed-in context: both files chosen (the
 * worker starts then), Compare clicked, and the page's own marks read once the redline is painted.
 */
async function cop21Redline(browser: Browser, wb: Workbench, state: string) {
  const [before, after] = COP21_FILES.map((name) => ({
    name,
    text: readFileSync(path.join(COP21, name), 'utf8'),
  }));
  const node = await timed(RUNS, async () => {
    const start = performance.now();
    const answer = localRedline(before!, after!);
    if (!answer.ok) throw new Error(`the COP21 drafts did not redline: ${JSON.stringify(answer)}`);
    return performance.now() - start;
  });
  /** One run in a fresh signed-in context; Compare clicked `pause` ms after the second file is chosen. */
  const once = async (pause: number) => {
    const context = await browser.newContext({ storageState: JSON.parse(state) });
    try {
      const page = await context.newPage();
      await page.goto(`${wb.url}/cases/${CASE}/drafts?compare=texts`);
      for (const [side, text] of [
        ['before', before!],
        ['after', after!],
      ] as const)
        await page.getByTestId(`local-file-${side}`).setInputFiles({
          name: text.name,
          mimeType: 'text/markdown',
          buffer: Buffer.from(text.text),
        });
      await page.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid=local-compare] textarea')].every(
          (t) => (t as HTMLTextAreaElement).value.length > 50_000,
        ),
      );
      await page.waitForTimeout(pause);
      await page.getByTestId('local-compare').getByRole('button', { name: 'Compare' }).click();
      const measured = await page.waitForFunction((marks) => {
        const [first] = performance.getEntriesByName(marks.total, 'measure');
        const [all] = performance.getEntriesByName(marks.all, 'measure');
        if (!first || !all) return undefined;
        // No inner functions here: the page gets this function's source as tsx compiled it.
        const [submit, answered] = [marks.submit, marks.answered].map(
          (name) => performance.getEntriesByName(name, 'mark').at(-1)!.startTime,
        );
        return {
          first: first.duration,
          all: all.duration,
          worker: answered! - submit!,
          units: document.querySelectorAll('[data-testid=local-redline] .unit').length,
          elements: document.querySelectorAll('[data-testid=local-redline] *').length,
        };
      }, LOCAL_REDLINE_MARKS);
      return (await measured.jsonValue())!;
    } finally {
      await context.close();
    }
  };
  const series = async (pause: number) => {
    const runs: Awaited<ReturnType<typeof once>>[] = [];
    await timed(RUNS, async () => {
      const figures = await once(pause);
      runs.push(figures);
      return figures.first;
    });
    const sorted = (key: 'first' | 'all' | 'worker') =>
      runs
        .slice(1)
        .map((r) => r[key])
        .sort((a, b) => a - b);
    return { first: sorted('first'), all: sorted('all'), worker: sorted('worker'), drawn: runs[0]! };
  };
  return { node, atOnce: await series(0), paused: await series(PAUSE_MS) };
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
  const { baseline, login, overview, state } = await measure(browser, wb, empty.url);
  const cop21 = existsSync(COP21) ? await cop21Redline(browser, wb, state) : undefined;
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
      ...(cop21
        ? [
            `  COP21 redline (${COP21_FILES.join(' → ')}) in Compare two texts, from the click; ${cop21.atOnce.drawn.units} changed units, ${cop21.atOnce.drawn.elements} elements`,
            ...(
              [
                ['Compare clicked at once', cop21.atOnce],
                [`clicked ${PAUSE_MS} ms after the files`, cop21.paused],
              ] as const
            ).flatMap(([how, f]) => [
              `    ${how}:`,
              `      redline painted (first units)            ${ms(f.first)}   target < ${COP21_REDLINE_MS} ms: ${verdict(median(f.first) < COP21_REDLINE_MS)}`,
              `        of which the worker's answer           ${ms(f.worker)}`,
              `      every unit drawn                         ${ms(f.all)}`,
            ]),
            `    baseline: the same redline in Node (core, parse + redline + JSON)  ${ms(cop21.node)}   painted at once / Node: ${(median(cop21.atOnce.first) / median(cop21.node)).toFixed(2)}×`,
          ]
        : [`  COP21 redline: skipped, ${COP21} is absent`]),
    ].join('\n'),
  );
} finally {
  await browser.close();
  await wb.close();
  empty.close();
}
