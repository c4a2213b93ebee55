import { ParleyError } from '@parley/model/errors.ts';
import { parseEdtf } from '@parley/model/edtf.ts';
import type { AnalystModel, IssueValuation, StakeholderModel } from '@parley/model/schema/analyst-model.ts';
import { interactionTerms } from './case-interactions.ts';
import { foldTerms, type FoldedDomain } from './nonlinear/fold-terms.ts';
import type { RectangleTerm } from './nonlinear/interacting-utility.ts';
import { countText, type NegotiationDomain, type Stakeholder } from './outcome-space.ts';

/**
 * The most values a number issue of a case model may take (grid points plus curve breakpoints).
 * Lower than MAX_ISSUE_OPTIONS because a case's report runs a whole-model search for each value
 * (the joint ZOPA), with and without the guarantors: with the embedded model, 2,000 values take about 12 s and
 * 8,000 about 35 s (docs/deals.md, "Limits").
 */
export const MAX_GRID_VALUES = 1_000;

/**
 * Turns a case's agenda and its analyst model (model.yaml) into the additive domain the engines
 * run on.
 *
 * Options per issue kind: boolean → `yes`, `no`; choice → the issue's option ids; set → the
 * packages the model lists for it; number → the model's grid for it, merged with every breakpoint
 * of every stakeholder's curve (so stated positions such as 85,000 and 250,000 troops are on the
 * grid). Results for number issues are exact over that grid.
 *
 * A stakeholder's utility = Σ weight × score / Σ weight over the issues it values (0..1); issues
 * it does not value count 0. The model's interactions add their bonus or penalty on top (as
 * hyper-rectangle terms, `terms`); analyses run on analysedOn, which accounts for them exactly. Set packages score the sum of their members' contributions, clamped
 * to [0, 1]; curves interpolate linearly and hold their end values beyond their ends.
 */

/** The facts about an issue the model needs (the case's Issue record fits). */
export interface ModelIssue {
  id: string;
  title?: string;
  kind: 'boolean' | 'choice' | 'number' | 'set' | 'text';
  options?: { id: string; label: string }[];
  unit?: string;
  members?: string[];
}

export interface CaseIssue {
  id: string;
  title: string;
  kind: ModelIssue['kind'];
  unit?: string;
  /** Option ids (number issues: grid values as strings). */
  options: string[];
  labels: string[];
  /** number issues: the grid values. */
  values?: number[];
}

export interface CaseBargaining {
  issues: CaseIssue[];
  /** Without reservation values (they depend on the date): see atDate. */
  stakeholders: Omit<Stakeholder, 'reservationValue'>[];
  /** Per model stakeholder: its interactions as hyper-rectangle terms (case-interactions.ts). */
  terms: RectangleTerm[][];
  model: AnalystModel;
}

export function optionsOf(
  issue: ModelIssue,
  model: AnalystModel,
): { options: string[]; labels: string[]; values?: number[] } {
  switch (issue.kind) {
    case 'boolean':
      return { options: ['yes', 'no'], labels: ['yes', 'no'] };
    case 'choice': {
      const options = (issue.options ?? []).map((o) => o.id);
      return { options, labels: (issue.options ?? []).map((o) => o.label) };
    }
    case 'set': {
      const packages = model.packages[issue.id];
      if (!packages)
        throw new ParleyError(
          'invalid-model',
          `set issue "${issue.id}" needs its packages listed under packages.${issue.id}`,
        );
      return { options: packages.map((p) => p.id), labels: packages.map((p) => p.label) };
    }
    case 'number': {
      const grid = model.grids[issue.id];
      if (!grid)
        throw new ParleyError(
          'invalid-model',
          `number issue "${issue.id}" needs a grid under grids.${issue.id}`,
        );
      const size = gridSize(issue.id, model);
      if (size > MAX_GRID_VALUES)
        throw new ParleyError('invalid-model', `number issue "${issue.id}": ${gridSizeProblem(size)}`);
      const values = new Set<number>();
      if ('points' in grid) grid.points.forEach((x) => values.add(x));
      else {
        const count = Math.floor((grid.to - grid.from) / grid.step + 1e-9);
        for (let k = 0; k <= count; k++) values.add(grid.from + k * grid.step);
      }
      for (const s of model.stakeholders) s.issues[issue.id]?.curve?.value.forEach(([x]) => values.add(x));
      const sorted = [...values].sort((a, b) => a - b);
      const unit = issue.unit ? ` ${issue.unit}` : '';
      return { options: sorted.map(String), labels: sorted.map((x) => `${x}${unit}`), values: sorted };
    }
    case 'text':
      throw new ParleyError(
        'invalid-model',
        `issue "${issue.id}" is a text issue; the bargaining model scores boolean, choice, number and set issues only`,
      );
  }
}

