// The shuttle of issue 13 done through the pages, in Chromium on the real server: Ukraine tables a
// package in its caucus; the mediator carries it to Russia as the mediator's own suggestion; Russia
// sees a suggestion of the mediator and nothing of Ukraine — neither on the page nor in any network
// response its browser receives — and counters; the mediator sees both, the shuttle and the audit log,
// and releases the origin, which Russia then sees.
// Each step is one `it`, in order.
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CASE,
  hasChromium,
  newPage,
  openBrowser,
  screenshot,
  seriousA11yViolations,
  signIn,
  startWorkbench,
  type Workbench,
  expectNoSidewaysScroll,
} from './browser.test-support.ts';

const UA_NOTE = 'Between us: Kyiv could live with 250,000 troops';
const UA_MESSAGE = 'Ukraine’s caucus only: the guarantees come first';
const RU_NOTE = 'Our counter';

describe.skipIf(!hasChromium)('the console and the caucus in Chromium', () => {
  let wb: Workbench;
  let browser: Browser;
  const ids = { uaPackage: '', uaMessage: '', copy: '', carry: '', ruCounter: '' };

  beforeAll(async () => {
    [wb, browser] = await Promise.all([startWorkbench(), openBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await wb?.close();
  });

  const caucus = (page: Page, channel: string) => page.locator(`section[data-channel="${channel}"]`);

  it('Ukraine tables a package in its caucus and values it against its own model', async () => {
    const page = await newPage(browser);
    await signIn(page, wb, 'ua');
    await page.goto(`${wb.url}/cases/${CASE}/caucus`);
    await page.getByRole('heading', { level: 1, name: 'Caucus' }).waitFor();
    const nav = await page.getByRole('navigation', { name: 'Case views' }).innerText();
    expect(nav).toContain('Caucus');
    expect(nav).not.toContain('Console');
    // A delegation uses the plenary and its own caucus, as the server gives them.
    expect(await page.locator('section.channel h2').allTextContents()).toEqual([
      'Plenary',
      'Caucus: Ukraine',
    ]);

    await caucus(page, 'ua').getByLabel('Message to Caucus: Ukraine').fill(UA_MESSAGE);
    await caucus(page, 'ua').getByRole('button', { name: 'Post' }).click();
    await page.getByTestId('messages-ua').getByText(UA_MESSAGE).waitFor();

    expect(await page.getByLabel('In', { exact: true }).inputValue()).toBe('ua');
    await page.locator('#package-issue-0').selectOption('troop-ceiling');
    await page.locator('#package-value-0').fill('250,000');
    await page.getByRole('button', { name: 'Add an issue' }).click();
    await page.locator('#package-issue-1').selectOption('guarantee-decision-rule');
    await page.locator('#package-value-1').selectOption('individual');
    await page.getByLabel('Note (optional)').fill(UA_NOTE);
    await page.getByRole('button', { name: 'Table the package' }).click();
    const card = caucus(page, 'ua').locator('article.proposal');
    await card.waitFor();
    expect(await card.locator('.proposal-head').innerText()).toBe('Tabled by Ukraine tabled');
    expect(await card.locator('dl').innerText()).toBe(
      "Peacetime size of Ukraine's armed forces\n250,000 troops\nHow guarantors decide to help\nEach guarantor decides and acts individually",
    );
    // Its tabler may withdraw it; accepting is for the receiving side.
    expect(
      await card.getByRole('group', { name: 'Move the proposal' }).getByRole('button').allTextContents(),
    ).toEqual(['Withdraw']);
    ids.uaPackage = (await card.getAttribute('data-proposal'))!;
    ids.uaMessage = (await wb.api('ua', 'GET', `/api/cases/${CASE}/channels/ua/messages`)).body[0].id;
    expect(ids.uaPackage).toMatch(/^p-[a-z0-9]{20}$/);

    // The valuation on the page is the server's, figure for figure.
    await card.getByRole('button', { name: 'Evaluate against our model' }).click();
    const shown = card.getByTestId(`evaluation-${ids.uaPackage}`);
    await shown.waitFor();
    const e = (await wb.api('ua', 'GET', `/api/cases/${CASE}/proposals/${ids.uaPackage}/evaluation`)).body;
    expect(e.reservationValue).not.toBeNull();
    expect(await shown.locator('.evaluation-verdict').innerText()).toBe(
      `Utility ${e.utility.toFixed(3)} vs reservation value ${e.reservationValue.toFixed(3)} on ${e.at}: ${
        e.aboveReservation ? 'above' : 'below'
      } our reservation value`,
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'caucus-ua');
    await page.context().close();
  });

  it('the mediator carries it to Russia as the mediator’s suggestion', async () => {
    const page = await newPage(browser);
    await signIn(page, wb, 'mediator');
    await page.goto(`${wb.url}/cases/${CASE}/console`);
    await page.getByRole('heading', { level: 1, name: 'Mediator’s console' }).waitFor();
    expect(await page.locator('section.channel h2').allTextContents()).toEqual([
      'Plenary',
      'Caucus: Russian Federation',
      'Caucus: Ukraine',
    ]);
    const original = page.locator(`article[data-proposal="${ids.uaPackage}"]`);
    await original.waitFor();
    expect(await original.locator('.note').innerText()).toBe(UA_NOTE);
    expect(await page.getByTestId('messages-ua').getByText(UA_MESSAGE).count()).toBe(1);
    await original.getByLabel('Carry to', { exact: true }).selectOption('ru');
    await original.getByLabel('As', { exact: true }).selectOption('suggestion');
    await original.getByRole('button', { name: 'Carry' }).click();
    const copy = caucus(page, 'ru').locator('article.proposal');
    await copy.waitFor();
    expect(await copy.locator('.proposal-head').innerText()).toBe('Mediator’s suggestion tabled');
    // The team sees where its suggestion came from; the party will not.
    expect(await copy.locator('.origin').innerText()).toBe(
      'Carried from Caucus: Ukraine (Tabled by Ukraine), as the mediator’s suggestion',
    );
    ids.copy = (await copy.getAttribute('data-proposal'))!;
    expect(ids.copy).not.toBe(ids.uaPackage);
    const shuttle = page.getByTestId('carries').locator('tbody tr');
    await shuttle.first().waitFor();
    expect(await shuttle.count()).toBe(1);
    expect(await shuttle.first().innerText()).toBe(
      'Caucus: Ukraine\tCaucus: Russian Federation\tas the mediator’s suggestion\tTabled by Ukraine\tthe mediation team only Release',
    );
    ids.carry = (await shuttle.first().getAttribute('data-carry'))!;
    // The audit log as the server checks it, and its latest signed checkpoint (one signed now).
    await page.getByRole('button', { name: 'Sign a checkpoint now' }).click();
    const audit = (await wb.api('mediator', 'GET', `/api/cases/${CASE}/audit`)).body;
    expect(audit.check.ok).toBe(true);
    await page
      .getByTestId('checkpoint')
      .filter({ hasText: `${audit.check.entries} entries` })
      .waitFor();
    expect(await page.getByTestId('audit-check').innerText()).toBe(
      `✓ Verified: ${audit.check.entries} entries, head ${audit.check.entries}:${audit.check.headHash.slice(0, 12)}`,
    );
    expect(await page.getByTestId('checkpoint').innerText()).toContain('the log still reaches this head.');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'console-mediator-carried');
    await page.context().close();
  });

  it('Russia sees a suggestion of the mediator, never Ukraine’s, on the page or the wire, and counters', async () => {
    const page = await newPage(browser);
    const bodies: { url: string; text: string }[] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (r: Response) =>
      pending.push(
        r.text().then(
          (text) => void bodies.push({ url: r.url(), text }),
          () => undefined, // redirects carry no body
        ),
      ),
    );
    await signIn(page, wb, 'ru');
    await page.goto(`${wb.url}/cases/${CASE}/caucus`);
    await page.getByRole('heading', { level: 1, name: 'Caucus' }).waitFor();
    expect(await page.locator('section.channel h2').allTextContents()).toEqual([
      'Plenary',
      'Caucus: Russian Federation',
    ]);
    const suggestion = page.locator(`article[data-proposal="${ids.copy}"]`);
    await suggestion.waitFor();
    expect(await suggestion.locator('.proposal-head').innerText()).toBe('Mediator’s suggestion tabled');
    expect(await suggestion.locator('dl').innerText()).toBe(
      "Peacetime size of Ukraine's armed forces\n250,000 troops\nHow guarantors decide to help\nEach guarantor decides and acts individually",
    );
    expect(await suggestion.locator('.origin, .note').count()).toBe(0);
    await page.getByTestId('audit-check').waitFor();
    const text = await page.locator('body').innerText();
    for (const secret of ['Tabled by Ukraine', 'Caucus: Ukraine', UA_NOTE, UA_MESSAGE, ids.uaPackage])
      expect(text).not.toContain(secret);

    // Russia rejects the suggestion and counters with its own package in its caucus.
    await suggestion.getByRole('button', { name: 'Reject' }).click();
    await page.locator(`article[data-proposal="${ids.copy}"][data-state="rejected"]`).waitFor();
    await page.locator('#package-issue-0').selectOption('troop-ceiling');
    await page.locator('#package-value-0').fill('85000');
    await page.getByRole('button', { name: 'Add an issue' }).click();
    await page.locator('#package-issue-1').selectOption('guarantee-decision-rule');
    await page.locator('#package-value-1').selectOption('all-guarantors-agree');
    await page.getByLabel('Note (optional)').fill(RU_NOTE);
    await page.getByRole('button', { name: 'Table the package' }).click();
    const counter = caucus(page, 'ru').locator('article.proposal', {
      hasText: 'Tabled by Russian Federation',
    });
    await counter.waitFor();
    ids.ruCounter = (await counter.getAttribute('data-proposal'))!;
    expect(await counter.locator('dl').innerText()).toBe(
      "Peacetime size of Ukraine's armed forces\n85,000 troops\nHow guarantors decide to help\nAssistance needs a decision agreed by all guarantor states",
    );
    await counter.getByRole('button', { name: 'Evaluate against our model' }).click();
    await counter.getByTestId(`evaluation-${ids.ruCounter}`).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'caucus-ru');

    // Every response Russia's browser received: no id, text or origin of Ukraine's caucus.
    await page.reload();
    await page.getByTestId('audit-check').waitFor();
    await Promise.all(pending);
    const api = bodies.filter((b) => new URL(b.url).pathname.startsWith('/api/'));
    expect(api.map((b) => new URL(b.url).pathname)).toEqual(
      expect.arrayContaining([
        `/api/cases/${CASE}/channels`,
        `/api/cases/${CASE}/channels/ru/proposals`,
        `/api/cases/${CASE}/channels/ru/messages`,
        `/api/cases/${CASE}/audit`,
        `/api/cases/${CASE}/proposals/${ids.copy}/evaluation`.replace(ids.copy, ids.ruCounter),
      ]),
    );
    const leaks: string[] = [];
    for (const b of bodies) {
      for (const secret of [ids.uaPackage, ids.uaMessage, ids.carry, UA_NOTE, UA_MESSAGE])
        if (b.text.includes(secret)) leaks.push(`${b.url}: ${secret}`);
    }
    for (const b of api) if (b.text.includes('"origin"')) leaks.push(`${b.url}: origin`);
    expect(leaks).toEqual([]);
    await page.context().close();
  });

  it('the mediator sees both packages and both caucuses, and releases the origin', async () => {
    const page = await newPage(browser);
    await signIn(page, wb, 'mediator');
    await page.goto(`${wb.url}/cases/${CASE}/console`);
    const ru = caucus(page, 'ru').locator('article.proposal');
    await ru.nth(1).waitFor();
    expect(await ru.locator('.proposal-head').allInnerTexts()).toEqual([
      'Mediator’s suggestion rejected',
      'Tabled by Russian Federation tabled',
    ]);
    expect(await caucus(page, 'ua').locator('article.proposal .proposal-head').allInnerTexts()).toEqual([
      'Tabled by Ukraine tabled',
    ]);
    const counter = page.locator(`article[data-proposal="${ids.ruCounter}"]`);
    expect(await counter.locator('.note').innerText()).toBe(RU_NOTE);
    // The team moves Russia's counter under consideration.
    await counter.getByRole('button', { name: 'Under consideration' }).click();
    await page
      .locator(`article[data-proposal="${ids.ruCounter}"][data-state="under-consideration"]`)
      .waitFor();
    // The team releases the link: Russia may now learn where the suggestion came from.
    await page.getByRole('button', { name: 'Release the origin to Caucus: Russian Federation' }).click();
    await page.getByTestId('carries').getByText('released (channel:ru)').waitFor();
    await screenshot(page, 'console-mediator-both');
    await page.context().close();
  });

  it('works in a narrow window (390×844), where Russia now sees the released origin', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await signIn(page, wb, 'ru');
    await page.goto(`${wb.url}/cases/${CASE}/caucus`);
    await page.locator(`article[data-proposal="${ids.ruCounter}"]`).waitFor();
    expect(await page.locator(`article[data-proposal="${ids.copy}"] .origin`).innerText()).toBe(
      'Carried from Caucus: Ukraine (Tabled by Ukraine), as the mediator’s suggestion',
    );
    // Nothing sticks out of the window (wide tables scroll inside their own box).
    const wider = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((e) => !e.closest('.scroll') && e.getBoundingClientRect().right > window.innerWidth + 0.5)
        .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${e.className}`),
    );
    expect(wider).toEqual([]);
    await expectNoSidewaysScroll(page);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'caucus-ru-narrow');
    await page.context().close();
  });
});
