import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Case } from '@parley/model/case.ts';
import { adjustedWinner } from '@parley/app/deals/adjusted-winner.ts';
import { modelAssumptions } from '@parley/app/deals/assumptions.ts';
import { dealsOnDay } from '@parley/app/deals/day.ts';
import { geniusExport } from '@parley/app/deals/export-genius.ts';
import { pairFrontier } from '@parley/app/deals/pair-frontier.ts';
import {
  adjustedWinnerInput,
  dayInput,
  exportGeniusInput,
  pairFrontierInput,
  sensitivityInput,
  windowInput,
} from '@parley/app/deals/input.ts';
import { assumptionSensitivity } from '@parley/app/deals/sensitivity.ts';
import { dealWindow } from '@parley/app/deals/window.ts';
import { parseInput } from '@parley/app/inputs/parse-input.ts';
import { guardedRoute } from '../access.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { callerCase } from './caller-case.ts';
import { analysisErrors, analysisJson, caseParams, jsonResponse } from './openapi-parts.ts';

/** The query parameters are the CLI's flags without `--`, and messages name them so. */
const QUERY_NAMES = {
  at: 'at',
  from: 'from',
  to: 'to',
  scenario: 'scenario',
  assumption: 'assumption',
  a: 'a',
  b: 'b',
};

/** A day (EDTF: `2022-04-15`; a month or year stands for its last day). */
const day = (what: string) => z.string().max(40).optional().describe(`${what} (EDTF, e.g. 2022-04-15)`);
const at = day("The day to analyse (default: the case's asOf)");
const scenario = z.string().max(200).optional().describe('A scenario of the model to apply (its id)');

/**
 * Is there a deal, when, and which one is fair: `parley deals` and its subcommands over the case's
 * model as the caller sees it. Each answers with the JSON the CLI prints with `--json`.
 */
export function registerDealRoutes(app: OpenAPIHono<ServerEnv>, deps: ServerDeps) {
  /** A GET analysis of the case's model: its query, parsed by the app's input schema, then the use case. */
  function dealRoute<S extends z.ZodType>(
    path: string,
    summary: string,
    query: z.ZodObject,
    input: S,
    output: z.ZodType,
    analyse: (caseData: Case, input: z.output<S>, caseName: string) => unknown,
  ) {
    app.openapi(
      guardedRoute(
        {
          method: 'get',
          path: `/api/cases/{caseId}/deals${path}`,
          summary,
          request: { params: caseParams, query },
          responses: { 200: jsonResponse(output, 'The analysis'), ...analysisErrors },
        },
        { to: 'case', roles: 'member' },
        () => deps.database,
        { cached: true },
      ),
      async (c) => {
        // The query passed its schema; the app's input schema has the rules and the messages.
        const parsed = parseInput(input, c.req.valid('query' as never), QUERY_NAMES);
        const access = c.get('access')!;
        const result = analyse(await callerCase(deps, access), parsed, access.caseId);
        return c.json(result as never, 200);
      },
    );
  }

  dealRoute(
    '',
    'Is there a deal on one day: reservation values, agreement set, Pareto frontier, fair points, ZOPA (as `parley deals <case> --json`)',
    z.object({ at, scenario }),
    dayInput,
    analysisJson('Deals', "The day's report, as docs/json.md describes it"),
    dealsOnDay,
  );
  const signatory = (which: string) =>
    z.string().min(1).max(200).describe(`The ${which} signatory (an actor id of the model, e.g. ru)`);
  dealRoute(
    '/frontier',
    'The exact Pareto frontier projected on two signatories on one day, each point with its package, with their reservation values and the solution points of `parley deals --json`',
    z.object({ a: signatory('first'), b: signatory('second'), at, scenario }),
    pairFrontierInput,
    analysisJson('DealFrontier', "The two signatories' frontier, `a`'s utility descending"),
    pairFrontier,
  );
  dealRoute(
    '/window',
    'The days on which some package satisfies every required signatory, and by what margin (as `parley deals window --json`)',
    z.object({ from: day('The first day to show'), to: day('The last day to show'), scenario }),
    windowInput,
    analysisJson('DealWindow', 'The deal window, as docs/json.md describes it'),
    dealWindow,
  );
  dealRoute(
    '/sensitivity',
    'The smallest change of one assumption that opens or closes the deal window (as `parley deals sensitivity --json`)',
    z.object({
      assumption: z
        .string()
        .min(1)
        .max(200)
        .describe('An assumption path, e.g. us.guarantee-assistance.weight (see /deals/assumptions)'),
      at: day('Test this day instead of the whole window'),
      scenario,
    }),
    sensitivityInput,
    analysisJson('DealSensitivity', "The assumption's sensitivity, as docs/json.md describes it"),
    assumptionSensitivity,
  );
  dealRoute(
    '/assumptions',
    "Every named assumption of the case's model, with its rationale (as `parley deals assumptions --json`)",
    z.object({}),
    z.object({}),
    z
      .array(z.record(z.string(), z.unknown()))
      .meta({ id: 'DealAssumptions', description: 'Each assumption: its path, value, range and rationale' }),
    (caseData, _input, caseName) => modelAssumptions(caseData, caseName),
  );
  dealRoute(
    '/adjusted-winner',
    "Adjusted Winner (Brams–Taylor) between the two parties, with points from the model's weights (as `parley deals adjusted-winner --json`)",
    z.object({ scenario }),
    adjustedWinnerInput,
    analysisJson('AdjustedWinner', 'The Adjusted Winner division, as docs/json.md describes it'),
    adjustedWinner,
  );
  dealRoute(
    '/genius-export',
    "The case's model on one day as GENIUS XML: a domain and one profile per actor (what `parley deals export-genius` writes)",
    z.object({ at, scenario }),
    exportGeniusInput,
    analysisJson('GeniusExport', '`files`: each `{ name, xml }`, the domain first'),
    (caseData, parsed, caseName) => ({ files: geniusExport(caseData, parsed, caseName) }),
  );
}
