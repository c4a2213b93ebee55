// The Deals lab in Chromium on the real server: the fair points and reservation values in the
// utility space of two chosen signatories (as `parley deals --json`), the deal window (as
// `parley deals window`), the scenario switcher, sensitivity, accessibility and a narrow window.
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

describe.skipIf(!hasChromium)('the Deals lab in Chromium', () => {
  const running = useWorkbench();

  const open = async (path: string, viewport?: { width: number; height: number }) => {
    const page = await newPage(running.browser, viewport);
    await signIn(page, running.wb, 'mediator');
    await page.goto(`${running.wb.url}/cases/${CASE}/deals${path}`);
    return page;
  };

  it('places the Nash point and the reservation values of the chosen signatories', async () => {
    const page = await open('?at=2022-04-02');
    const points = page.getByTestId('utility-points');
    const nash = points.locator('tr[data-point="nash-partiesOnly"]');
    await nash.waitFor();
    // As `parley deals cases/istanbul-2022 --at 2022-04-02 --json`: solutions.partiesOnly.nash
    // ru 0.7184, ua 0.6875; reservation values ru 0.70 (since russian-withdrawal-kyiv), ua 0.665 (since bucha).
    expect(await nash.innerText()).toBe('Nash (parties only)\t0.718\t0.687');
    expect(await points.locator('tbody tr').first().innerText()).toBe(
      'No deal (reservation values)\t0.700\t0.665',
    );
    expect(await page.getByTestId('pareto-size').textContent()).toContain(
      'Pareto frontier between Russian Federation and Ukraine: 545 packages',
    );
    const chart = page.getByTestId('utility-chart');
    await chart.locator('svg').first().waitFor();
    expect(
      await chart
        .locator('svg[aria-label="Pareto frontier, fair points and reservation values of ru and ua"]')
        .count(),
    ).toBe(1);
    // Every signatory together has no fair point on this day, and the page says why.
    expect(await page.getByTestId('missing-points').textContent()).toContain('Nash (every signatory): none');

    // Any two signatories: a guarantor across, Ukraine up — only the every-signatory package has both.
    await page.getByLabel('Across', { exact: true }).selectOption('us');
    await page.getByLabel('Up', { exact: true }).selectOption('ua');
    await points.locator('tbody tr').first().filter({ hasText: '0.670' }).waitFor();
    expect((await points.locator('thead').innerText()).trim()).toBe('Point\tUnited States\tUkraine');
    expect(await points.locator('tbody th').allTextContents()).toEqual([
      'No deal (reservation values)',
      'Most balanced package (every signatory, margin −0.016)',
    ]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'deals-mediator');
    await page.context().close();
  });

  it('draws the Pareto frontier of the two signatories, with its figures in a table', async () => {
    const page = await open('?at=2022-04-02');
    const size = page.getByTestId('frontier-size');
    await size.waitFor();
    // As GET …/deals/frontier?a=ru&b=ua&at=2022-04-02: the day's frontier of ru and ua, 545 packages.
    expect(await size.textContent()).toContain(
      'The chart draws the frontier of Russian Federation and Ukraine alone (the other stakeholders ignored): 545 packages',
    );
    const chart = page.getByTestId('utility-chart');
    await chart.locator('g[aria-description="Pareto frontier packages"]').waitFor();
    expect(await chart.locator('g[aria-description="Pareto frontier packages"] circle').count()).toBe(545);
    await page.getByText('The frontier’s 545 packages').click();
    const rows = page.getByTestId('frontier-points').locator('tbody tr');
    expect(await rows.count()).toBe(545);
    // The ends: Russia's best package, then Ukraine's.
    expect((await rows.first().innerText()).split('\t').slice(0, 2)).toEqual(['1.000', '0.044']);
    expect((await rows.last().innerText()).split('\t').slice(0, 2)).toEqual(['0.049', '1.000']);
    // The parties-only fair points sit on the frontier, at `parley deals --json`'s Nash ru 0.718, ua 0.687.
    const nash = rows.filter({ hasText: 'Nash (parties only)' });
    expect(await nash.count()).toBe(1);
    expect((await nash.innerText()).split('\t').slice(0, 3)).toEqual([
      '0.718',
      '0.687',
      'Nash (parties only), Kalai–Smorodinsky (parties only), Welfare (parties only), Egalitarian (parties only)',
    ]);
    // Another pair: the frontier follows (Russia and the United States on that day: 43 packages).
    await page.getByLabel('Up', { exact: true }).selectOption('us');
    await size.filter({ hasText: 'United States' }).waitFor();
    expect(await size.textContent()).toContain('Russian Federation and United States alone');
    expect(await size.textContent()).toContain('43 packages');
    expect(await rows.count()).toBe(43);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('shows the deal window with the events that open and close it, per scenario', async () => {
    const page = await open('');
    const open_ = page.getByTestId('window-open');
    await open_.waitFor();
    // As `parley deals window cases/istanbul-2022`.
    expect(await open_.innerText()).toBe(
      'Open for every signatory\nnever\nOpen for the parties only\n2022-03-29 → 2022-04-15',
    );
    const rows = page.getByTestId('window-table').locator('tbody tr');
    expect(await rows.count()).toBe(7);
    expect(await rows.nth(2).innerText()).toBe(
      '2022-03-29\t2022-04-02\tclosed −0.003 (ru)\topen +0.030\trussian-withdrawal-kyiv',
    );
    expect(await rows.nth(5).innerText()).toBe(
      '2022-04-15\t2022-05-17\tclosed −0.048 (ua)\tclosed −0.015 (ru)\tdraft-2022-04-15',
    );
    await page.getByTestId('window-chart').locator('svg').first().waitFor();

    // Another account of events: with the guarantors accepting binding obligations the window
    // opens for every signatory (`parley deals window … --scenario guarantors-accept-obligations`).
    await page.getByLabel('Scenario').selectOption('guarantors-accept-obligations');
    await open_.filter({ hasText: '2022-03-29 → 2022-04-02' }).waitFor();
    expect(await open_.innerText()).toBe(
      'Open for every signatory\n2022-03-29 → 2022-04-02\nOpen for the parties only\n2022-03-29 → 2022-04-15',
    );
    expect(page.url()).toContain('scenario=guarantors-accept-obligations');
    await page.context().close();
  });

  it('says what minimal change of an assumption opens a deal', async () => {
    const page = await open('');
    await page.getByLabel('Assumption').selectOption('ru.guarantee-decision-rule.weight');
    await page.getByRole('button', { name: 'Test' }).click();
    const row = page.locator(
      '[data-testid=sensitivity] tr[data-assumption="ru.guarantee-decision-rule.weight"]',
    );
    await row.filter({ hasText: 'open at' }).waitFor();
    // As `parley deals sensitivity cases/istanbul-2022 --assumption ru.guarantee-decision-rule.weight --json`.
    expect(await row.innerText()).toBe(
      'ru.guarantee-decision-rule.weight\t0.1\t−0.003 (closed)\topen at 0.2353 (+0.1353)\topen at 0.0914 (-0.0086)',
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('fits a narrow window (390×844)', async () => {
    const page = await open('?at=2022-04-02', { width: 390, height: 844 });
    await page.getByTestId('utility-points').waitFor();
    await page.getByTestId('window-table').waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'narrow-deals-mediator');
    await page.context().close();
  });
});
