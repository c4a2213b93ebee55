import { ParleyError } from '@parley/model/errors.ts';
import type { Case } from '@parley/model/case.ts';
import { analysedOn, domainOn, type CaseBargaining } from '@parley/core/bargaining/case-model.ts';
import type { FoldedDomain } from '@parley/core/bargaining/nonlinear/fold-terms.ts';
import { applyScenario } from '@parley/core/bargaining/assumptions.ts';
import { prepare } from '@parley/core/bargaining/case-report.ts';
import { importGenius } from '@parley/core/bargaining/genius/genius-xml.ts';
import { outcomeCount, partyIndices, type NegotiationDomain } from '@parley/core/bargaining/outcome-space.ts';
import { acceptanceName } from '@parley/core/simulate/acceptance.ts';
import { consecutiveDays, type Calendar } from '@parley/core/simulate/calendar.ts';
import type { GuarantorKnowledge } from '@parley/core/simulate/guarantors.ts';
import {
  monteCarloRuns,
  type Drawn,
  type MonteCarloSpec,
  type PlayDraw,
  type RunRecord,
  type TacticDraw,
} from '@parley/core/simulate/monte-carlo.ts';
import type { ScriptedPosition } from '@parley/core/simulate/tactics/scripted.ts';
import { titForTat } from '@parley/core/simulate/tactics/tit-for-tat.ts';
import type { Agreement, RunResult } from '@parley/core/simulate/run-result.ts';
import { summarise, type SimulationSummary } from '@parley/core/simulate/summary.ts';
import { traceCsv, type TraceEntry } from '@parley/core/simulate/trace.ts';
import { asOfDay } from '../inputs/fields.ts';
import { dayToAnalyse, modelInputFor } from '../deals/model-input.ts';
import type { GeniusText } from '../deals/genius.ts';
import type { SimulateInput } from './input.ts';
import { scriptedPositions } from './recorded-positions.ts';
import { foldPositions, unfoldAgreement, unfoldTrace } from './interactions.ts';
import {
  assignGuarantors,
  assignSpecs,
  parseAcceptance,
  parseNoise,
  parseTactic,
  type PartyNames,
} from './tactic-spec.ts';

/** A party's tactic when none is given: Boulware (e = 0.2), accepting by AC_next. */
const DEFAULT_PLAY: PlayDraw = { tactic: { kind: 'time-dependent', e: 0.2 }, acceptance: { kind: 'next' } };

export interface SimulationReport {
  domain: string;
  /** Case runs: the first and last day of the calendar (one round a day). */
  from?: string;
  to?: string;
  /** Case runs: the scenario of the model applied, when one was. */
  scenario?: string;
  outcomes: number;
  protocol: 'saop' | 'single-text';
  variant?: 'veto' | 'hill-climbing';
  deadline: number;
  runs: number;
  seed: number;
  /** Opponent-model noise, as given (a number or a range drawn per run). */
  noise?: string;
  parties: {
    id: string;
    names: string[];
    tactic: string;
    acceptance: string;
    /** What it knows of the guarantors (core simulate/guarantors.ts). */
    guarantors: GuarantorKnowledge;
    reservationValue: number;
    discount: number;
  }[];
  /** The run itself, when there is one. */
  result?: { agreement: AgreementReport | null; ending: RunResult['ending']; steps: number };
  summary: SimulationSummary;
  /** Case runs: the day of the mean agreement round and of its interval's ends. */
  agreementDay?: { mean: string; low: string; high: string };
  /** How the runs ended, and the vetoes by stakeholder id over all runs. */
  endings: { agreement: number; deadline: number; walkedAway: Record<string, number> };
  vetoes: Record<string, number>;
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
  /** Every run's trace, when the plan asked for them. */
  traces: { seed: number; trace: TraceEntry[] }[];
  /** Every run's trace as CSV (trace.ts). */
  csv(): string;
}

const drawnText = (x: Drawn) => (typeof x === 'number' ? String(x) : `${x.low}..${x.high}`);

const tacticName = (t: TacticDraw) => {
  if (t.kind === 'tit-for-tat') return titForTat(t.imitation).name;
  if (t.kind !== 'time-dependent') return t.kind;
  const k = t.k === undefined || t.k === 0 ? '' : `, k=${drawnText(t.k)}`;
  if (typeof t.e === 'number' && t.e === 0) return `hardliner${k}`;
  if (typeof t.e === 'number' && t.e === 1) return `linear${k}`;
  const e = typeof t.e === 'number' ? t.e : t.e.high;
  return `${e < 1 ? 'boulware' : typeof t.e !== 'number' && t.e.low < 1 ? 'time' : 'conceder'}:${drawnText(t.e)}${k}`;
};

/** Monte Carlo runs to do: each run is a function of the job and its index (core monte-carlo.ts). */
export interface MonteCarloJob {
  domain: NegotiationDomain;
  spec: MonteCarloSpec;
  runs: number;
  withTrace: boolean;
}

