import { z } from 'zod';
import type { Case } from '@parley/model/case.ts';
import { ParleyError } from '@parley/model/errors.ts';
import { prepare } from '@parley/core/bargaining/case-report.ts';
import { agreementSet } from '@parley/core/bargaining/agreement.ts';
import { partyIndices, type NegotiationDomain } from '@parley/core/bargaining/outcome-space.ts';
import type { Calendar } from '@parley/core/simulate/calendar.ts';
import { acceptanceName } from '@parley/core/simulate/acceptance.ts';
import type { GuarantorKnowledge } from '@parley/core/simulate/guarantors.ts';
import { targetAt } from '@parley/core/simulate/tactics/time-dependent.ts';
import { onAgenda } from '@parley/core/simulate/agenda.ts';
import { wilson, type Estimate } from '@parley/core/simulate/measures.ts';
import {
  agreementCurve,
  type MonteCarloSpec,
  type PlayDraw,
  type RunRecord,
} from '@parley/core/simulate/monte-carlo.ts';
import { edtfDateField, asOfDay, wholeNumber } from '../inputs/fields.ts';
import { modelInputFor } from '../deals/model-input.ts';
import { caseAgendas, type Agenda } from './agendas.ts';
import { caseCalendar, type MonteCarloJob } from './simulate.ts';
import { foldOnAgenda } from './interactions.ts';
import { assignGuarantors, assignSpecs, parseAcceptance, parseNoise, parseTactic } from './tactic-spec.ts';

/**
 * The ceasefire-first question (`parley simulate whatif`): under each scenario of the analyst
 * model, how likely is agreement, day by day, if the parties bargain over the comprehensive
 * agenda, a narrow first agreement, or the framework's agenda (agendas.ts)? Each cell is a Monte
 * Carlo of SAOP runs on the case calendar (core monte-carlo.ts) on the agenda's issues only
 * (core agenda.ts), with the interactions among them folded in (interactions.ts). Everything it reports is model output on assumptions.
 */
export const whatIfInput = z.object({
  runs: wholeNumber('runs', 1, 1_000_000).default(200),
  seed: wholeNumber('seed', 0, 4_294_967_295).default(1),
  deadline: wholeNumber('deadline', 1, 1_000).default(60),
  from: edtfDateField('from', '2022-03-29').optional(),
  tactic: z.array(z.string()).default([]),
  accept: z.array(z.string()).default([]),
  /** What the parties know of the guarantors: `mode` or `party=mode`; default informed. */
  guarantors: z.array(z.string()).default([]),
  noise: z.string().optional(),
  workers: wholeNumber('workers', 1, 256).optional(),
});
export type WhatIfInput = z.output<typeof whatIfInput>;

/**
 * Each party's tactic unless told: e drawn from Boulware to Conceder, accepting by AC_next or, on
 * its last chance, anything at or above its limit (AC_last: rejecting then means no deal; AC_next
 * alone turned down packages in a thin agreement set on the final day).
 */
export const WHAT_IF_PLAY: PlayDraw = {
  tactic: { kind: 'time-dependent', e: { low: 0.1, high: 2 } },
  acceptance: { kind: 'or', of: [{ kind: 'next' }, { kind: 'last' }] },
};

export interface WhatIfCell {
  scenario: string;
  agenda: Agenda['id'];
  /** Stakeholders whose signature the agenda needs: the parties, and guarantors if it names them. */
  signatories: string[];
  agreement: Estimate;
  /** Share of runs agreed by the end of each day (cumulative), day 1 … deadline. */
  curve: number[];
  /** Days of the first and last agreement in any run. */
  firstDay?: string;
  lastDay?: string;
  endings: { deadline: number; walkedAway: Record<string, number> };
  vetoes: Record<string, number>;
  /**
   * The agreement set on the agenda, from each day the reservation values change: its margin (the
   * best package's smallest surplus over a signatory's limit; < 0: no package suits every
   * signatory) and who binds. Runs cannot agree while it is negative.
   */
  window: AgendaWindow[];
  /** Why the cell's runs agreed as often as they did, in one sentence (model terms). */
  why: string;
}

export interface AgendaWindow {
  from: string;
  margin: number;
  binding: string[];
}

/** The agreement set's margin over the calendar, once per stretch of unchanged reservation values. */
function agendaWindow(domain: NegotiationDomain, calendar: Calendar): AgendaWindow[] {
  const out: AgendaWindow[] = [];
  let last = '';
  calendar.days.forEach((day, r) => {
    const limits = calendar.reservationValues[r]!;
    if (limits.join() === last) return;
    last = limits.join();
    const set = agreementSet({
      ...domain,
      stakeholders: domain.stakeholders.map((s, q) => ({ ...s, reservationValue: limits[q]! })),
    });
    out.push({ from: day, margin: set.margin, binding: set.binding });
  });
  return out;
}

