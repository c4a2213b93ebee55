import type { AnalystModel } from '@parley/model/schema/analyst-model.ts';
import { agreementSet, type AgreementSet } from './agreement.ts';
import { applyScenario } from './assumptions.ts';
import {
  analysedOn,
  buildCaseBargaining,
  dayOf,
  reservationOn,
  type CaseBargaining,
  type ModelIssue,
} from './case-model.ts';
import { dealWindow } from './deal-window.ts';
import type { FoldedDomain } from './nonlinear/fold-terms.ts';
import type { Candidate } from './objectives.ts';
import { outcomeCount, partyIndices, type NegotiationDomain } from './outcome-space.ts';
import { paretoFrontier } from './pareto.ts';
import { bargainingSolutions, SOLUTION_NAMES, type SolutionName } from './solutions.ts';
import { zopaFor, type IssueZopa } from './zopa.ts';

/**
 * The JSON-ready reports behind `parley deals` and `parley deals window`. Plain data in, plain
 * data out; the CLI only formats them.
 */

export interface PackageReport {
  /** Issue id → option id (number issues: the grid value as a string). */
  package: Record<string, string>;
  /** Actor → utility (0..1). */
  utilities: Record<string, number>;
}

export interface AgreementReport extends PackageReport {
  open: boolean;
  margin: number;
  binding: string[];
  certificate: { proven: boolean; upperBound: number; nodes: number };
}

export type SolutionReport =
  | (PackageReport & { value: number; certificate: { proven: boolean; upperBound: number; nodes: number } })
  | { reason: string };

export interface DealsReport {
  case: string;
  /** The date asked for, as given. */
  at: string;
  /** The day analysed (a day; the app reads a month or year `at` as its last day). */
  day: string;
  scenario: string | null;
  issues: string[];
  outcomes: number;
  reservationValues: Record<string, { value: number; event: string; role: 'party' | 'guarantor' }>;
  agreement: { withGuarantors: AgreementReport; partiesOnly: AgreementReport };
  pareto: { parties: string[]; size: number | null; reason?: string };
  solutions: {
    withGuarantors: Record<SolutionName, SolutionReport>;
    partiesOnly: Record<SolutionName, SolutionReport>;
  };
  zopa: IssueZopa[];
}

export function packageReport(domain: NegotiationDomain, candidate: Candidate): PackageReport {
  const pkg: Record<string, string> = {};
  domain.issues.forEach((issue, i) => {
    pkg[issue.name] = issue.options[candidate.outcome[i]!]!;
  });
  const utilities: Record<string, number> = {};
  domain.stakeholders.forEach((s, q) => {
    utilities[s.id] = candidate.utilities[q]!;
  });
  return { package: pkg, utilities };
}

/** A package of the analysed domain as the case's issues and options name it. */
function casePackage(analysed: FoldedDomain, candidate: Candidate): PackageReport {
  return packageReport(analysed.original, { ...candidate, outcome: analysed.unfold(candidate.outcome) });
}

function agreementReport(analysed: FoldedDomain, set: AgreementSet): AgreementReport {
  return {
    open: set.open,
    margin: set.margin,
    binding: set.binding,
    ...casePackage(analysed, set.package),
    certificate: {
      proven: set.certificate.proven,
      upperBound: set.certificate.upperBound,
      nodes: set.certificate.nodes,
    },
  };
}

function solutionReports(analysed: FoldedDomain): Record<SolutionName, SolutionReport> {
  const solved = bargainingSolutions(analysed.domain);
  const out = {} as Record<SolutionName, SolutionReport>;
  for (const name of SOLUTION_NAMES) {
    const point = solved.points[name];
    out[name] =
      'candidate' in point
        ? {
            ...casePackage(analysed, point.candidate),
            value: point.candidate.value,
            certificate: {
              proven: point.certificate.proven,
              upperBound: point.certificate.upperBound,
              nodes: point.certificate.nodes,
            },
          }
        : { reason: point.reason };
  }
  return out;
}

export interface CaseModelInput {
  caseId: string;
  agenda: ModelIssue[];
  model: AnalystModel;
  scenario?: string;
  /** The first day of each negotiating round (rounds.yaml): the clock of discounts per round. */
  roundDays?: string[];
}

