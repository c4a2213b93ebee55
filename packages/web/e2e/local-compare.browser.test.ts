// "Compare two texts" on the Drafts view in Chromium: two texts of the user's own (one chosen as a
// file, one pasted) redlined in a Web Worker by the drafts engine, drawn by the redline view, with
// errors located by text, line and column — and not one request carrying the texts.
import { describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import {
  CASE,
  expectNoSidewaysScroll,
  hasChromium,
  newPage,
  screenshot,
  seriousA11yViolations,
  signIn,
  useWorkbench,
} from './browser.test-support.ts';

// Parley's bracket text (the tag line makes it so): each bracket names its party.
const EARLIER =
  '# Ceasefire\n\n## Article 1\n\nThe parties shall withdraw their forces within 30 days.\n\n## Article 2\n\nMonitors [ru: from the OSCE] shall observe.\n@status: bracketed\n';
const LATER =
  '# Ceasefire\n\n## Article 1\n\nThe parties shall withdraw all forces within 60 days.\n\n## Article 2\n\nMonitors [ua: from the United Nations] shall observe.\n@status: bracketed\n';

/** Every request the page makes from now on. */
function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  return requests;
}

describe.skipIf(!hasChromium)('comparing two local texts in Chromium', () => {
  const running = useWorkbench();

  async function openDrafts(width = 1280) {
    const page = await newPage(running.browser, { width, height: 900 });
    await signIn(page, running.wb, 'ua');
    await page.goto(`${running.wb.url}/cases/${CASE}/drafts`);
    await page.getByRole('link', { name: 'Compare two texts of your own' }).click();
    await page.getByTestId('local-compare').waitFor();
    expect(new URL(page.url()).search).toBe('?compare=texts');
    await page.waitForLoadState('networkidle'); // the case's names are in: what follows is the comparison's
    return page;
  }

  it('redlines a chosen file against a pasted text in the browser, sending neither', async () => {
    const page = await openDrafts();
    const requests = recordRequests(page);
    const compare = page.getByTestId('local-compare');
    await page.getByTestId('local-file-before').setInputFiles({
      name: 'ceasefire-1.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(EARLIER),
    });
    await expect.poll(() => page.getByLabel('Earlier text: paste the text').inputValue()).toBe(EARLIER);
    await page.getByLabel('Later text: paste the text').fill(LATER);
    await compare.getByRole('button', { name: 'Compare' }).click();
    const summary = page.getByTestId('local-redline-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toBe(
      'ceasefire-1.md → Later text: words +4 −3 · moved 0 · renumbered 0 · units: 2 modified, 0 inserted, 0 deleted, 2 unchanged',
    );
    const art1 = compare.locator('[data-unit="art-1.p1"]');
    expect(await art1.locator('ins').allTextContents()).toEqual(['all', '60']);
    expect(await art1.locator('del').allTextContents()).toEqual(['their', '30']);
    expect(await art1.locator('.redline-text').innerText()).toBe(
      'The parties shall withdraw their all forces within 30 60 days.',
    );
    // The brackets carry the parties' names from the case, not only their colours.
    const art2 = compare.locator('[data-unit="art-2.p1"]');
    expect(await art2.locator('del .bracket-mark[data-party=ru]').textContent()).toBe(
      '[Russian Federation: ',
    );
    expect(await art2.locator('ins .bracket-mark[data-party=ua]').textContent()).toBe('[Ukraine: ');
    expect(await art2.locator('del').allTextContents()).toEqual(['[Russian Federation: ', 'OSCE']);
    expect(await art2.locator('ins').allTextContents()).toEqual(['[Ukraine: ', 'United Nations']);
    expect(
      (await page.getByTestId('local-redline-brackets').locator('tbody').innerText()).replace(/^ /gm, ''),
    ).toBe('Russian Federation\t1\t0\t+0\t−1\nUkraine\t0\t1\t+1\t−0');
    // Measured in the page, from the click to the painted redline.
    const measured = await page.evaluate(
      () => performance.getEntriesByName('parley:local-redline', 'measure').length,
    );
    expect(measured).toBe(1);

    // Side by side: the earlier text keeps "their", the later has "all".
    await compare.getByLabel('Side by side').check();
    const sides = art1.locator('.side-by-side .redline-text');
    expect(await sides.allInnerTexts()).toEqual([
      'The parties shall withdraw their forces within 30 days.',
      'The parties shall withdraw all forces within 60 days.',
    ]);

    // The texts stayed in the browser: no request was a write, none carried a word of them; the
    // only one is the worker's script.
    expect(requests.filter((r) => r.method() !== 'GET' || r.postData() !== null).map((r) => r.url())).toEqual(
      [],
    );
    const words = ['Ceasefire', 'withdraw', 'OSCE', 'United%20Nations', 'Monitors'];
    expect(requests.filter((r) => words.some((w) => r.url().includes(w))).map((r) => r.url())).toEqual([]);
    expect(requests.map((r) => new URL(r.url()).pathname.replace(/-[\w-]+\.js$/, '.js'))).toEqual([
      '/assets/redline.worker.js',
    ]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'drafts-local-compare');
    await page.context().close();
  });

  it('names the errors in the texts by text, line and column, and draws no redline', async () => {
    const page = await openDrafts(420);
    await page.getByLabel('Earlier text: paste the text').fill(EARLIER.replace('withdraw', 'withdraw]'));
    await page.getByLabel('Later text: paste the text').fill(LATER.replace('Monitors', 'Monitors]'));
    await page.getByTestId('local-compare').getByRole('button', { name: 'Compare' }).click();
    const problems = page.getByTestId('local-problems');
    await problems.waitFor();
    expect(await problems.innerText()).toBe(
      [
        'No redline: 2 errors in the texts.',
        '',
        'Earlier text, line 5, column 27: unmatched "]": no bracket is open here',
        'Later text, line 9, column 9: unmatched "]": no bracket is open here',
      ].join('\n'),
    );
    expect(await page.getByTestId('local-redline').count()).toBe(0);
    await expectNoSidewaysScroll(page, 'narrow window');
    await page.context().close();
  });
});