export interface WhatIfReport {
  caseId: string;
  from: string;
  to: string;
  runs: number;
  seed: number;
  tactics: Record<string, string>;
  acceptances: Record<string, string>;
  /** What each party knows of the guarantors (core simulate/guarantors.ts). */
  guarantors: Record<string, GuarantorKnowledge>;
  agendas: Agenda[];
  scenarios: { id: string; title: string }[];
  cells: WhatIfCell[];
}

export interface WhatIfPlan {
  jobs: { scenario: string; agenda: Agenda['id']; job: MonteCarloJob; window: AgendaWindow[] }[];
  finish(records: readonly (readonly RunRecord[])[]): WhatIfReport;
}

export function planWhatIf(caseData: Case, input: WhatIfInput, caseName: string): WhatIfPlan {
  const base = modelInputFor(caseData, undefined, caseName);
  const agendas = caseAgendas(caseData, prepare(base));
  const framework = agendas.find((a) => a.id === 'framework');
  const first = input.from ? asOfDay(input.from) : (framework?.date ?? asOfDay(base.asOf ?? ''));
  const scenarios = [
    { id: 'baseline', title: 'Baseline' },
    ...base.model.scenarios.map((s) => ({ id: s.id, title: s.title })),
  ];
  const noise = input.noise === undefined ? undefined : parseNoise(input.noise);
  const jobs: WhatIfPlan['jobs'] = [];
  let tactics: Record<string, string> = {};
  let acceptances: Record<string, string> = {};
  let guarantors: Record<string, GuarantorKnowledge> = {};
  for (const scenario of scenarios) {
    const prepared = prepare({ ...base, scenario: scenario.id === 'baseline' ? undefined : scenario.id });
    const { domain, calendar } = caseCalendar(prepared, first, input.deadline);
    const parties = partyIndices(domain);
    const names = new Map(parties.map((q, k) => [domain.stakeholders[q]!.id, k]));
    const drawn = assignSpecs('--tactic', input.tactic, names, parseTactic);
    if (drawn.some((t) => t?.kind === 'scripted' || t?.kind === 'subgame-perfect'))
      throw new ParleyError(
        'usage',
        'whatif compares agendas with formula tactics; scripted and subgame-perfect do not apply',
      );
    const accepts = assignSpecs('--accept', input.accept, names, parseAcceptance);
    const knowledge = assignGuarantors(input.guarantors, names);
    const plays = parties.map((_, k) => ({
      tactic: drawn[k] ?? WHAT_IF_PLAY.tactic,
      acceptance: accepts[k] ?? WHAT_IF_PLAY.acceptance,
      guarantors: knowledge[k]!,
    }));
    guarantors = Object.fromEntries(parties.map((q, k) => [domain.stakeholders[q]!.id, knowledge[k]!]));
    tactics = Object.fromEntries(
      parties.map((q) => {
        const id = domain.stakeholders[q]!.id;
        return [id, input.tactic.find((t) => t.startsWith(`${id}=`))?.slice(id.length + 1) ?? 'time:0.1..2'];
      }),
    );
    acceptances = Object.fromEntries(
      parties.map((q, k) => [domain.stakeholders[q]!.id, acceptanceName(plays[k]!.acceptance)]),
    );
    for (const agenda of agendas) {
      const issues = agenda.issues.map((id) => prepared.issues.findIndex((i) => i.id === id));
      const shares = prepared.model.stakeholders.map((s) => {
        const total = Object.values(s.issues).reduce((sum, v) => sum + v.weight.value, 0);
        const on = agenda.issues.reduce((sum, id) => sum + (s.issues[id]?.weight.value ?? 0), 0);
        return total > 0 ? on / total : 0;
      });
      const restricted = onAgenda(domain, calendar, issues, shares);
      const played = foldOnAgenda(domain, restricted.domain, prepared.terms, issues, shares).domain;
      const spec: MonteCarloSpec = {
        protocol: 'saop',
        deadline: input.deadline,
        plays,
        seed: input.seed,
        calendar: restricted.calendar,
        ...(noise !== undefined ? { modelNoise: noise } : {}),
      };
      jobs.push({
        scenario: scenario.id,
        agenda: agenda.id,
        job: { domain: played, spec, runs: input.runs, withTrace: false },
        window: agendaWindow(played, restricted.calendar),
      });
    }
  }
  const days = jobs[0]?.job.spec.calendar?.days ?? [];
  return {
    jobs,
    finish(records) {
      const cells = jobs.map(({ scenario, agenda, job, window }, k): WhatIfCell => {
        const runs = records[k]!;
        const agreed = runs.filter((r) => r.agreement);
        const rounds = agreed.map((r) => r.agreement!.round);
        const walkedAway: Record<string, number> = {};
        const vetoes: Record<string, number> = {};
        for (const r of runs) {
          if (r.walkedAway) walkedAway[r.walkedAway] = (walkedAway[r.walkedAway] ?? 0) + 1;
          for (const [id, n] of Object.entries(r.vetoes)) vetoes[id] = (vetoes[id] ?? 0) + n;
        }
        return {
          scenario,
          agenda,
          signatories: job.domain.stakeholders.map((s) => s.id),
          agreement: wilson(agreed.length, runs.length),
          curve: agreementCurve(runs, input.deadline),
          ...(rounds.length
            ? { firstDay: days[Math.min(...rounds) - 1]!, lastDay: days[Math.max(...rounds) - 1]! }
            : {}),
          endings: { deadline: runs.filter((r) => r.ending === 'deadline').length, walkedAway },
          vetoes,
          window,
          why: whyCell(job, window, runs, scenario),
        };
      });
      return {
        caseId: base.caseId,
        from: days[0]!,
        to: days.at(-1)!,
        runs: input.runs,
        seed: input.seed,
        tactics,
        acceptances,
        guarantors,
        agendas,
        scenarios,
        cells,
      };
    },
  };
}

