// The Evidence view in Chromium on the real server: contested points side by side with their
// sources, the who-says-what grid with the analyst's inferences labelled, the topic filter,
// accessibility and a narrow window (figures as `parley show cases/istanbul-2022 claims --json`).
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

describe.skipIf(!hasChromium)('the Evidence view in Chromium', () => {
  const running = useWorkbench();

  it('sets the contested points side by side and labels the analyst’s inferences', async () => {
    const page = await newPage(running.browser);
    await signIn(page, running.wb, 'mediator');
    await page.goto(`${running.wb.url}/cases/${CASE}/evidence`);
    const counts = page.getByTestId('evidence-counts');
    await counts.waitFor();
    expect(await counts.textContent()).toBe('23 propositions, 19 contested');

    const initialled = page.locator('.contested-point[data-proposition="istanbul-draft-initialled"]');
    expect(await initialled.locator('h4').allTextContents()).toEqual(['Supports it', 'Disputes it']);
    const against = initialled.locator('.side').nth(1);
    // Charap's stance here is the analyst's inference, and says so in words.
    expect(await against.locator('.claim').innerText()).toMatch(/^Analyst’s inference /);
    expect(await against.locator('.basis').textContent()).toBe('Analyst’s inference');
    expect(await against.locator('.hint').textContent()).toContain('S2:');
    expect(await initialled.locator('.side').nth(0).locator('.basis').allTextContents()).toEqual([
      'Author’s claim',
      'Author’s claim',
      'Author’s claim',
      'Author’s claim',
    ]);
    // Competing values side by side: the day Bennett flew to Moscow.
    expect(
      await page
        .locator('.contested-point[data-proposition="bennett-moscow-visit-date"] h4')
        .allTextContents(),
    ).toEqual(['Says 2022-03-05', 'Says 2022-03-06']);

    const row = page.locator('[data-testid=who-says-what] tr[data-proposition="istanbul-draft-initialled"]');
    const cells = await row.locator('td').allInnerTexts();
    expect(cells.filter((c) => c === 'disputes\ninferred' || c === 'disputesinferred').length).toBe(2); // Charap, Radchenko
    expect(cells.filter((c) => c === 'supports').length).toBe(3); // Snider, Putin, Lavrov
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'evidence-mediator');

    await page.getByLabel('Topic').selectOption('rounds');
    await counts.filter({ hasNotText: '23 propositions' }).waitFor();
    expect(page.url()).toContain('topic=rounds');
    expect(await page.locator('.contested-point[data-proposition="round-2-venue"]').count()).toBe(1);
    expect(await page.locator('.contested-point[data-proposition="istanbul-draft-initialled"]').count()).toBe(
      0,
    );
    await page.context().close();
  });

  it('fits a narrow window (390×844)', async () => {
    const page = await newPage(running.browser, { width: 390, height: 844 });
    await signIn(page, running.wb, 'ru');
    await page.goto(`${running.wb.url}/cases/${CASE}/evidence`);
    await page.getByTestId('who-says-what').waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'narrow-evidence-ru');
    await page.context().close();
  });
});