/**
 * At most how many values a number issue takes: its grid's points plus every curve breakpoint
 * (counted without building the grid, so a grid of 10^9 points costs nothing to check).
 */
export function gridSize(issueId: string, model: AnalystModel): number {
  const grid = model.grids[issueId];
  if (!grid) return 0;
  const points =
    'points' in grid ? grid.points.length : Math.floor((grid.to - grid.from) / grid.step + 1e-9) + 1;
  const breakpoints = model.stakeholders.reduce(
    (n, s) => n + (s.issues[issueId]?.curve?.value.length ?? 0),
    0,
  );
  return points + breakpoints;
}

/** The message for a number issue with too many values. */
export function gridSizeProblem(size: number): string {
  return `its grid and curve breakpoints make up to ${countText(size)} values, above the limit of ${countText(MAX_GRID_VALUES)} per number issue (see "Limits" in docs/deals.md); use a coarser step`;
}

/** Score of option k of an issue under one valuation, before weighting. */
export function optionScore(
  valuation: IssueValuation,
  issue: CaseIssue,
  k: number,
  model: AnalystModel,
): number {
  if (valuation.scores) return valuation.scores.value[issue.options[k]!] ?? 0;
  if (valuation.curve) return interpolate(valuation.curve.value, issue.values![k]!);
  const packages = model.packages[issue.id] ?? [];
  const members = packages.find((p) => p.id === issue.options[k])?.members ?? [];
  const sum = members.reduce((s, m) => s + (valuation.members?.value[m] ?? 0), 0);
  return Math.min(1, Math.max(0, sum));
}

