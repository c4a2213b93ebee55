// POST /api/cases/{caseId}/simulate on the river fixture, whose parties' models are hidden from each
// other: the seeded figures of `parley simulate --json`, the first run's trace, the utility space to
// draw it in, the refusal of a caller who sees one model only, and hostile bodies named by field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '@parley/model/case.ts';
import { applyScenario } from '@parley/core/bargaining/assumptions.ts';
import { monteCarloRun } from '@parley/core/simulate/monte-carlo.ts';
import { simulateInput } from '@parley/app/simulate/input.ts';
import { planCaseSimulation, runInProcess } from '@parley/app/simulate/simulate.ts';
import { createApiToken } from '@parley/store/accounts/api-tokens.ts';
import { createUser } from '@parley/store/accounts/users.ts';
import { audienceOf, type Membership } from '@parley/store/membership.ts';
import { grantRole } from '@parley/store/members.ts';
import { engines, useTestDatabase } from '@parley/store/test-databases.test-support.ts';
import { visibleCase } from '@parley/store/visible-case.ts';
import { CASE, startConductServer, type ConductServer } from '../conduct-server.test-support.ts';
import type { Answer } from '../test-server.test-support.ts';
import { simulationPool } from '../simulate/simulation-pool.ts';

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

/** A member of both delegations: the one caller who sees both parties' models. */
const BOTH: Membership[] = [
  { role: 'delegation-head', party: 'north' },
  { role: 'delegation-member', party: 'south' },
];

/** What `parley simulate <case> --json` reports for the same input, on the case as BOTH sees it. */
function cliReport(caseData: Case, input: Record<string, unknown>) {
  const plan = planCaseSimulation(caseData, simulateInput.parse(input), CASE, true);
  return plan.finish(runInProcess(plan.job));
}

