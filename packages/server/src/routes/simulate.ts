import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Diagnostic } from '@parley/model/diagnostic.ts';
import { ParleyError } from '@parley/model/errors.ts';
import { partyIndices } from '@parley/core/bargaining/outcome-space.ts';
import type { RunRecord } from '@parley/core/simulate/monte-carlo.ts';
import { nameFields } from '@parley/app/inputs/parse-input.ts';
import { simulateInput, type SimulateInput } from '@parley/app/simulate/input.ts';
import { planCaseSimulation, type SimulationPlan } from '@parley/app/simulate/simulate.ts';
import { guardedRoute } from '../access.ts';
import { problemSchema } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { simulationPool } from '../simulate/simulation-pool.ts';
import { callerCase } from './caller-case.ts';
import { analysisErrors, analysisJson, caseParams, jsonResponse } from './openapi-parts.ts';

/**
 * Runs per request. The runs go to the server's worker pool (simulate/simulation-pool.ts), one
 * request per worker, a few dozen milliseconds each on the embedded case: more is a job for
 * `parley simulate --runs`, which uses every core of the analyst's machine.
 */
export const MAX_HTTP_RUNS = 200;
/** Rounds per run, and rounds per request (runs × deadline): 200 runs of 100 rounds at most. */
export const MAX_HTTP_DEADLINE = 1000;
export const MAX_HTTP_ROUNDS = 20_000;

/** The body's fields as messages name them: the app's messages say `runs`, the answer `body.runs`. */
const BODY_FIELDS = [
  'protocol',
  'variant',
  'deadline',
  'runs',
  'seed',
  'noise',
  'discount',
  'from',
  'scenario',
  'tactics',
  'accept',
  'guarantors',
  'a',
  'b',
] as const;
const BODY_NAMES = Object.fromEntries(BODY_FIELDS.map((f) => [f, `body.${f}`]));

const party = z.string().min(1).max(200);
const spec = z.string().min(1).max(200);

export const simulateBody = z
  .strictObject({
    protocol: z
      .enum(['saop', 'single-text'])
      .optional()
      .describe('saop (stacked alternating offers, default) or single-text (mediated)'),
    variant: z
      .enum(['veto', 'hill-climbing'])
      .optional()
      .describe('single-text only: veto (default) or hill-climbing'),
    tactics: z
      .record(party, spec)
      .optional()
      .describe(
        "Party id → tactic, as the CLI's --tactic spec: boulware[:e], linear, conceder[:e], hardliner, time:e[:k], tit-for-tat[:absolute], random, subgame-perfect, scripted; a parameter may be a range low..high drawn per run (default boulware:0.2)",
      ),
    accept: z
      .record(party, spec)
      .optional()
      .describe(
        'Party id → acceptance condition, as --accept: next, const:α, time:T, joined by & or | (default next)',
      ),
    guarantors: z
      .enum(['informed', 'learn', 'blind'])
      .optional()
      .describe(
        'What every party knows of the guarantors, as --guarantors: informed (default; it offers and accepts only what every obliged guarantor signs), learn (from vetoes) or blind',
      ),
    deadline: z.number().optional().describe(`Rounds, one a day (1 to ${MAX_HTTP_DEADLINE}; default 100)`),
    runs: z
      .number()
      .optional()
      .describe(
        `Runs (Monte Carlo), seeds seed, seed+1, … (1 to ${MAX_HTTP_RUNS}, and runs × deadline at most ${MAX_HTTP_ROUNDS}; default 1)`,
      ),
    seed: z.number().optional().describe('Seed of the first run (default 1)'),
    noise: z
      .string()
      .max(40)
      .optional()
      .describe('Opponent-model noise: a number or a range low..high in [0, 1]'),
    discount: z.number().optional().describe('Discount factor d for every party, 0 < d ≤ 1 (default: none)'),
    from: z
      .string()
      .max(40)
      .optional()
      .describe("The first day, one round a day (EDTF; default the case's asOf)"),
    scenario: z.string().max(200).optional().describe('A scenario of the model to apply (its id)'),
    a: party
      .optional()
      .describe('The party across the utility space the answer draws (default: the first party)'),
    b: party.optional().describe('The party up the utility space (default: the second party)'),
  })
  .meta({ id: 'SimulationRequest' });

/** One run's outcome, for the distributions: when it ended and what each party got. */
const runOutcome = z.object({
  seed: z.number(),
  ending: z.enum(['agreement', 'deadline', 'walked-away']),
  steps: z.number(),
  /** Agreement round and day; null without agreement. */
  round: z.number().nullable(),
  day: z.string().nullable(),
  /** Per bargaining party: its discounted utility of the agreement, or null without one. */
  utilities: z.record(z.string(), z.number()).nullable(),
});