/** Runs a job's runs 0..runs−1 and returns their records in index order (in process, or on workers). */
export type RunJob = (job: MonteCarloJob) => Promise<RunRecord[]>;

export const runInProcess = (job: MonteCarloJob): RunRecord[] =>
  monteCarloRuns(job.domain, job.spec, 0, job.runs, job.withTrace);

/** A simulation ready to run: the job, and how its records become the report. */
export interface SimulationPlan {
  job: MonteCarloJob;
  finish(records: readonly RunRecord[]): Simulation;
}

export interface PlanOptions {
  discounts?: number[];
  calendar?: Calendar;
  /** Per bargaining party index: its recorded positions, for the scripted tactic. */
  scripts?: ReadonlyMap<number, ScriptedPosition[]>;
  /** Keep every run's trace (for --trace); off, records carry the outcome only. */
  withTrace?: boolean;
  /** The domain is this fold of the case's (interactions.ts): reports unfold its packages. */
  folded?: FoldedDomain;
  /** Case runs: the scenario of the model applied (named in the report). */
  scenario?: string;
}

/** Plans the simulation on an additive domain whose parties go by `names` (per party, its aliases). */
export function planDomainSimulation(
  name: string,
  domain: NegotiationDomain,
  names: string[][],
  input: SimulateInput,
  options: PlanOptions = {},
): SimulationPlan {
  const { calendar } = options;
  const discounts = options.discounts ?? domain.stakeholders.map(() => 1);
  const parties = partyIndices(domain);
  const lookup: PartyNames = new Map(names.flatMap((aliases, k) => aliases.map((a) => [a, k] as const)));
  const tactics = assignSpecs('--tactic', input.tactic, lookup, parseTactic);
  const acceptances = assignSpecs('--accept', input.accept, lookup, parseAcceptance);
  const knowledge = assignGuarantors(input.guarantors, lookup);
  if (
    tactics.some((t) => t?.kind === 'subgame-perfect') &&
    (parties.length !== 2 || input.protocol !== 'saop')
  )
    throw new ParleyError('usage', 'the subgame-perfect tactic plays bilateral SAOP negotiations only');
  if (tactics.some((t) => t?.kind === 'scripted') && (!calendar || input.protocol !== 'saop'))
    throw new ParleyError(
      'usage',
      'the scripted tactic plays SAOP on a case folder only (its recorded positions)',
    );
  const plays: PlayDraw[] = parties.map((_, k) => {
    const tactic = tactics[k] ?? DEFAULT_PLAY.tactic;
    return {
      tactic:
        tactic.kind === 'scripted' ? { kind: 'scripted', positions: options.scripts?.get(k) ?? [] } : tactic,
      acceptance: acceptances[k] ?? DEFAULT_PLAY.acceptance,
      guarantors: knowledge[k]!,
    };
  });
  const effective = input.discount === undefined ? discounts : domain.stakeholders.map(() => input.discount!);
  const noise = input.noise === undefined ? undefined : parseNoise(input.noise);
  const spec: MonteCarloSpec = {
    protocol: input.protocol,
    ...(input.variant ? { variant: input.variant } : {}),
    deadline: input.deadline,
    plays,
    discounts: effective,
    seed: input.seed,
    ...(calendar ? { calendar } : {}),
    ...(noise !== undefined ? { modelNoise: noise } : {}),
  };
  const job: MonteCarloJob = { domain, spec, runs: input.runs, withTrace: options.withTrace ?? false };
  const { folded } = options;
  const shown = folded?.original ?? domain;
  const finish = (records: readonly RunRecord[]): Simulation => {
    const traces = records.flatMap((r) =>
      r.trace ? [{ seed: r.seed, trace: folded ? unfoldTrace(folded, r.trace) : r.trace }] : [],
    );
    const only = records.length === 1 ? records[0]! : undefined;
    const summary = summarise(domain, records, effective);
    const dayOf = (round: number) =>
      calendar!.days[Math.min(calendar!.days.length, Math.max(1, Math.round(round))) - 1]!;
    const walkedAway: Record<string, number> = {};
    const vetoes: Record<string, number> = {};
    for (const r of records) {
      if (r.walkedAway) walkedAway[r.walkedAway] = (walkedAway[r.walkedAway] ?? 0) + 1;
      for (const [id, n] of Object.entries(r.vetoes)) vetoes[id] = (vetoes[id] ?? 0) + n;
    }
    const report: SimulationReport = {
      domain: name,
      ...(calendar ? { from: calendar.days[0]!, to: calendar.days.at(-1)! } : {}),
      ...(options.scenario ? { scenario: options.scenario } : {}),
      outcomes: outcomeCount(domain),
      protocol: input.protocol,
      ...(input.protocol === 'single-text' ? { variant: input.variant ?? 'veto' } : {}),
      deadline: input.deadline,
      runs: input.runs,
      seed: input.seed,
      ...(input.noise !== undefined ? { noise: input.noise } : {}),
      parties: parties.map((q, k) => ({
        id: domain.stakeholders[q]!.id,
        names: names[k]!,
        tactic: tacticName(plays[k]!.tactic),
        acceptance: acceptanceName(plays[k]!.acceptance),
        guarantors: knowledge[k]!,
        reservationValue: domain.stakeholders[q]!.reservationValue,
        discount: effective[q] ?? 1,
      })),
      ...(only
        ? {
            result: {
              agreement:
                only.agreement &&
                agreementReport(domain, folded ? unfoldAgreement(folded, only.agreement) : only.agreement),
              ending: only.ending,
              steps: only.steps,
            },
          }
        : {}),
      summary,
      ...(calendar && summary.agreementRound
        ? {
            agreementDay: {
              mean: dayOf(summary.agreementRound.mean),
              low: dayOf(summary.agreementRound.low),
              high: dayOf(summary.agreementRound.high),
            },
          }
        : {}),
      endings: {
        agreement: records.filter((r) => r.ending === 'agreement').length,
        deadline: records.filter((r) => r.ending === 'deadline').length,
        walkedAway,
      },
      vetoes,
    };
    return { report, traces, csv: () => traceCsv(shown, traces) };
  };
  return { job, finish };
}