describe.each(engines)('simulate over the API on $name', (engine) => {
  const database = useTestDatabase(engine);
  let s: ConductServer;
  let both = '';
  let seen: Case;
  const simulate = (json: unknown): Promise<Answer> =>
    s.server.call('POST', `/api/cases/${CASE}/simulate`, { bearer: both, json });

  beforeAll(async () => {
    s = await startConductServer(database());
    const user = await createUser(database(), {
      email: 'both@example.org',
      displayName: 'both',
      passwordHash: 'unused',
      isAdmin: false,
    });
    for (const m of BOTH) await grantRole(database(), CASE, user.id, m);
    both = (await createApiToken(database(), user.id, 'simulate')).token;
    seen = (await visibleCase(database(), CASE, audienceOf(BOTH)))!.case;
  }, 120_000);
  afterAll(async () => {
    await s?.server.close();
  });

  it('answers a seeded run as parley simulate --json, with its trace and the utility space', async () => {
    const answer = await simulate({ deadline: 30, tactics: { north: 'conceder', south: 'linear' }, seed: 3 });
    expect(answer.status).toBe(200);
    const cli = cliReport(seen, { deadline: 30, tactic: ['north=conceder', 'south=linear'], seed: 3 });
    expect(answer.body.report).toEqual(asJson(cli.report));
    expect(answer.body.trace).toEqual(asJson(cli.traces[0]!.trace));
    // North concedes on 22 March: the joint commission with the moratorium, the Nash point.
    expect(answer.body.report.result).toEqual({
      agreement: {
        package: { monitor: 'joint', 'dam-moratorium': 'yes' },
        step: 42,
        round: 22,
        time: 0.7,
        day: '2030-03-22',
        utilities: { north: 0.5, south: 0.75 },
        discounted: { north: 0.5, south: 0.75 },
      },
      ending: 'agreement',
      steps: 43,
    });
    expect(answer.body.trace).toHaveLength(43);
    expect(answer.body.trace.slice(-2)).toEqual([
      {
        step: 41,
        round: 21,
        time: 0.6833333333333333,
        day: '2030-03-21',
        party: 'south',
        action: 'offer',
        offer: { monitor: 'joint', 'dam-moratorium': 'yes' },
        utilities: { north: 0.5, south: 0.75 },
      },
      {
        step: 42,
        round: 22,
        time: 0.7,
        day: '2030-03-22',
        party: 'north',
        action: 'accept',
        responses: { south: 'accept', north: 'accept' },
        offer: { monitor: 'joint', 'dam-moratorium': 'yes' },
        utilities: { north: 0.5, south: 0.75 },
      },
    ]);
    expect(answer.body.runs).toEqual([
      {
        seed: 3,
        ending: 'agreement',
        steps: 43,
        round: 22,
        day: '2030-03-22',
        utilities: { north: 0.5, south: 0.75 },
      },
    ]);
    expect(answer.body.utilitySpace).toEqual({
      parties: ['north', 'south'],
      day: '2030-03-01',
      frontier: {
        size: 3,
        points: [
          [1, 0],
          [0.5, 0.75],
          [0, 1],
        ],
      },
      nash: { utilities: [0.5, 0.75] },
      reservationValues: [0.4, 0.5],
    });
    const across = await simulate({ deadline: 30, a: 'south', b: 'north' });
    expect(across.body.utilitySpace.parties).toEqual(['south', 'north']);
    expect(across.body.utilitySpace.nash).toEqual({ utilities: [0.75, 0.5] });
  });

  it('answers a Monte Carlo of 40 runs with every run for the distributions', async () => {
    const tactics = { north: 'conceder:2..5', south: 'boulware:0.1..0.9' };
    const answer = await simulate({ deadline: 20, runs: 40, tactics });
    expect(answer.status).toBe(200);
    const cli = cliReport(seen, {
      deadline: 20,
      runs: 40,
      tactic: ['north=conceder:2..5', 'south=boulware:0.1..0.9'],
    });
    expect(answer.body.report).toEqual(asJson(cli.report));
    expect(answer.body.report.endings).toEqual({ agreement: 39, deadline: 1, walkedAway: {} });
    expect(answer.body.runs).toHaveLength(40);
    expect(answer.body.runs.map((r: { seed: number }) => r.seed)).toEqual(
      Array.from({ length: 40 }, (_, k) => k + 1),
    );
    expect(answer.body.runs.slice(0, 3)).toEqual([
      {
        seed: 1,
        ending: 'agreement',
        steps: 37,
        round: 19,
        day: '2030-03-19',
        utilities: { north: 0.5, south: 0.75 },
      },
      {
        seed: 2,
        ending: 'agreement',
        steps: 37,
        round: 19,
        day: '2030-03-19',
        utilities: { north: 0.5, south: 0.75 },
      },
      {
        seed: 3,
        ending: 'agreement',
        steps: 27,
        round: 14,
        day: '2030-03-14',
        utilities: { north: 0.5, south: 0.75 },
      },
    ]);
    // Only the first run's trace travels.
    expect(answer.body.trace).toEqual(asJson(cli.traces[0]!.trace));
  });

  it('runs 200 runs on a worker: a cheap route answers meanwhile, the runs as in process', async () => {
    const tactics = { north: 'conceder:2..5', south: 'boulware:0.1..0.9' };
    const json = { deadline: 20, runs: 200, seed: 9, noise: '0..0.2', tactics };
    const finished: string[] = [];
    const simulation = simulate(json).then((answer) => (finished.push('simulation'), answer));
    const me = await s.server.call('GET', '/api/auth/me', { bearer: both });
    finished.push('me');
    const answer = await simulation;
    expect([me.status, me.body.user.email]).toEqual([200, 'both@example.org']);
    expect(finished).toEqual(['me', 'simulation']);
    expect(answer.status).toBe(200);
    const input = simulateInput.parse({ ...json, tactic: Object.entries(tactics).map((t) => t.join('=')) });
    const plan = planCaseSimulation(seen, input, CASE);
    const records = runInProcess(plan.job);
    expect(answer.body.report).toEqual(asJson(plan.finish(records).report));
    expect(answer.body.runs).toHaveLength(200);
    expect(
      answer.body.runs.map((r: { seed: number; ending: string; steps: number; round: number | null }) => [
        r.seed,
        r.ending,
        r.steps,
        r.round,
      ]),
    ).toEqual(records.map((r) => [r.seed, r.ending, r.steps, r.agreement?.round ?? null]));
    expect(answer.body.report.endings).toEqual({ agreement: 194, deadline: 6, walkedAway: {} });
    // The runs and the utility space went to two workers side by side (one on a one-core machine).
    const { size } = simulationPool();
    expect(simulationPool().stats()).toEqual({ workers: Math.min(2, size), running: 0, queued: 0 });
    // The worker traced the first run only, as the in-process run traces it.
    expect(answer.body.trace).toEqual(asJson(monteCarloRun(plan.job.domain, plan.job.spec, 0, true).trace));
  });

  it('applies a scenario of the model as the deals routes do', async () => {
    const json = { tactics: { north: 'conceder', south: 'linear' }, seed: 3, scenario: 'patient-south' };
    const answer = await simulate(json);
    const cli = cliReport(seen, {
      tactic: ['north=conceder', 'south=linear'],
      seed: 3,
      scenario: 'patient-south',
    });
    expect(answer.body.report).toEqual(asJson(cli.report));
    expect(answer.body.report.scenario).toBe('patient-south');
    // The same as running the model with the scenario's overrides written into it.
    const patient = { ...seen, model: applyScenario(seen.model!, 'patient-south') };
    const { scenario: _named, ...applied } = answer.body.report;
    expect(applied).toEqual(
      asJson(cliReport(patient, { tactic: ['north=conceder', 'south=linear'], seed: 3 }).report),
    );
    // Without the scenario the flood lifts Southland's limit above every package before they meet.
    expect(answer.body.report.result.ending).toBe('agreement');
    const baseline = await simulate({ ...json, scenario: undefined });
    expect(baseline.body.report.result.ending).toBe('deadline');
    const unknown = await simulate({ scenario: 'monsoon' });
    expect([unknown.status, unknown.body.error.message]).toEqual([
      404,
      'unknown scenario "monsoon" (the model defines: patient-south)',
    ]);
  });

  it('tells every party what it knows of the guarantors, as --guarantors does', async () => {
    const json = { tactics: { north: 'conceder', south: 'linear' }, seed: 3, guarantors: 'blind' };
    const answer = await simulate(json);
    expect(answer.status).toBe(200);
    const cli = cliReport(seen, {
      tactic: ['north=conceder', 'south=linear'],
      seed: 3,
      guarantors: ['blind'],
    });
    expect(answer.body.report).toEqual(asJson(cli.report));
    expect(answer.body.report.parties.map((p: { guarantors: string }) => p.guarantors)).toEqual([
      'blind',
      'blind',
    ]);
    const informed = await simulate({ ...json, guarantors: undefined });
    expect(informed.body.report.parties.map((p: { guarantors: string }) => p.guarantors)).toEqual([
      'informed',
      'informed',
    ]);
    const wrong = await simulate({ guarantors: 'psychic' });
    expect([wrong.status, wrong.body.error.diagnostics[0].path]).toEqual([422, 'guarantors']);
  });

  it("never plays the other side's hidden model: a delegation that sees its own only is refused", async () => {
    const north = await s.as('north').post('/simulate', { deadline: 30 });
    expect([north.status, north.body]).toEqual([
      422,
      {
        error: {
          code: 'invalid-model',
          message:
            "the model as you may see it values the outcomes of one party only (north): a simulation needs two, and the others' models are hidden from you",
        },
      },
    ]);
    const outsider = await s.server.call('POST', `/api/cases/${CASE}/simulate`, { json: {} });
    expect(outsider.status).toBe(401);
  });

  it('names the field of a hostile body (400), and refuses a run too large at once', async () => {
    const refused = async (json: unknown) => {
      const started = performance.now();
      const answer = await simulate(json);
      expect(performance.now() - started).toBeLessThan(5_000);
      return [answer.status, answer.body.error.diagnostics];
    };
    const at = (path: string, message: string) => [400, [{ code: 'invalid-value', path, message }]];
    expect(await refused({ runs: 1e9 })).toEqual(
      at(
        'body.runs',
        '1000000000 must be a whole number from 1 to 200: the server runs at most 200 runs in one request (`parley simulate --runs` runs more, on every core)',
      ),
    );
    expect(await refused({ runs: 150, deadline: 1000 })).toEqual(
      at(
        'body.runs',
        '150 runs of 1000 rounds is more than the 20000 rounds the server runs in one request; give fewer runs or a nearer deadline',
      ),
    );
    expect(await refused({ deadline: 1e6 })).toEqual(
      at(
        'body.deadline',
        '1000000 must be a whole number of rounds from 1 to 1000 (the most a request may run)',
      ),
    );
    expect(await refused({ tactics: { east: 'linear' } })).toEqual(
      at('body.tactics.east', 'no party "east"; the parties are north, south'),
    );
    expect(await refused({ tactics: { north: 'linear', south: 'sneaky:3' } })).toEqual(
      at(
        'body.tactics.south',
        'unknown tactic "sneaky"; expected one of boulware[:e], linear, conceder[:e], hardliner, time:e[:k], tit-for-tat[:absolute], random, subgame-perfect, scripted',
      ),
    );
    expect(await refused({ tactics: { north: 'boulware:3' } })).toEqual(
      at('body.tactics.north', 'e "3" is out of range'),
    );
    expect(await refused({ accept: { south: 'const:2' } })).toEqual(
      at('body.accept.south', 'α "2" is out of range'),
    );
    expect(await refused({ protocol: 'single-text', tactics: { north: 'subgame-perfect' } })).toEqual(
      at('body.tactics', 'the subgame-perfect tactic plays bilateral SAOP negotiations only'),
    );
    expect(await refused({ seed: -1 })).toEqual(
      at('body.seed', 'body.seed "-1" must be a whole number from 0 to 4294967295'),
    );
    expect(await refused({ from: 'April' })).toEqual(
      at('body.from', 'body.from "April" is not an EDTF date (e.g. 2030-03-01)'),
    );
    expect(await refused({ a: 'east' })).toEqual(
      at('body.a', '"east" is not a bargaining party of the model (it has north, south)'),
    );
    // The body's shape is the schema's: an unknown field is 422, as on every route.
    const unknown = await simulate({ rounds: 5 });
    expect([unknown.status, unknown.body.error.diagnostics]).toEqual([
      422,
      [{ code: 'unknown-field', path: 'rounds', message: 'unknown field' }],
    ]);
  });
});