export function interpolate(points: [number, number][], x: number): number {
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  if (x <= sorted[0]![0]) return sorted[0]![1];
  for (let k = 1; k < sorted.length; k++) {
    const [x1, y1] = sorted[k]!;
    const [x0, y0] = sorted[k - 1]!;
    if (x <= x1) return x1 === x0 ? y1 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return sorted[sorted.length - 1]![1];
}

export function buildCaseBargaining(agenda: ModelIssue[], model: AnalystModel): CaseBargaining {
  const byId = new Map(agenda.map((i) => [i.id, i]));
  const used: string[] = [];
  for (const s of model.stakeholders) {
    for (const id of Object.keys(s.issues)) {
      if (!byId.has(id))
        throw new ParleyError(
          'invalid-model',
          `${s.actor} values issue "${id}", which is not on the case's agenda`,
        );
      if (!used.includes(id)) used.push(id);
    }
  }
  // An issue only an interaction names still needs its options.
  for (const s of model.stakeholders)
    for (const x of s.interactions ?? [])
      for (const id of Object.keys(x.when)) if (byId.has(id) && !used.includes(id)) used.push(id);
  // Agenda order, so reports read like the case.
  const issues: CaseIssue[] = agenda
    .filter((i) => used.includes(i.id))
    .map((i) => ({ id: i.id, title: i.title ?? i.id, kind: i.kind, unit: i.unit, ...optionsOf(i, model) }));
  const guarantorIssue = model.guarantorIssue ? issues.findIndex((i) => i.id === model.guarantorIssue) : -1;
  if (model.guarantorIssue && guarantorIssue < 0)
    throw new ParleyError(
      'invalid-model',
      `guarantorIssue "${model.guarantorIssue}" is not valued by any stakeholder`,
    );
  const stakeholders = model.stakeholders.map((s) => {
    const total = Object.values(s.issues).reduce((sum, v) => sum + v.weight.value, 0);
    const scores = issues.map((issue) => {
      const valuation = s.issues[issue.id];
      if (!valuation || total === 0) return issue.options.map(() => 0);
      return issue.options.map(
        (_, k) => (valuation.weight.value / total) * optionScore(valuation, issue, k, model),
      );
    });
    const stakeholder: Omit<Stakeholder, 'reservationValue'> = { id: s.actor, role: s.role, scores };
    if (s.role === 'guarantor' && guarantorIssue >= 0) {
      const packages = model.packages[model.guarantorIssue!] ?? [];
      stakeholder.obligedWhen = {
        issue: guarantorIssue,
        options: issues[guarantorIssue]!.options.flatMap((id, k) =>
          packages.find((p) => p.id === id)?.members.includes(s.actor) ? [k] : [],
        ),
      };
    }
    return stakeholder;
  });
  return { issues, stakeholders, terms: interactionTerms(issues, model), model };
}

/** The first day a date stands for (a month means its first day; an interval, its start). */
export const dayOf = (date: string) => parseEdtf(date).earliest;

/** Reservation value of a stakeholder on a day (the last point on or before it), or undefined. */
export function reservationOn(s: StakeholderModel, day: string): number | undefined {
  let value: number | undefined;
  for (const point of [...s.reservation].sort((a, b) => (dayOf(a.date) < dayOf(b.date) ? -1 : 1))) {
    if (dayOf(point.date) <= day) value = point.value;
  }
  return value;
}

/** The domain on a day; throws a ParleyError (invalid-model) when a stakeholder has no reservation value yet. */
export function domainOn(
  bargaining: CaseBargaining,
  day: string,
  options: { partiesOnly?: boolean } = {},
): NegotiationDomain {
  const stakeholders: Stakeholder[] = [];
  bargaining.model.stakeholders.forEach((s, k) => {
    const base = bargaining.stakeholders[k]!;
    if (options.partiesOnly && base.role !== 'party') return;
    const reservationValue = reservationOn(s, day);
    if (reservationValue === undefined) {
      const first = s.reservation.map((p) => dayOf(p.date)).sort()[0];
      throw new ParleyError(
        'invalid-model',
        `${s.actor} has no reservation value before ${first} (asked for ${day})`,
      );
    }
    stakeholders.push({ ...base, reservationValue });
  });
  return {
    issues: bargaining.issues.map((i) => ({ name: i.id, options: i.options })),
    stakeholders,
  };
}

/**
 * The domain every bargaining analysis of a day runs on: domainOn's, with the model's interactions
 * folded in exactly (nonlinear/fold-terms.ts). Without interactions it is domainOn's domain, and
 * with them its packages are the case's packages by `unfold`.
 */
export function analysedOn(
  bargaining: CaseBargaining,
  day: string,
  options: { partiesOnly?: boolean } = {},
): FoldedDomain {
  const terms = bargaining.terms.filter(
    (_, k) => !options.partiesOnly || bargaining.stakeholders[k]!.role === 'party',
  );
  return foldTerms(domainOn(bargaining, day, options), terms, bargaining.terms);
}

/** Every day on which some reservation value changes, ascending, with the events behind it. */
export function changeDays(model: AnalystModel): { day: string; events: string[] }[] {
  const days = new Map<string, Set<string>>();
  for (const s of model.stakeholders) {
    for (const p of s.reservation) {
      const day = dayOf(p.date);
      if (!days.has(day)) days.set(day, new Set());
      days.get(day)!.add(p.event);
    }
  }
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, events]) => ({ day, events: [...events].sort() }));
}