/** The utility space of two parties on the first day: the frontier, the Nash point, the reservation values. */
const utilitySpace = z.object({
  parties: z.tuple([z.string(), z.string()]),
  day: z.string(),
  frontier: z.union([
    z.object({ size: z.number(), points: z.array(z.tuple([z.number(), z.number()])) }),
    z.object({ size: z.null(), reason: z.string() }),
  ]),
  nash: z.union([
    z.object({ utilities: z.tuple([z.number(), z.number()]) }),
    z.object({ reason: z.string() }),
  ]),
  reservationValues: z.tuple([z.number(), z.number()]),
});

const simulationAnswer = z
  .object({
    report: analysisJson('SimulationReport', 'The summary, as `parley simulate <case> --json` prints it'),
    trace: z
      .array(z.record(z.string(), z.unknown()))
      .describe(
        "The first run's trace (docs/simulate.md): step, round, time, day, party, action, offer, responses, utilities",
      ),
    runs: z.array(runOutcome).describe('Every run in seed order, for the distributions'),
    utilitySpace: utilitySpace.describe(
      "The two parties' exact Pareto frontier and Nash point (parties only) on the first day, as GET …/deals/frontier gives them",
    ),
  })
  .meta({ id: 'Simulation' });

export type SimulationAnswer = z.infer<typeof simulationAnswer>;

/**
 * `parley simulate <case>` over HTTP, on the model as the caller may see it: a delegation's run
 * plays only the models its audience holds, never the other side's hidden one.
 */
export function registerSimulateRoutes(app: OpenAPIHono<ServerEnv>, deps: ServerDeps) {
  app.openapi(
    guardedRoute(
      {
        method: 'post',
        path: '/api/cases/{caseId}/simulate',
        summary:
          "Automated negotiations on the case's model (as `parley simulate <case> --json`), with the first run's trace and the utility space to draw it in",
        request: {
          params: caseParams,
          body: { content: { 'application/json': { schema: simulateBody } }, required: true },
        },
        responses: {
          200: jsonResponse(simulationAnswer, 'The simulation'),
          ...analysisErrors,
          400: jsonResponse(
            problemSchema,
            'A malformed field, named by its path (body.runs, body.tactics.ru)',
          ),
          422: jsonResponse(
            problemSchema,
            'The model cannot answer this, or the simulation ran past the time a request may run (over-budget)',
          ),
        },
      },
      { to: 'case', roles: 'member' },
      () => deps.database,
    ),
    async (c) => {
      const body = c.req.valid('json');
      const input = simulationInput(body);
      const access = c.get('access')!;
      const seen = await callerCase(deps, access);
      const plan = located(body, () => planCaseSimulation(seen, input, access.caseId));
      const ids = partyIndices(plan.job.domain).map((q) => plan.job.domain.stakeholders[q]!.id);
      if (ids.length < 2)
        throw new ParleyError(
          'invalid-model',
          `the model as you may see it values the outcomes of ${ids.length === 0 ? 'no party' : `one party only (${ids[0]})`}: a simulation needs two, and the others' models are hidden from you`,
        );
      const [a, b] = plotted(body, ids);
      // Both on workers, side by side, so the event loop answers other requests meanwhile: the
      // runs (the first keeps its trace) and the utility space on the first day of the calendar.
      const pool = simulationPool();
      const at = plan.job.spec.calendar!.days[0]!;
      const [records, space] = await Promise.all([
        pool.run(plan.job, 1),
        pool.frontier({
          caseData: seen,
          input: { a, b, at, ...(body.scenario ? { scenario: body.scenario } : {}) },
          caseName: access.caseId,
        }),
      ]);
      const simulation = plan.finish(records);
      const nash = space.solutions.partiesOnly.nash;
      const answer: SimulationAnswer = {
        report: simulation.report as unknown as Record<string, unknown>,
        trace: (records[0]?.trace ?? []) as unknown as Record<string, unknown>[],
        runs: records.map((r) => outcomeOf(plan, r)),
        utilitySpace: {
          parties: [a, b],
          day: space.day,
          frontier:
            space.frontier.size === null
              ? space.frontier
              : { size: space.frontier.size, points: space.frontier.points.map((p) => p.utilities) },
          nash:
            'reason' in nash
              ? { reason: nash.reason }
              : { utilities: [nash.utilities[a]!, nash.utilities[b]!] },
          reservationValues: [space.reservationValues[a]!.value, space.reservationValues[b]!.value],
        },
      };
      return c.json(answer, 200);
    },
  );
}

