// The Drafts view in Chromium on the real server: the versions and their basis tree, the redline
// of the treaty from 12 to 15 April 2022 (word changes, brackets named by party), the bracket
// convergence chart with its table, the downloads, accessibility and a narrow window.
import { generateKeyPairSync, sign } from 'node:crypto';
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
  type Who,
} from './browser.test-support.ts';

describe.skipIf(!hasChromium)('the Drafts view in Chromium', () => {
  const running = useWorkbench();

  it('lists the versions with their basis tree and word counts', async () => {
    const page = await newPage(running.browser);
    await signIn(page, running.wb, 'mediator');
    await page.goto(`${running.wb.url}/cases/${CASE}/drafts`);
    const versions = page.getByTestId('versions');
    await versions.locator('tr[data-version="2022-04-15"]').waitFor();
    expect(await versions.locator('tbody tr').count()).toBe(5);
    expect(await versions.locator('tr[data-version="2022-04-12"] td').nth(4).textContent()).toBe('428');
    // The communiqué is a fresh text; 12 April was drafted from it, and 15 April from 12 April.
    expect(await page.getByTestId('version-tree').innerText()).toMatch(
      /2022-03-29 2022-03-29-communique \(a fresh text\)\n↳ 2022-04-12 2022-04-12 \(from 2022-03-29-communique\)\n↳ 2022-04-15 2022-04-15 \(from 2022-04-12\)/,
    );
    const akn = await page.getByRole('link', { name: '2022-04-15 as Akoma Ntoso XML' }).getAttribute('href');
    const download = await page.evaluate(async (href) => {
      const r = await fetch(href!);
      return { status: r.status, type: r.headers.get('content-type'), text: await r.text() };
    }, akn);
    expect(download.status).toBe(200);
    expect(download.type).toBe('application/akn+xml; charset=utf-8');
    expect(download.text).toContain('<akomaNtoso');
    await page.context().close();
  });

  it('redlines 12 → 15 April: word changes and the brackets attributed to each party by name', async () => {
    const page = await newPage(running.browser);
    await signIn(page, running.wb, 'ua');
    await page.goto(`${running.wb.url}/cases/${CASE}/drafts?from=2022-04-12&to=2022-04-15`);
    const summary = page.getByTestId('redline-summary');
    await summary.waitFor();
    // As `parley diff cases/istanbul-2022 security-treaty@2022-04-12 security-treaty@2022-04-15`.
    expect(await summary.textContent()).toBe(
      'security-treaty@2022-04-12 → security-treaty@2022-04-15: words +37 −16 · moved 0 · renumbered 0 · units: 5 modified, 0 inserted, 0 deleted, 33 unchanged',
    );
    expect(
      (await page.getByTestId('redline-brackets').locator('tbody').innerText()).replace(/^ /gm, ''),
    ).toBe('Russian Federation\t15\t16\t+1\t−0\nUkraine\t9\t11\t+2\t−0');
    const art2 = page.locator('[data-unit="art-2.p1"]');
    expect(await art2.locator('ins').allTextContents()).toEqual([
      'the United Kingdom,',
      'France',
      '[Ukraine: ',
      ', together with Turkey',
      ']',
    ]);
    expect(await art2.locator('.redline-text').innerText()).toBe(
      'The guarantor states shall be the United Kingdom, China, France, the Russian Federation, the United Kingdom, the United States, Canada, Germany, Israel, Italy, Poland and Turkey France[Russian Federation: , together with Belarus][Ukraine: , together with Turkey].',
    );
    expect(await art2.locator('del').allTextContents()).toContain('Turkey');
    // Ukraine's new bracket carries Ukraine's name, not only its colour.
    expect(await art2.locator('ins .bracket-mark[data-party=ua]').textContent()).toBe('[Ukraine: ');
    expect(await page.locator('[data-unit="art-3.p2"] .redline-text').innerText()).toContain(
      '{Ukraine: as each of them decides individually | Russian Federation: on the basis of a decision agreed by all the guarantor states}',
    );
    expect(await page.getByTestId('status-changes').innerText()).toContain(
      'Article 3 ¶2: agreed → bracketed',
    );

    // Side by side: the earlier text on the left keeps Turkey, the later on the right has France.
    await page.getByLabel('Side by side').check();
    const sides = art2.locator('.side-by-side > div');
    await sides.first().waitFor();
    expect(await sides.nth(0).locator('del').allTextContents()).toContain('Turkey');
    expect(await sides.nth(0).locator('ins').count()).toBe(0);
    expect(await sides.nth(1).locator('ins').allTextContents()).toContain('France');
    expect(await sides.nth(1).locator('del').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'drafts-redline-ua');

    // Any two versions: the communiqué → 12 April renumbers articles (8 becomes 10).
    await page.getByLabel('From', { exact: true }).selectOption('2022-03-29-communique');
    await page.getByLabel('To', { exact: true }).selectOption('2022-04-12');
    await summary.filter({ hasText: 'security-treaty@2022-03-29-communique' }).waitFor();
    expect(await summary.textContent()).toContain('renumbered 2');
    expect(await page.locator('[data-unit="art-10"] .unit-label').textContent()).toContain(
      'renumbered from Article 8',
    );
    await page.context().close();
  });

  it('keeps both of two choices made before the address catches up (From, then To at once)', async () => {
    const page = await newPage(running.browser);
    await signIn(page, running.wb, 'mediator');
    await page.goto(`${running.wb.url}/cases/${CASE}/drafts?from=2022-04-12&to=2022-04-15`);
    const summary = page.getByTestId('redline-summary');
    await summary.filter({ hasText: 'security-treaty@2022-04-12 →' }).waitFor();
    // Both in one task, so the router has not moved the address yet when To changes (on a busy
    // machine two quick choices do the same). Built on the old address, To would bring back
    // From's old value: ?from=2022-04-12&to=2022-04-12.
    await page.evaluate(() => {
      for (const [label, value] of [
        ['From', '2022-03-29-communique'],
        ['To', '2022-04-12'],
      ] as const) {
        const select = document.querySelector<HTMLSelectElement>(`select[aria-label="${label}"]`)!;
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
    });
    await page.waitForURL(/to=2022-04-12/);
    expect(new URL(page.url()).searchParams.get('from')).toBe('2022-03-29-communique');
    await summary
      .filter({ hasText: 'security-treaty@2022-03-29-communique → security-treaty@2022-04-12:' })
      .waitFor();
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('2022-03-29-communique');
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe('2022-04-12');
    expect(await page.locator('[data-unit="art-10"] .unit-label').textContent()).toContain(
      'renumbered from Article 8',
    );
    await page.context().close();
  });

  it('charts the brackets per party over the versions, with the figures as a table', async () => {
    const page = await newPage(running.browser);
    await signIn(page, running.wb, 'mediator');
    await page.goto(`${running.wb.url}/cases/${CASE}/drafts`);
    const table = page.getByTestId('brackets-table');
    await table.locator('tbody tr').nth(4).waitFor();
    // As `parley brackets cases/istanbul-2022 security-treaty --format json`.
    expect(await table.locator('tbody tr').nth(0).innerText()).toBe(
      '2022-03-07-ru\t2022-03-07\t3\t0\t3\t0 / 5',
    );
    expect(await table.locator('tbody tr').nth(3).innerText()).toBe(
      '2022-04-12\t2022-04-12\t15\t9\t15\t12 / 20',
    );
    const chart = page.getByTestId('brackets-chart');
    await chart.locator('svg').first().waitFor();
    expect(await chart.locator('svg[aria-label="Open brackets per party in each version"]').count()).toBe(1);
    expect(await chart.innerText()).toContain('Ukraine');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'drafts-mediator');
    await page.context().close();
  });

  it('fits a narrow window (390×844)', async () => {
    const page = await newPage(running.browser, { width: 390, height: 844 });
    await signIn(page, running.wb, 'ru');
    await page.goto(`${running.wb.url}/cases/${CASE}/drafts?mode=side-by-side`);
    await page.getByTestId('redline-summary').waitFor();
    await page.getByTestId('brackets-table').waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'narrow-drafts-ru');
    await page.context().close();
  });

  // Last in the file: it adds a document the tests above do not expect.
  it('shows a single text: its pen-holder, the criticisms each may see, the initials verified', async () => {
    const { wb } = running;
    const must = async (who: Who, method: string, apiPath: string, json?: unknown) => {
      const answer = await wb.api(who, method, apiPath, json);
      if (answer.status >= 300)
        throw new Error(`${method} ${apiPath}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    };
    const texts = `/api/cases/${CASE}/single-texts`;
    const v1 = `${texts}/compact/versions/v1`;
    await must('admin', 'PUT', `/api/cases/${CASE}/members/${wb.users.admin.id}`, { role: 'mediator-lead' });
    await must('admin', 'POST', texts, { document: 'compact', title: 'Compact on Guarantees' });
    await must('admin', 'POST', `${texts}/compact/versions`, {
      id: 'v1',
      date: '2022-05-01',
      text: '# Compact on Guarantees\n\n## Article 1. Scope\n\n1. The guarantors shall consult within three days.\n\n## Article 2. Assistance\n\n1. Each guarantor shall give assistance.\n',
      sources: ['s1'],
    });
    await must('ru', 'POST', `${v1}/criticisms`, { provision: 'art-1.p1', text: 'Three days is too short.' });
    await must('ua', 'POST', `${v1}/criticisms`, {
      provision: 'art-1.p1',
      text: 'Consultation must not delay help.',
    });
    await must('ua', 'POST', `${v1}/criticisms`, {
      provision: 'art-2.p1',
      text: 'Name the forms of assistance.',
    });
    // Ukraine's head initials version 1 with a key only the test holds.
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const key = await must('ua', 'POST', '/api/auth/keys', {
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      name: 'ua laptop',
    });
    const drafts = `/api/cases/${CASE}/drafts/compact/versions/v1`;
    const { digest } = await must('ua', 'GET', `${drafts}/digest`);
    const initial = await must('ua', 'POST', `${drafts}/initials`, {
      keyId: key.id,
      signature: sign(null, Buffer.from(digest, 'utf8'), privateKey).toString('base64'),
    });

    const mediator = await newPage(running.browser);
    await signIn(mediator, wb, 'mediator');
    await mediator.goto(`${wb.url}/cases/${CASE}/drafts?doc=compact`);
    const section = mediator.getByTestId('single-text');
    await section.getByTestId('initialling').waitFor();
    expect(await section.getByTestId('pen-holders').textContent()).toBe('Ada Admin');
    expect(await section.getByTestId('current-version').textContent()).toBe('v1');
    expect(await section.getByTestId('criticisms').innerText()).toBe(
      'art-1.p1\nRussian Federation: Three days is too short.\nUkraine: Consultation must not delay help.\nart-2.p1\nUkraine: Name the forms of assistance.',
    );
    expect(await section.getByTestId('initialling').locator('tbody tr').allInnerTexts()).toEqual([
      'Russian Federation\tnot initialled\t—',
      `Ukraine\tUlyana Delegate (${initial.at.slice(0, 10)})\tverifies (key ${key.fingerprint.slice(0, 16)})`,
    ]);
    expect(await seriousA11yViolations(mediator)).toEqual([]);
    await screenshot(mediator, 'drafts-single-text-mediator');
    await mediator.context().close();

    // Russia's delegation: its own criticism only, and no answer ever carries Ukraine's.
    const ru = await newPage(running.browser, { width: 390, height: 844 });
    const bodies: Promise<string>[] = [];
    ru.on('response', (r) => {
      if (r.url().includes('/api/')) bodies.push(r.text().catch(() => ''));
    });
    await signIn(ru, wb, 'ru');
    await ru.goto(`${wb.url}/cases/${CASE}/drafts?doc=compact`);
    const seen = ru.getByTestId('single-text');
    await seen.getByTestId('initialling').waitFor();
    expect(await seen.getByTestId('criticisms').innerText()).toBe(
      'art-1.p1\nRussian Federation: Three days is too short.',
    );
    const answers = await Promise.all(bodies);
    expect(answers.some((b) => b.includes('Three days is too short.'))).toBe(true);
    expect(
      answers.filter((b) => b.includes('Consultation must not delay') || b.includes('Name the forms')),
    ).toEqual([]);
    await expectNoSidewaysScroll(ru);
    await screenshot(ru, 'narrow-drafts-single-text-ru');
    await ru.context().close();
  });
});
