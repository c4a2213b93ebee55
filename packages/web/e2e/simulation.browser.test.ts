// The Simulation view in Chromium on the real server: a seeded run on the embedded case (as
// `parley simulate cases/istanbul-2022 --from 2022-04-02 --deadline 20 --seed 7 --tactic
// ru=conceder --tactic ua=conceder:3 --json`), its dance with the frontier and the Nash point, its
// trace as a table, a Monte Carlo as distributions, accessibility and a narrow window.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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

describe.skipIf(!hasChromium)('the Simulation view in Chromium', () => {
  const running = useWorkbench();

  const open = async (viewport?: { width: number; height: number }) => {
    const page = await newPage(running.browser, viewport);
    await signIn(page, running.wb, 'mediator');
    await page.goto(`${running.wb.url}/cases/${CASE}/simulation`);
    await page.getByRole('button', { name: 'Run' }).waitFor();
    return page;
  };

  /** Fills the form (by default Russia a Conceder, e = 2, Ukraine one with e = 3), 20 days from 2 April, and runs. */
  const setUp = async (page: Page, runs: number, ru = ['conceder', ''], ua = ['conceder', '3']) => {
    await page.getByLabel('Tactic of Russian Federation').selectOption(ru[0]!);
    await page.getByLabel('Parameter of Russian Federation’s tactic').fill(ru[1]!);
    await page.getByLabel('Tactic of Ukraine').selectOption(ua[0]!);
    await page.getByLabel('Parameter of Ukraine’s tactic').fill(ua[1]!);
    await page.getByLabel('Runs').fill(String(runs));
    await page.getByLabel('Seed').fill('7');
    await page.getByLabel('Deadline (rounds, one a day)').fill('20');
    await page.getByLabel('First day').fill('2022-04-02');
    await page.getByRole('button', { name: 'Run' }).click();
  };

  it('runs a seeded negotiation and shows its outcome, dance and trace', async () => {
    const page = await open();
    await setUp(page, 1);
    const outcome = page.getByTestId('first-run');
    await outcome.waitFor();
    // The conceders meet near the Nash point but not above both reservation values in 20 days.
    expect(await outcome.textContent()).toBe('No agreement (deadline reached) after 40 steps.');
    expect(await page.getByTestId('run-setup').textContent()).toBe(
      'Alternating offers, 1 run from seed 7, deadline 20 rounds from 2022-04-02: Russian Federation conceder:2, accepts next; Ukraine conceder:3, accepts next.',
    );
    const points = page.getByTestId('space-points');
    expect(await points.locator('tr[data-point="no-deal"]').innerText()).toBe(
      'No deal (reservation values)\t0.700\t0.665',
    );
    expect(await points.locator('tr[data-point="nash"]').innerText()).toBe(
      'Nash point (parties only)\t0.718\t0.687',
    );
    // The frontier is the one GET …/deals/frontier gives for the first day.
    const frontier = await running.wb.api(
      'mediator',
      'GET',
      `/api/cases/${CASE}/deals/frontier?a=ru&b=ua&at=2022-04-02`,
    );
    expect(await page.getByTestId('frontier-size').textContent()).toBe(
      `Pareto frontier of Russian Federation and Ukraine alone: ${frontier.body.frontier.size} packages; the dashed lines are their reservation values.`,
    );
    const chart = page.getByTestId('dance-chart');
    await chart.locator('svg').first().waitFor();
    expect(
      await chart.locator('g[aria-description="Offers"] path, g[aria-description="Offers"] circle').count(),
    ).toBe(40);
    expect(await chart.locator('g[aria-description="Nash point"] path').count()).toBe(1);
    // The party names sit next to their paths.
    expect(await chart.locator('text').allTextContents()).toEqual(
      expect.arrayContaining(['Russian Federation', 'Ukraine', 'Nash']),
    );
    await page.getByText('The trace of the run: 40 steps').click();
    const rows = page.getByTestId('trace-table').locator('tbody tr');
    expect(await rows.count()).toBe(40);
    // Russia's opening pairs neutrality with a guarantee Russia can veto and non-military help only:
    // Ukraine's interaction terms (model.yaml) take 0.07 off it.
    expect(await rows.first().innerText()).toBe('0\t1\t2022-04-02\tRussian Federation\toffer\t1.000\t0.044');
    // The parties see the guarantors (the default, informed): Ukraine's last offer is one every
    // obliged guarantor signs.
    expect(await rows.last().innerText()).toBe('39\t20\t2022-04-21\tUkraine\toffer\t0.495\t0.711');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'simulation-mediator');
    await page.context().close();
  });

  it('shows a Monte Carlo as distributions', async () => {
    const page = await open();
    // e drawn per run: Russia's in 2..4, Ukraine's (a Boulware) in 0.1..0.9.
    await setUp(page, 10, ['conceder', '2..4'], ['boulware', '0.1..0.9']);
    const figures = page.getByTestId('monte-carlo');
    await figures.waitFor();
    expect(await figures.innerText()).toContain('0 of 10');
    expect(await figures.innerText()).toContain('0.0% [0.0%, 27.8%]');
    expect(await page.getByTestId('endings').textContent()).toBe(
      'Endings: 0 agreed, 10 reached the deadline.',
    );
    expect(await page.getByTestId('mean-utilities').locator('tbody tr').count()).toBe(2);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'simulation-monte-carlo');
    await page.context().close();
  });

  it('fits a narrow window and names a refused field', async () => {
    const page = await open({ width: 390, height: 844 });
    await setUp(page, 1);
    await page.getByTestId('first-run').waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'simulation-narrow');
    // A Conceder's e must be above 1: the server's message names the field.
    await page.getByLabel('Parameter of Ukraine’s tactic').fill('0.5');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('body.tactics.ua: e "0.5" is out of range');
    await page.context().close();
  });
});
