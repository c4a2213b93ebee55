// Test support for the workbench's browser tests: the real server (API and the production build)
// on a fresh PGlite folder with the embedded case, users for each role, and Debian's Chromium
// driven by playwright-core. Without /usr/bin/chromium the tests skip with a notice.
import { afterAll, beforeAll, expect } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadCase } from '@parley/case-files/load.ts';
import { firstStartSetup } from '@parley/server/auth/first-start.ts';
import { startServer } from '@parley/server/start-server.ts';
import { importCase } from '@parley/store/cases.ts';
import { openDatabase } from '@parley/store/database.ts';
import { pgliteFolder } from '@parley/store/test-databases.test-support.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`browser tests skipped: no ${CHROMIUM} (apt-get install -y chromium; .ci/run does it)`);

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
export const webDist = path.join(repo, 'packages/web/dist');
export const artifacts = path.join(repo, 'test-artifacts/web');
export const CASE = 'istanbul-2022';

/** The users a workbench test signs in as: the administrator (case admin) and one per role. */
export type Who = 'admin' | 'mediator' | 'ru' | 'ua';

export interface Workbench {
  url: string;
  password: string;
  users: Record<Who, { email: string; id: string }>;
  /** Calls the API as a user (JSON in and out), e.g. to seed records before a page loads. */
  api(who: Who, method: string, apiPath: string, json?: unknown): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

/** The production build, made once if absent (npm run build makes it too). */
export async function ensureWebBuild() {
  if (existsSync(path.join(webDist, 'index.html'))) return;
  const { buildWorkbench } = await import('../scripts/build.mjs');
  await buildWorkbench();
}

/**
 * `parley serve` as a first start does it — the embedded case stored, every record visible to
 * its members — then the first administrator through the setup link, and a mediator and the
 * heads of the ru and ua delegations added through the API.
 */
export async function startWorkbench(): Promise<Workbench> {
  await ensureWebBuild();
  const dataDir = await pgliteFolder({ migrated: true });
  const database = await openDatabase({ dataDir });
  const { caseData } = await loadCase(path.join(repo, 'cases', CASE));
  await importCase(database, caseData!, { shareModels: true });
  const token = (await firstStartSetup(database))!;
  const server = await startServer({ database }, { port: 0, web: { dir: webDist } });
  const password = 'correct horse battery staple';
  const sessions = new Map<Who, { cookie: string; csrf: string }>();

  const call = async (who: Who | undefined, method: string, apiPath: string, json?: unknown) => {
    const s = who ? sessions.get(who) : undefined;
    const response = await fetch(server.url + apiPath, {
      method,
      headers: {
        ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}),
      },
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    });
    const text = await response.text();
    const body = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('parley_session='));
    return { status: response.status, body, cookie: cookie?.split(';')[0] };
  };
  const must = async (who: Who | undefined, method: string, apiPath: string, json?: unknown) => {
    const answer = await call(who, method, apiPath, json);
    if (answer.status >= 300)
      throw new Error(`${method} ${apiPath}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer;
  };

  const users = {} as Workbench['users'];
  const setup = await must(undefined, 'POST', '/api/auth/setup', {
    token,
    email: 'admin@example.org',
    displayName: 'Ada Admin',
    password,
  });
  sessions.set('admin', { cookie: setup.cookie!, csrf: setup.body.csrfToken });
  users.admin = { email: 'admin@example.org', id: setup.body.user.id };
  const roles: Array<[Who, string, string, string | undefined]> = [
    ['mediator', 'Mina Mediator', 'mediator', undefined],
    ['ru', 'Roman Delegate', 'delegation-head', 'ru'],
    ['ua', 'Ulyana Delegate', 'delegation-head', 'ua'],
  ];
  for (const [who, displayName, role, party] of roles) {
    const email = `${who}@example.org`;
    const user = await must('admin', 'POST', '/api/users', { email, displayName, password });
    await must('admin', 'PUT', `/api/cases/${CASE}/members/${user.body.id}`, {
      role,
      ...(party ? { party } : {}),
    });
    const login = await must(undefined, 'POST', '/api/auth/login', { email, password });
    sessions.set(who, { cookie: login.cookie!, csrf: login.body.csrfToken });
    users[who] = { email, id: user.body.id };
  }
  return {
    url: server.url,
    password,
    users,
    api: async (who, method, apiPath, json) => {
      const { status, body } = await call(who, method, apiPath, json);
      return { status, body };
    },
    close: async () => {
      await server.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless. */
/**
 * A workbench server and a browser for the enclosing describe block, started together before its
 * tests and closed after them: `running.wb` and `running.browser` inside a test.
 */
export function useWorkbench(): { wb: Workbench; browser: Browser } {
  const running = {} as { wb: Workbench; browser: Browser };
  beforeAll(async () => {
    [running.wb, running.browser] = await Promise.all([startWorkbench(), openBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await running.browser?.close();
    await running.wb?.close();
  });
  return running;
}

export function openBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A page in a fresh context (its own cookies), desktop-sized unless a viewport is given. */
export async function newPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

/** Signs in through the login page, as a person does, and waits for the case list. */
export async function signIn(page: Page, wb: Workbench, who: Who) {
  await page.goto(`${wb.url}/login`);
  await page.getByLabel('Email').fill(wb.users[who].email);
  await page.getByLabel('Password').fill(wb.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Your cases' }).waitFor();
}

const axeSource = readFileSync(path.join(repo, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** The serious and critical axe-core violations on the page, as `rule: target` lines (none expected). */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: any[] }> } }).axe; // eslint-disable-line @typescript-eslint/no-explicit-any
    return (await axe.run()).violations.map((v) => ({
      id: v.id as string,
      impact: v.impact as string,
      targets: (v.nodes as Array<{ target: string[] }>).map((n) => n.target.join(' ')),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.targets.map((t) => `${v.id}: ${t}`));
}

/** Writes a full-page screenshot to test-artifacts/web/<name>.png. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

/**
 * Fails when the page scrolls sideways in its window (a narrow laptop beside the table), naming
 * the first elements that reach past the right edge.
 */
export async function expectNoSidewaysScroll(page: Page, label = ''): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const wider = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 8)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)
      .join('; '),
  );
  expect(overflow, `${label} ${wider}`.trim()).toBeLessThanOrEqual(0);
}
