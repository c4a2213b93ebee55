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
    await page.context().close();
  });

  it('evaluates a scratch copy beside the original, the changed cells marked in words, saving nothing', async () => {
    const page = await newPage(running.browser);
    await signIn(page, running.wb, 'mediator');
    await page.goto(`${running.wb.url}/cases/${CASE}/guarantees?library=false&attacker=ru`);
    await page
      .getByRole('button', {
        name: /^Edit a copy of Draft treaty of 15 April 2022, guarantee clause in Russia/,
      })
      .click();
    const copy = page.getByTestId('scratch-copy');
    expect(await copy.getByTestId('nothing-saved').textContent()).toBe(
      'Nothing is saved: the copy lives on this page only, and the case’s records stay as they are.',
    );
    const rule = copy.getByLabel('Decision rule');
    expect(await rule.inputValue()).toBe('unanimity-all');
    expect(await copy.getByLabel('Consultation window (days)').inputValue()).toBe('3');
    expect(await copy.getByLabel('Crimea').isChecked()).toBe(true);
    await rule.selectOption('majority');
    await copy.getByRole('button', { name: 'Evaluate the copy' }).click();
    const rows = copy.getByTestId('copy-table').locator('tbody tr');
    await rows.first().waitFor();
    // Under a majority Russia's "no" no longer stops the others (10,000 runs, seed 1, as the comparison).
    expect(await rows.allInnerTexts()).toEqual([
      'Russian Federation, core territory\tcovered any help 0.0% · can block: United Kingdom, China, Russian Federation (certainly), United States, France\tcovered any help 41.7% · can block: nobody\tchanged: any help, who can block',
      'Russian Federation, crimea\tout-of-scope any help 0.0% · can block: nobody\tout-of-scope any help 0.0% · can block: nobody\tsame',
    ]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'guarantees-scratch-copy');
    // Nothing was stored: the recorded instrument still reads unanimity-all in the comparison.
    await page.reload();
    await page.getByTestId('guarantees-table').waitFor();
    expect(
      await page.locator('tr[data-instrument="draft-2022-04-15-russia"] th .hint').textContent(),
    ).toContain('unanimity-all');
    await page.context().close();
  });

  it('fits a narrow window (390×844)', async () => {
    const page = await newPage(running.browser, { width: 390, height: 844 });
    await signIn(page, running.wb, 'ua');
    await page.goto(`${running.wb.url}/cases/${CASE}/guarantees?copy=draft-2022-04-15-russia`);
    await page.getByTestId('guarantees-table').waitFor();
    await page.getByRole('button', { name: 'Evaluate the copy' }).click();
    await page.getByTestId('copy-table').waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'narrow-guarantees-ua');
    await page.context().close();
  });
});