/** A usage error at one field of the body: its message, and the diagnostic at `body.<path>`. */
function fieldError(path: string, message: string): ParleyError {
  const diagnostic: Diagnostic = { code: 'invalid-value', severity: 'error', path, message };
  return new ParleyError('usage', `${path}: ${message}`, [diagnostic]);
}

/** The app's simulate input from the body, with the server's limits on how much one request runs. */
function simulationInput(body: z.infer<typeof simulateBody>): SimulateInput {
  const runs = body.runs ?? 1;
  const deadline = body.deadline ?? 100;
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_HTTP_RUNS)
    throw fieldError(
      'body.runs',
      `${runs} must be a whole number from 1 to ${MAX_HTTP_RUNS}: the server runs at most ${MAX_HTTP_RUNS} runs in one request (\`parley simulate --runs\` runs more, on every core)`,
    );
  if (!Number.isInteger(deadline) || deadline < 1 || deadline > MAX_HTTP_DEADLINE)
    throw fieldError(
      'body.deadline',
      `${deadline} must be a whole number of rounds from 1 to ${MAX_HTTP_DEADLINE} (the most a request may run)`,
    );
  if (runs * deadline > MAX_HTTP_ROUNDS)
    throw fieldError(
      'body.runs',
      `${runs} runs of ${deadline} rounds is more than the ${MAX_HTTP_ROUNDS} rounds the server runs in one request; give fewer runs or a nearer deadline`,
    );
  const specs = (record: Record<string, string> | undefined) =>
    Object.entries(record ?? {}).map(([id, text]) => `${id}=${text}`);
  const parsed = simulateInput.safeParse({
    protocol: body.protocol,
    variant: body.variant,
    deadline: body.deadline,
    runs: body.runs,
    seed: body.seed,
    noise: body.noise,
    discount: body.discount,
    from: body.from,
    scenario: body.scenario,
    tactic: specs(body.tactics),
    accept: specs(body.accept),
    guarantors: body.guarantors ? [body.guarantors] : [],
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = typeof issue.path[0] === 'string' ? issue.path[0] : '';
  const message = nameFields(issue.message, BODY_NAMES);
  const diagnostic: Diagnostic = {
    code: 'invalid-value',
    severity: 'error',
    path: field ? `body.${field}` : 'body',
    message,
  };
  throw new ParleyError('usage', message, [diagnostic]);
}

/**
 * Plans the simulation; a tactic or acceptance the app refuses is reported at its field of the
 * body (`body.tactics.ru`) rather than as the CLI's `--tactic #1`.
 */
function located(body: z.infer<typeof simulateBody>, plan: () => SimulationPlan): SimulationPlan {
  try {
    return plan();
  } catch (error) {
    if (!(error instanceof ParleyError) || error.code !== 'usage') throw error;
    for (const [flag, field] of [
      ['--tactic', 'tactics'],
      ['--accept', 'accept'],
    ] as const) {
      const entries = Object.entries(body[field] ?? {});
      for (const [k, [id, text]] of entries.entries()) {
        // tactic-spec.ts quotes the k-th argument as given: `--tactic #k "party=spec": detail`.
        const prefix = `${flag} #${k + 1} "${id}=${text}": `;
        if (error.message.startsWith(prefix))
          throw fieldError(`body.${field}.${id}`, error.message.slice(prefix.length));
      }
    }
    if (/tactic/.test(error.message)) throw fieldError('body.tactics', error.message);
    throw error;
  }
}

/** The two parties whose utility space is drawn: as asked, else the first two. */
function plotted(body: z.infer<typeof simulateBody>, ids: string[]): [string, string] {
  const a = body.a ?? ids[0]!;
  const b = body.b ?? ids.find((id) => id !== a)!;
  for (const [field, id] of [
    ['a', a],
    ['b', b],
  ] as const)
    if (!ids.includes(id))
      throw fieldError(
        `body.${field}`,
        `"${id}" is not a bargaining party of the model (it has ${ids.join(', ')})`,
      );
  if (a === b) throw fieldError('body.b', `\`a\` and \`b\` must be two different parties (both are "${a}")`);
  return [a, b];
}

function outcomeOf(plan: SimulationPlan, record: RunRecord): z.infer<typeof runOutcome> {
  const { domain } = plan.job;
  const agreement = record.agreement;
  return {
    seed: record.seed,
    ending: record.ending,
    steps: record.steps,
    round: agreement?.round ?? null,
    day: agreement?.day ?? null,
    utilities: agreement
      ? Object.fromEntries(
          partyIndices(domain).map((q) => [domain.stakeholders[q]!.id, agreement.discounted[q]!]),
        )
      : null,
  };
}
