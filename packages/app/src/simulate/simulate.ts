import { ParleyError } from '@parley/model/errors.ts';
import type { Case } from '@parley/model/case.ts';
import { domainOn } from '@parley/core/bargaining/case-model.ts';
import { prepare } from '@parley/core/bargaining/case-report.ts';
import { importGenius } from '@parley/core/bargaining/genius/genius-xml.ts';
import { outcomeCount, partyIndices, type NegotiationDomain } from '@parley/core/bargaining/outcome-space.ts';
import { acceptanceName } from '@parley/core/simulate/acceptance.ts';
import { consecutiveDays, type Calendar } from '@parley/core/simulate/calendar.ts';
import { simulateRuns, type PartyPlay, type TacticSpec } from '@parley/core/simulate/run.ts';
import type { Agreement, RunResult } from '@parley/core/simulate/run-result.ts';
import { summarise, type SimulationSummary } from '@parley/core/simulate/summary.ts';
import { traceCsv, type TraceEntry } from '@parley/core/simulate/trace.ts';
import { asOfDay } from '../inputs/fields.ts';
import { dayToAnalyse, modelInputFor } from '../deals/model-input.ts';
import type { GeniusText } from '../deals/genius.ts';
import type { SimulateInput } from './input.ts';
import { assignSpecs, parseAcceptance, parseTactic, type PartyNames } from './tactic-spec.ts';

/** A party's tactic when none is given: Boulware (e = 0.2), accepting by AC_next. */
const DEFAULT_PLAY: PartyPlay = { tactic: { kind: 'time-dependent', e: 0.2 }, acceptance: { kind: 'next' } };

export interface SimulationReport {
  domain: string;
  /** Case runs: the first and last day of the calendar (one round a day). */
  from?: string;
  to?: string;
  outcomes: number;
  protocol: 'saop' | 'single-text';
  variant?: 'veto' | 'hill-climbing';
  deadline: number;
  runs: number;
  seed: number;
  parties: {
    id: string;
    names: string[];
    tactic: string;
    acceptance: string;
    reservationValue: number;
    discount: number;
  }[];
  /** The run itself, when there is one. */
  result?: { agreement: AgreementReport | null; ending: RunResult['ending']; steps: number };
  summary: SimulationSummary;
}

/** An agreement as reports show it: utilities by stakeholder id. */
export interface AgreementReport {
  package: Record<string, string>;
  step: number;
  round: number;
  time: number;
  day?: string;
  utilities: Record<string, number>;
  discounted: Record<string, number>;
}

export interface Simulation {
  report: SimulationReport;
  traces: { seed: number; trace: TraceEntry[] }[];
  /** Every run's trace as CSV (trace.ts). */
  csv(): string;
}

const tacticName = (t: TacticSpec) =>
  t.kind !== 'time-dependent'
    ? t.kind
    : t.e === 0
      ? 'hardliner'
      : t.e === 1
        ? 'linear'
        : `${t.e < 1 ? 'boulware' : 'conceder'}:${t.e}${t.k ? `, k=${t.k}` : ''}`;