const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length % 2
    ? sorted[sorted.length >> 1]!
    : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
};

/**
 * Why a cell agreed as often as it did: whether the agreement set is open on any day (if not, no
 * tactic can agree); if it is, when, how wide, and — for time-dependent parties — how far above
 * its limit each party's concession curve still was on the last open day (median over the runs'
 * drawn e), with the runs whose agreement a signatory vetoed.
 */
function whyCell(
  job: MonteCarloJob,
  window: AgendaWindow[],
  runs: readonly RunRecord[],
  scenario: string,
): string {
  const calendar = job.spec.calendar!;
  const days = calendar.days;
  const entryOn = (day: string) => window.filter((w) => w.from <= day).at(-1)!;
  const open = days.flatMap((day, r) => (entryOn(day).margin >= -1e-12 ? [r] : []));
  if (open.length === 0) {
    const best = window.reduce((b, w) => (w.margin > b.margin ? w : b));
    return `no package every required signatory prefers to no deal on any day under ${scenario} (best margin ${signed(best.margin)} from ${best.from}, binding ${best.binding.join(', ')}), so no tactic can agree`;
  }
  const last = open.at(-1)!;
  const widest = Math.max(...open.map((r) => entryOn(days[r]!).margin));
  const stretch = `the agreement set is open on ${open.length} of ${days.length} days (${days[open[0]!]} to ${days[last]}, days ${open[0]! + 1}–${last + 1}), margin at most ${signed(widest)}`;
  const agreed = runs.filter((r) => r.agreement).length;
  const vetoed = runs.filter((r) => !r.agreement && Object.keys(r.vetoes).length > 0).length;
  const parties = partyIndices(job.domain);
  const demands = parties.flatMap((q, k) => {
    const tactic = job.spec.plays[k]!.tactic;
    if (tactic.kind !== 'time-dependent' || tactic.k !== undefined) return [];
    const s = job.domain.stakeholders[q]!;
    const best = s.scores.reduce((sum, row) => sum + Math.max(...row), 0);
    const rv = calendar.reservationValues[last]![q]!;
    const time = (last * parties.length + k) / (days.length * parties.length);
    const asked = runs.flatMap((r) => {
      const e = r.drawn[k];
      return typeof e === 'number' ? [targetAt({ time, reservationValue: rv, best }, e) - rv] : [];
    });
    return asked.length ? [`${signed(median(asked))} (${s.id})`] : [];
  });
  const parts = [
    stretch,
    demands.length
      ? `on ${days[last]} the parties' concession curves, paced to day ${days.length}, still asked ${demands.join(' and ')} above their limits (median run)`
      : '',
    vetoed ? `${vetoed} runs without agreement had a package the parties accepted vetoed by a signatory` : '',
    agreed === 0 ? 'no run agreed while it was open' : `${agreed} of ${runs.length} runs agreed`,
  ];
  return parts.filter(Boolean).join('; ');
}
