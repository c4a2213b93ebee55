import { describe, expect, it } from 'vitest';
import { adjustedWinner } from '@parley/app/deals/adjusted-winner.ts';
import { modelAssumptions } from '@parley/app/deals/assumptions.ts';
import { dealsOnDay } from '@parley/app/deals/day.ts';
import { geniusExport } from '@parley/app/deals/export-genius.ts';
import { pairFrontier } from '@parley/app/deals/pair-frontier.ts';
import { assumptionSensitivity } from '@parley/app/deals/sensitivity.ts';
import { dealWindow } from '@parley/app/deals/window.ts';
import { createApiToken } from '@parley/store/accounts/api-tokens.ts';
import { createUser } from '@parley/store/accounts/users.ts';
import { grantRole } from '@parley/store/members.ts';
import { createServerApp } from '../server-app.ts';
import { CASE_ID, useAnalysisServer } from './analysis-server.test-support.ts';

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));
const deals = `/api/cases/${CASE_ID}/deals`;

describe('deal analyses over the API', () => {
  const server = useAnalysisServer();

  it("answers a day as parley deals --json, by default the case's asOf", async () => {
    const asOf = await server().get(deals);
    expect(asOf.status).toBe(200);
    expect(asOf.body).toEqual(asJson(dealsOnDay(server().caseData, {}, CASE_ID)));
    expect(asOf.body.at).toBe('2022-04-15');
    const day = await server().get(`${deals}?at=2022-04-02&scenario=guarantors-accept-obligations`);
    expect(day.body).toEqual(
      asJson(
        dealsOnDay(
          server().caseData,
          { at: '2022-04-02', scenario: 'guarantors-accept-obligations' },
          CASE_ID,
        ),
      ),
    );
  });

  it('names the parameter of a malformed date (400 usage)', async () => {
    const answer = await server().get(`${deals}?at=April`);
    expect([answer.status, answer.body]).toEqual([
      400,
      { error: { code: 'usage', message: 'at "April" is not an EDTF date (e.g. 2022-04-15)' } },
    ]);
    const reversed = await server().get(`${deals}/window?from=2022-04-15&to=2022-03-01`);
    expect([reversed.status, reversed.body.error.message]).toEqual([
      400,
      'from 2022-04-15 is after to 2022-03-01: give the earlier day to from',
    ]);
  });

  it('refuses an unknown scenario with 404 unknown-id', async () => {
    const answer = await server().get(`${deals}/window?scenario=peace-now`);
    expect([answer.status, answer.body.error.code]).toEqual([404, 'unknown-id']);
    expect(answer.body.error.message).toMatch(
      /^unknown scenario "peace-now" \(the model defines: four-factors, /,
    );
  });

  it('answers the window as parley deals window --json', async () => {
    const answer = await server().get(`${deals}/window?scenario=guarantors-accept-obligations`);
    expect(answer.body).toEqual(
      asJson(dealWindow(server().caseData, { scenario: 'guarantors-accept-obligations' }, CASE_ID)),
    );
    // Until Bucha: Ukraine's penalty for neutrality with a weak guarantee (model.yaml, interactions).
    expect(answer.body.open).toEqual([{ from: '2022-03-29', until: '2022-04-02' }]);
    const part = await server().get(`${deals}/window?from=2022-03-20&to=2022-04-05`);
    expect(part.body).toEqual(
      asJson(dealWindow(server().caseData, { from: '2022-03-20', to: '2022-04-05' }, CASE_ID)),
    );
  });

  it('answers the sensitivity of one assumption as parley deals sensitivity --json', async () => {
    const answer = await server().get(`${deals}/sensitivity?assumption=ua.reservation.bucha&at=2022-04-02`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(
      asJson(
        assumptionSensitivity(
          server().caseData,
          { assumption: 'ua.reservation.bucha', at: '2022-04-02' },
          CASE_ID,
        ),
      ),
    );
    expect(answer.body.flipsTo).toBe('open');
    const unknown = await server().get(`${deals}/sensitivity?assumption=us.weight`);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'unknown-id']);
    const missing = await server().get(`${deals}/sensitivity`);
    expect([missing.status, missing.body.error.diagnostics[0].path]).toEqual([422, 'assumption']);
  });

  it('lists the assumptions and answers Adjusted Winner as the CLI does', async () => {
    const list = await server().get(`${deals}/assumptions`);
    expect(list.body).toEqual(asJson(modelAssumptions(server().caseData, CASE_ID)));
    expect(list.body.length).toBeGreaterThan(10);
    const aw = await server().get(`${deals}/adjusted-winner?scenario=four-factors`);
    expect([aw.status, aw.body]).toEqual([
      200,
      asJson(adjustedWinner(server().caseData, { scenario: 'four-factors' }, CASE_ID)),
    ]);
  });

  it('gives the frontier of two signatories with the figures of parley deals --json for the day', async () => {
    const answer = await server().get(`${deals}/frontier?a=ru&b=ua&at=2022-04-02`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(
      asJson(pairFrontier(server().caseData, { a: 'ru', b: 'ua', at: '2022-04-02' }, CASE_ID)),
    );
    const { frontier, reservationValues, solutions } = answer.body;
    expect([
      frontier.size,
      frontier.points.length,
      reservationValues.ru.value,
      reservationValues.ua.value,
    ]).toEqual([545, 545, 0.7, 0.665]);
    expect(solutions.partiesOnly.nash.utilities.ru).toBeCloseTo(0.7184466, 7);
    expect(solutions.partiesOnly.nash.utilities.ua).toBeCloseTo(0.6875, 7);
    const unknown = await server().get(`${deals}/frontier?a=ru&b=xx`);
    expect([unknown.status, unknown.body.error.message]).toEqual([
      404,
      '`b` "xx" is not a signatory of the model (it has ru, ua, us, uk, fr, de, cn, tr)',
    ]);
    const missing = await server().get(`${deals}/frontier?a=ru`);
    expect([missing.status, missing.body.error.diagnostics[0].path]).toEqual([422, 'b']);
  });

  it('gives the GENIUS files that parley deals export-genius writes', async () => {
    const answer = await server().get(`${deals}/genius-export?at=2022-04-02`);
    expect(answer.body).toEqual({ files: geniusExport(server().caseData, { at: '2022-04-02' }, CASE_ID) });
    expect(answer.body.files.map((f: { name: string }) => f.name)[0]).toBe('istanbul-2022-domain.xml');
  });

  it("gives Russia's delegation nothing of Ukraine's interaction terms, by any route", async () => {
    const db = server().database;
    const user = await createUser(db, {
      email: 'ru-only@example.org',
      displayName: 'Russian delegate',
      passwordHash: 'unused',
      isAdmin: false,
    });
    await grantRole(db, CASE_ID, user.id, { role: 'delegation-member', party: 'ru' });
    const { token } = await createApiToken(db, user.id, 'ru only');
    const app = createServerApp({ database: db });
    const paths = [
      `/api/cases/${CASE_ID}/export`,
      `/api/cases/${CASE_ID}/search?q=neutral-under`,
      `${deals}?at=2022-04-02`,
      `${deals}/window`,
      `${deals}/assumptions`,
      `${deals}/frontier?a=ru&b=us&at=2022-04-02`,
      `${deals}/genius-export?at=2022-04-02`,
    ];
    // Ukraine's terms by id, by assumption path, and as the compound GENIUS issue they make.
    const traces = [
      'neutral-under-a-veto',
      'neutral-without-force',
      'interactions',
      'neutrality + guarantee',
    ];
    for (const path of paths) {
      const answer = await app.request(path, { headers: { Authorization: `Bearer ${token}` } });
      const text = await answer.text();
      expect([path, answer.status]).toEqual([path, 200]);
      expect(traces.filter((t) => text.includes(t)).map((t) => `${path}: ${t}`)).toEqual([]);
    }
    // The member who sees Ukraine's model gets them on the same routes (the check can fail).
    const assumptions = await server().get(`${deals}/assumptions`);
    expect(assumptions.text).toContain('ua.interactions.neutral-under-a-veto');
    const genius = await server().get(`${deals}/genius-export?at=2022-04-02`);
    expect(genius.text).toContain('neutrality + guarantee-decision-rule + guarantee-assistance');
  });
});