/** Runs the simulation on an additive domain whose parties go by `names` (per party, its aliases). */
export function simulateDomain(
  name: string,
  domain: NegotiationDomain,
  names: string[][],
  input: SimulateInput,
  discounts: number[] = domain.stakeholders.map(() => 1),
  calendar?: Calendar,
): Simulation {
  const parties = partyIndices(domain);
  const lookup: PartyNames = new Map(names.flatMap((aliases, k) => aliases.map((a) => [a, k] as const)));
  const tactics = assignSpecs('--tactic', input.tactic, lookup, parseTactic);
  const acceptances = assignSpecs('--accept', input.accept, lookup, parseAcceptance);
  if (
    tactics.some((t) => t?.kind === 'subgame-perfect') &&
    (parties.length !== 2 || input.protocol !== 'saop')
  )
    throw new ParleyError('usage', 'the subgame-perfect tactic plays bilateral SAOP negotiations only');
  const plays: PartyPlay[] = parties.map((_, k) => ({
    tactic: tactics[k] ?? DEFAULT_PLAY.tactic,
    acceptance: acceptances[k] ?? DEFAULT_PLAY.acceptance,
  }));
  const effective = input.discount === undefined ? discounts : domain.stakeholders.map(() => input.discount!);
  const spec = {
    protocol: input.protocol,
    ...(input.variant ? { variant: input.variant } : {}),
    deadline: input.deadline,
    plays,
    discounts: effective,
    seed: input.seed,
    ...(calendar ? { calendar } : {}),
  };
  const runs = simulateRuns(domain, spec, input.runs);
  const traces = runs.map((run, k) => ({ seed: (input.seed + k) >>> 0, trace: run.trace }));
  const only = runs.length === 1 ? runs[0]! : undefined;
  const report: SimulationReport = {
    domain: name,
    ...(calendar ? { from: calendar.days[0]!, to: calendar.days.at(-1)! } : {}),
    outcomes: outcomeCount(domain),
    protocol: input.protocol,
    ...(input.protocol === 'single-text' ? { variant: input.variant ?? 'veto' } : {}),
    deadline: input.deadline,
    runs: input.runs,
    seed: input.seed,
    parties: parties.map((q, k) => ({
      id: domain.stakeholders[q]!.id,
      names: names[k]!,
      tactic: tacticName(plays[k]!.tactic),
      acceptance: acceptanceName(plays[k]!.acceptance),
      reservationValue: domain.stakeholders[q]!.reservationValue,
      discount: effective[q] ?? 1,
    })),
    ...(only
      ? {
          result: {
            agreement: only.agreement && agreementReport(domain, only.agreement),
            ending: only.ending,
            steps: only.steps,
          },
        }
      : {}),
    summary: summarise(domain, runs, effective),
  };
  return { report, traces, csv: () => traceCsv(domain, traces) };
}

function agreementReport(domain: NegotiationDomain, agreement: Agreement): AgreementReport {
  const byId = (values: number[]) =>
    Object.fromEntries(domain.stakeholders.map((s, q) => [s.id, values[q]!]));
  return {
    package: agreement.package,
    step: agreement.step,
    round: agreement.round,
    time: agreement.time,
    ...(agreement.day ? { day: agreement.day } : {}),
    utilities: byId(agreement.utilities),
    discounted: byId(agreement.discounted),
  };
}

const baseName = (file: string) =>
  file
    .split(/[\\/]/)
    .pop()!
    .replace(/\.xml$/i, '');

/** GENIUS XML: the domain, then one profile per party, named profile-1, profile-2, … or by file. */
export function simulateGeniusFiles(files: readonly GeniusText[], input: SimulateInput): Simulation {
  if (input.from !== undefined) throw new ParleyError('usage', '`from` applies to case folders only');
  if (files.length < 3)
    throw new ParleyError('usage', 'give a GENIUS domain file and at least two profile files');
  const imported = importGenius(files[0]!, files.slice(1));
  const names = imported.profiles.map((p, k) => [
    `profile-${k + 1}`,
    baseName(p.file),
    imported.negotiation.stakeholders[k]!.id,
  ]);
  const discounts = imported.profiles.map((p) =>
    p.discountFactor && p.discountFactor > 0 ? p.discountFactor : 1,
  );
  return simulateDomain(baseName(files[0]!.file), imported.negotiation, names.map(unique), input, discounts);
}

/**
 * A case on its calendar: round r is day from + r − 1 (from: `from`, default the case's asOf), the
 * utilities are the model's, and each stakeholder's reservation value is the model's for the day.
 */
export function simulateCaseModel(caseData: Case, input: SimulateInput, caseName: string): Simulation {
  const model = modelInputFor(caseData, undefined, caseName);
  const first = asOfDay(dayToAnalyse(model, input.from));
  const prepared = prepare(model);
  const days = consecutiveDays(first, input.deadline);
  const calendar: Calendar = {
    days,
    reservationValues: days.map((day) => domainOn(prepared, day).stakeholders.map((s) => s.reservationValue)),
  };
  const domain = domainOn(prepared, first);
  const names = partyIndices(domain).map((q) => [domain.stakeholders[q]!.id]);
  return simulateDomain(model.caseId, domain, names, input, undefined, calendar);
}

const unique = (names: string[]) => [...new Set(names)];