export function prepare(input: CaseModelInput): CaseBargaining {
  return buildCaseBargaining(input.agenda, applyScenario(input.model, input.scenario));
}

export function dealsReport(input: CaseModelInput, at: string): DealsReport {
  const bargaining = prepare(input);
  const day = dayOf(at);
  // Interactions folded in (analysedOn); the ZOPA's number issues are never folded.
  const analysed = analysedOn(bargaining, day);
  const partiesAnalysed = analysedOn(bargaining, day, { partiesOnly: true });
  const domain = analysed.domain;
  const partiesDomain = partiesAnalysed.domain;
  const foldedIssues = analysed.groups.map((g) => bargaining.issues[g[0]!]!);
  const reservationValues: DealsReport['reservationValues'] = {};
  for (const s of bargaining.model.stakeholders) {
    const point = [...s.reservation].reverse().find((p) => dayOf(p.date) <= day)!;
    reservationValues[s.actor] = { value: reservationOn(s, day)!, event: point.event, role: s.role };
  }
  const frontier = paretoFrontier(domain);
  const partiesAgreement = agreementSet(partiesDomain);
  return {
    case: input.caseId,
    at,
    day,
    scenario: input.scenario ?? null,
    issues: bargaining.issues.map((i) => i.id),
    outcomes: outcomeCount(domain),
    reservationValues,
    agreement: {
      withGuarantors: agreementReport(analysed, agreementSet(domain)),
      partiesOnly: agreementReport(partiesAnalysed, partiesAgreement),
    },
    pareto: {
      parties: partyIndices(domain).map((p) => domain.stakeholders[p]!.id),
      size: frontier.size,
      ...(frontier.size === null ? { reason: frontier.reason } : {}),
    },
    solutions: { withGuarantors: solutionReports(analysed), partiesOnly: solutionReports(partiesAnalysed) },
    zopa: bargaining.issues.flatMap((issue, i) =>
      issue.kind === 'number'
        ? [
            zopaFor(
              domain,
              partiesDomain,
              foldedIssues,
              analysed.position[i]!,
              partiesAgreement.package.outcome,
            ),
          ]
        : [],
    ),
  };
}

export interface WindowReport {
  case: string;
  scenario: string | null;
  from: string | null;
  to: string | null;
  /** How time costs, when some stakeholder discounts (null: time costs nothing). */
  time: { convention: string; discounts: Record<string, { value: number; per: 'day' | 'round' }> } | null;
  intervals: {
    from: string;
    until: string | null;
    events: string[];
    /** Actor → share of utility left on `from` (d^t); null when no stakeholder discounts. */
    discount: Record<string, number> | null;
    withGuarantors: AgreementReport;
    partiesOnly: AgreementReport;
  }[];
  open: { from: string; until: string | null }[];
  openForPartiesOnly: { from: string; until: string | null }[];
}

export function windowReport(input: CaseModelInput, range: { from?: string; to?: string }): WindowReport {
  const bargaining = prepare(input);
  const window = dealWindow(
    bargaining,
    {
      from: range.from && dayOf(range.from),
      to: range.to && dayOf(range.to),
    },
    input.roundDays,
  );
  const discounts = Object.fromEntries(
    bargaining.model.stakeholders.flatMap((s) =>
      s.discount ? [[s.actor, { value: s.discount.value, per: s.discount.per }]] : [],
    ),
  );
  return {
    case: input.caseId,
    scenario: input.scenario ?? null,
    from: range.from ?? null,
    to: range.to ?? null,
    time: window.convention ? { convention: window.convention, discounts } : null,
    intervals: window.intervals.map((interval) => ({
      from: interval.from,
      until: interval.until ?? null,
      events: interval.events,
      discount: interval.discount ?? null,
      withGuarantors: agreementReport(analysedOn(bargaining, interval.from), interval.withGuarantors),
      partiesOnly: agreementReport(
        analysedOn(bargaining, interval.from, { partiesOnly: true }),
        interval.partiesOnly,
      ),
    })),
    open: window.open.map((r) => ({ from: r.from, until: r.until ?? null })),
    openForPartiesOnly: window.openForPartiesOnly.map((r) => ({ from: r.from, until: r.until ?? null })),
  };
}
