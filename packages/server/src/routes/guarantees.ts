import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { guaranteeInstrumentSchema, triggerKind } from '@parley/model/schema/guarantee.ts';
import { ParleyError } from '@parley/model/errors.ts';
import { compareGuarantees } from '@parley/app/guarantees/comparison.ts';
import { guaranteeContextFor } from '@parley/app/guarantees/context.ts';
import { guaranteesFlags } from '@parley/app/guarantees/input.ts';
import { guaranteesReport } from '@parley/app/guarantees/report.ts';
import { compareScratchCopy } from '@parley/app/guarantees/scratch-copy.ts';
import { parseInput } from '@parley/app/inputs/parse-input.ts';
import { guardedRoute } from '../access.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { callerCase } from './caller-case.ts';
import { analysisErrors, analysisJson, caseParams, jsonResponse, queryFlag } from './openapi-parts.ts';

/** How the API names the comparison's fields in messages: as its query parameters. */
const QUERY_NAMES = {
  runs: 'runs',
  seed: 'seed',
  instrument: 'instrument',
  attacker: 'attacker',
  place: 'place',
  trigger: 'trigger',
};

/**
 * Monte Carlo runs per cell a request may ask for. The CLI allows 10,000,000 on the analyst's own
 * machine; the server answers many callers on one event loop, so a request stays within seconds.
 */
export const MAX_SERVER_RUNS = 100_000;

const id = z.string().min(1).max(200);

/** The scenario and Monte Carlo settings, the same for the comparison and for a scratch copy. */
const scenarioQuery = z.object({
  attacker: id.optional().describe('Only this attacker: an actor id or third-state'),
  place: id.optional().describe('Only this place, or core for core territory'),
  trigger: triggerKind.optional().describe('What happens (default: armed-attack)'),
  runs: z
    .string()
    .max(20)
    .optional()
    .describe(`Monte Carlo runs per cell, 1 to ${MAX_SERVER_RUNS} (default: 10000)`),
  seed: z
    .string()
    .max(20)
    .optional()
    .describe('Seed of the random generator, a 32-bit unsigned integer (default: 1)'),
  library: queryFlag.describe("false leaves out the reference instruments (the CLI's --no-library)"),
});

/** The query as `parley guarantees` flags, within the server's limit of runs. */
function comparisonFlags(query: z.infer<typeof scenarioQuery> & { instrument?: string }) {
  const { library, ...q } = query;
  const flags = parseInput(guaranteesFlags, { ...q, library: library !== 'false', json: true }, QUERY_NAMES);
  if (flags.runs > MAX_SERVER_RUNS)
    throw new ParleyError(
      'usage',
      `runs "${flags.runs}" is above the server's limit of ${MAX_SERVER_RUNS} per cell (the CLI allows more)`,
    );
  return flags;
}

const instrumentParams = caseParams.extend({ instrumentId: id });

/** What each security guarantee of the case (and the reference library) really promises. */
export function registerGuaranteeRoutes(app: OpenAPIHono<ServerEnv>, deps: ServerDeps) {
  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/cases/{caseId}/guarantees',
        summary:
          'Who is obliged, who can block, and the chance of each level of help (as `parley guarantees <case> --json`)',
        request: {
          params: caseParams,
          query: scenarioQuery.extend({
            instrument: id
              .optional()
              .describe("Only this instrument (default: all, the case's and the library's)"),
          }),
        },
        responses: {
          200: jsonResponse(
            analysisJson('Guarantees', 'The comparison, as docs/json.md describes it'),
            'The comparison',
          ),
          ...analysisErrors,
        },
      },
      { to: 'case', roles: 'member' },
      () => deps.database,
      { cached: true },
    ),
    async (c) => {
      const flags = comparisonFlags(c.req.valid('query'));
      const access = c.get('access')!;
      const caseData = await callerCase(deps, access);
      const context = guaranteeContextFor(caseData, flags.library ? (deps.library ?? []) : []);
      return c.json(
        guaranteesReport(access.caseId, compareGuarantees(caseData, context, flags)) as unknown as Record<
          string,
          unknown
        >,
        200,
      );
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'get',
        path: '/api/cases/{caseId}/guarantees/instruments/{instrumentId}',
        summary: "One instrument as recorded (the case's or the library's): the start of a scratch copy",
        request: { params: instrumentParams },
        responses: {
          200: jsonResponse(
            z.object({
              origin: z.string().describe("'case' or the library file it comes from"),
              instrument: guaranteeInstrumentSchema,
              places: z
                .array(z.object({ id: z.string(), name: z.string() }))
                .describe("The named places of the guaranteed state: what a copy's exclusions may name"),
            }),
            'The instrument',
          ),
          ...analysisErrors,
        },
      },
      { to: 'case', roles: 'member' },
      () => deps.database,
    ),
    async (c) => {
      const { instrumentId } = c.req.valid('param');
      const caseData = await callerCase(deps, c.get('access')!);
      const context = guaranteeContextFor(caseData, deps.library ?? []);
      const entry = context.instruments.find((e) => e.instrument.id === instrumentId);
      if (!entry) {
        const known = context.instruments.map((e) => e.instrument.id).join(', ');
        throw new ParleyError('unknown-id', `unknown instrument "${instrumentId}"; known: ${known}`);
      }
      const places = [...context.places.values()]
        .filter((p) => p.of === entry.instrument.guaranteedState)
        .map((p) => ({ id: p.id, name: p.name }));
      return c.json({ origin: entry.origin, instrument: entry.instrument, places }, 200);
    },
  );

  app.openapi(
    guardedRoute(
      {
        method: 'post',
        path: '/api/cases/{caseId}/guarantees/evaluate',
        summary:
          'A scratch copy of an instrument under the same scenarios as the comparison; nothing is stored',
        request: {
          params: caseParams,
          query: scenarioQuery,
          body: {
            content: { 'application/json': { schema: guaranteeInstrumentSchema } },
            required: true,
            description:
              'One instrument as guarantees.yaml writes it; it replaces the instrument of its id for this answer only',
          },
        },
        responses: {
          200: jsonResponse(
            analysisJson('Guarantees', 'The comparison, as docs/json.md describes it'),
            'The copy under each scenario (its origin is "scratch copy")',
          ),
          ...analysisErrors,
        },
      },
      { to: 'case', roles: 'member' },
      () => deps.database,
    ),
    async (c) => {
      const copy = c.req.valid('json');
      const flags = comparisonFlags({ ...c.req.valid('query'), instrument: copy.id });
      const access = c.get('access')!;
      const caseData = await callerCase(deps, access);
      const context = guaranteeContextFor(caseData, flags.library ? (deps.library ?? []) : []);
      return c.json(
        guaranteesReport(
          access.caseId,
          compareScratchCopy(caseData, context, copy, flags),
        ) as unknown as Record<string, unknown>,
        200,
      );
    },
  );
}