/** Plans and runs in process, keeping every trace (tests and small runs). */
export function simulateDomain(
  name: string,
  domain: NegotiationDomain,
  names: string[][],
  input: SimulateInput,
  discounts: number[] = domain.stakeholders.map(() => 1),
  calendar?: Calendar,
): Simulation {
  const plan = planDomainSimulation(name, domain, names, input, {
    discounts,
    ...(calendar ? { calendar } : {}),
    withTrace: true,
  });
  return plan.finish(runInProcess(plan.job));
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

/** GENIUS XML: the domain, then one profile per party, named profile-1, profile-2, … or by file. */
export function planGeniusSimulation(
  files: readonly GeniusText[],
  input: SimulateInput,
  withTrace = false,
): SimulationPlan {
  if (input.from !== undefined) throw new ParleyError('usage', '`from` applies to case folders only');
  if (input.scenario !== undefined)
    throw new ParleyError(
      'usage',
      '`scenario` applies to case folders only (a scenario of the analyst model)',
    );
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
  return planDomainSimulation(baseName(files[0]!.file), imported.negotiation, names.map(unique), input, {
    discounts,
    withTrace,
  });
}

export const simulateGeniusFiles = (files: readonly GeniusText[], input: SimulateInput): Simulation => {
  const plan = planGeniusSimulation(files, input, true);
  return plan.finish(runInProcess(plan.job));
};

/**
 * A case's model on its calendar from `first`: the additive domain of that day (without the
 * interactions: fold it, or restrict it to an agenda and then fold) and each round's day and limits.
 */
export function caseCalendar(
  prepared: CaseBargaining,
  first: string,
  days: number,
): { domain: NegotiationDomain; calendar: Calendar } {
  const list = consecutiveDays(first, days);
  return {
    domain: domainOn(prepared, first),
    calendar: {
      days: list,
      reservationValues: list.map((day) =>
        domainOn(prepared, day).stakeholders.map((s) => s.reservationValue),
      ),
    },
  };
}

/**
 * A case on its calendar: round r is day from + r − 1 (from: `from`, default the case's asOf), the
 * utilities are the model's with its interactions (played on the folded domain, reported on the
 * case's issues), and each stakeholder's reservation value is the model's for the day.
 */
export function planCaseSimulation(
  caseData: Case,
  input: SimulateInput,
  caseName: string,
  withTrace = false,
): SimulationPlan {
  const given = modelInputFor(caseData, input.scenario, caseName);
  // The scenario applied once, here: the calendar's default first day is the scenario model's too.
  const model = { ...given, model: applyScenario(given.model, input.scenario), scenario: undefined };
  const first = asOfDay(dayToAnalyse(model, input.from));
  const prepared = prepare(model);
  const { calendar } = caseCalendar(prepared, first, input.deadline);
  // Folding leaves each day's reservation values as they are, so the calendar stands.
  const folded = analysedOn(prepared, first);
  const { domain } = folded;
  const parties = partyIndices(domain);
  const names = parties.map((q) => [domain.stakeholders[q]!.id]);
  const scripts = new Map(
    parties.map((q, k) => {
      const recorded = scriptedPositions(caseData, prepared, domain.stakeholders[q]!.id);
      return [k, foldPositions(folded, domain.stakeholders[q]!.scores, recorded)] as const;
    }),
  );
  return planDomainSimulation(model.caseId, domain, names, input, {
    calendar,
    scripts,
    withTrace,
    folded,
    ...(input.scenario ? { scenario: input.scenario } : {}),
  });
}

export const simulateCaseModel = (caseData: Case, input: SimulateInput, caseName: string): Simulation => {
  const plan = planCaseSimulation(caseData, input, caseName, true);
  return plan.finish(runInProcess(plan.job));
};

const baseName = (file: string) =>
  file
    .split(/[\\/]/)
    .pop()!
    .replace(/\.xml$/i, '');

const unique = (names: string[]) => [...new Set(names)];
