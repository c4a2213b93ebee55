// The Guarantees lab in Chromium on the real server: the case's instruments under each scenario
// with the explanation steps (figures as `parley guarantees cases/istanbul-2022 --json --no-library`),
// the attacker and place filters, accessibility and a narrow window.
import { describe, expect, it } from 'vitest';
import {
  CASE,
  hasChromium,
  newPage,
  screenshot,
  seriousA11yViolations,
  signIn,
  useWorkbench,
  expectNoSidewaysScroll,
} from './browser.test-support.ts';

describe.skipIf(!hasChromium)('the Guarantees lab in Chromium', () => {
  const running = useWorkbench();

  it('compares the instruments under each scenario, with the steps of each result', async () => {
    const page = await newPage(running.browser);
    await signIn(page, running.wb, 'mediator');
    await page.goto(`${running.wb.url}/cases/${CASE}/guarantees?library=false`);
    const table = page.getByTestId('guarantees-table');
    await table.locator('tr[data-instrument="draft-2022-04-15-russia"]').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(4);
    const cell = (instrument: string, column: string) =>
      table.locator(`tr[data-instrument="${instrument}"] td[data-column="${column}"]`);
    // Russia's 15 April text lets any guarantor (Russia too) block: no help against a Russian attack.
    expect(await cell('draft-2022-04-15-russia', 'ru, core territory').innerText()).toMatch(
      /^covered any help 0\.0% · can block: uk, cn, ru, us, fr\nWhy/,
    );
    expect(await cell('draft-2022-04-15-ukraine', 'ru, core territory').innerText()).toMatch(
      /^covered any help 99\.0%/,
    );
    expect(await cell('communique-2022-03-29', 'ru, crimea').innerText()).toMatch(
      /^out-of-scope any help 0\.0%/,
    );
    const why = cell('communique-2022-03-29', 'ru, core territory');
    await why.getByText('Why').click();
    expect(await why.locator('.steps li b').allTextContents()).toEqual([
      'scope',
      'trigger',
      'attacker',
      'consultation',
      'obligation',
      'assistance',
    ]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'guarantees-mediator');

    await page.getByLabel('Place').selectOption('crimea');
    await table.locator('thead th').nth(1).filter({ hasText: 'crimea' }).waitFor();
    expect(await table.locator('thead th').allTextContents()).not.toContain(
      'Russian Federation, core territory',
    );
    expect(await page.getByTestId('no-scratch-copy').textContent()).toContain('there is none yet');
    await page.context().close();
  });

  it('fits a narrow window (390×844)', async () => {
    const page = await newPage(running.browser, { width: 390, height: 844 });
    await signIn(page, running.wb, 'ua');
    await page.goto(`${running.wb.url}/cases/${CASE}/guarantees`);
    await page.getByTestId('guarantees-table').waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'narrow-guarantees-ua');
    await page.context().close();
  });
});
