import { ParleyError } from '@parley/model/errors.ts';
import { countText, MAX_ISSUE_OPTIONS, type NegotiationDomain } from '../outcome-space.ts';
import { clampedLinear, type PiecewiseLinear } from '../continuous/mixed-domain.ts';
import {
  childrenNamed,
  numberAttribute,
  parseXmlDocument,
  type XmlDocument,
  type XmlElement,
} from './xml-document.ts';

/**
 * GENIUS (the ANAC competition platform) domain and preference-profile XML.
 *
 * Semantics, as GENIUS (genius.core.utility.AdditiveUtilitySpace) evaluates a bid:
 * - utility = min(1, Σ issue weight × issue evaluation), over every issue of the objective tree:
 *   issues inside nested `<objective>` elements count like top-level ones (GENIUS flattens the
 *   tree). An issue's weight is the `<weight index=…>` beside it, in its own parent element; an
 *   objective's own weight is ignored, as GENIUS ignores it;
 * - weights are read as written: GENIUS neither requires nor forces a sum of 1 (the competition ran
 *   profiles summing to 0.989 and 1.0075). A sum other than 1 is reported as a warning; with
 *   `normalizeWeights` the weights are divided by their sum instead (then no cap is needed);
 * - a discrete issue's evaluation is the item's `evaluation` divided by the largest evaluation of
 *   that issue (so the best item scores 1);
 * - an integer issue (lowerbound..upperbound, every integer an option) evaluates, clamped to
 *   [0, 1], offset + slope × (value − lowerbound) (`ftype="linear"`, GENIUS's default) or one
 *   constant for every value (`ftype="constant"`: `parameter0`, or `offset`);
 * - the disagreement point is the profile's `<reservation value>` (0 when absent). The
 *   `<discount_factor>` is reported but does not enter the analysis (it concerns timing, and
 *   these analyses are timeless).
 *
 * - a real issue (`<range lowerbound upperbound>`, or those attributes on the issue) evaluates,
 *   clamped to [0, 1], parameter0 + parameter1 × value (GENIUS's EvaluatorReal: the value itself,
 *   not its distance from the lower bound); an evaluator written with offset and slope instead
 *   reads like an integer issue's. Real issues, and integer issues with more than
 *   MAX_ISSUE_OPTIONS values, are read only with `ranges: true` (genius-ranges.ts), as ranges.
 *
 * Not read: non-linear (hyper-rectangle) utility spaces (nonlinear/), other evaluator types; each
 * is refused with a located message. Beyond GENIUS, Parley refuses an issue with more than
 * MAX_ISSUE_OPTIONS values, weights whose sum overflows, and a profile under which every outcome
 * is worth 0; a profile given where the domain belongs is a usage error.
 */

/**
 * A best attainable utility above 1 + CAP_TOLERANCE makes the cap at 1 bind on some packages.
 * Below it the excess is float noise of weights written to sum to 1 (0.1 + 0.2 + 0.7), and the
 * utilities stay additive.
 */
export const CAP_TOLERANCE = 1e-12;

export type GeniusIssue =
  | { index: number; name: string; kind: 'discrete'; values: string[] }
  | { index: number; name: string; kind: 'integer'; lower: number; upper: number }
  | { index: number; name: string; kind: 'real'; lower: number; upper: number };

/** A real issue, or an integer issue too wide to list: read as a range (genius-ranges.ts). */
export const isRangeIssue = (issue: GeniusIssue): boolean =>
  issue.kind === 'real' || (issue.kind === 'integer' && issue.upper - issue.lower + 1 > MAX_ISSUE_OPTIONS);

export interface GeniusDomain {
  name: string;
  /** Every issue of the objective tree, nested ones included, in document order. */
  issues: GeniusIssue[];
  /** Objectives nested inside the root objective (0 for a flat domain). */
  nestedObjectives: number;
}

/** How profile weights become utilities: as GENIUS reads them, or divided by their sum. */
export type WeightHandling = 'raw' | 'normalized';

export interface GeniusProfile {
  file: string;
  /** Per domain issue: the weight as written. */
  weights: number[];
  weightSum: number;
  /**
   * Per domain issue, per option: evaluation in [0, 1] (before weighting). For a range issue, the
   * evaluations at the kinks of `rangeEvaluations` (so the best of the row is the issue's best).
   */
  evaluations: number[][];
  /** Per domain issue: the evaluation of a range issue as a function of the number, else null. */
  rangeEvaluations: (PiecewiseLinear | null)[];
  reservationValue: number;
  /** True when the file gave no reservation value (so 0 is used). */
  reservationDefaulted: boolean;
  discountFactor?: number;
  /** Best attainable Σ weight × evaluation under the weight handling, before any cap. */
  bestUtility: number;
  /** True when some package's Σ weight × evaluation exceeds 1, so GENIUS's cap at 1 binds. */
  capped: boolean;
  /** What the reader noticed but accepted (weights not summing to 1, ignored objective weights). */
  warnings: string[];
}

/** The options of an issue as labels (integers as decimal strings). */
export function optionLabels(issue: GeniusIssue): string[] {
  if (issue.kind === 'discrete') return issue.values;
  if (isRangeIssue(issue))
    throw new ParleyError(
      'usage',
      `issue "${issue.name}" is a range, not a list of options (genius-ranges.ts)`,
    );
  return Array.from({ length: issue.upper - issue.lower + 1 }, (_, k) => String(issue.lower + k));
}

/** The <utility_space> of a file, whether or not it is wrapped in <negotiation_template>. */
function utilitySpace(doc: XmlDocument): XmlElement {
  if (doc.root.name === 'utility_space') return doc.root;
  const inner = childrenNamed(doc.root, 'utility_space')[0];
  if (!inner) doc.fail(doc.root, `expected a <utility_space> element, found <${doc.root.name}>`);
  return inner;
}

function objectiveOf(doc: XmlDocument, space: XmlElement): XmlElement {
  const objective = childrenNamed(space, 'objective')[0];
  if (!objective) doc.fail(space, '<utility_space> has no <objective> element');
  return objective;
}

/** An issue element with the element it sits in (its weight is written there). */
interface IssueSite {
  element: XmlElement;
  parent: XmlElement;
}

/** Every issue under `objective`, nested objectives included, in document order. */
function issueSites(objective: XmlElement): IssueSite[] {
  return objective.children.flatMap((child): IssueSite[] => {
    if (child.name === 'issue') return [{ element: child, parent: objective }];
    if (child.name === 'objective') return issueSites(child);
    return [];
  });
}

/** Objectives nested (at any depth) inside `objective`, with the element each sits in. */
function nestedObjectives(objective: XmlElement): IssueSite[] {
  return childrenNamed(objective, 'objective').flatMap((child) => [
    { element: child, parent: objective },
    ...nestedObjectives(child),
  ]);
}

function issueKind(issue: XmlElement): string {
  return (issue.attributes.type ?? issue.attributes.vtype ?? issue.attributes.etype ?? 'discrete').trim();
}

/** Whether an objective tree holds preferences (weights, evaluations): a profile, not a domain. */
function holdsPreferences(objective: XmlElement): boolean {
  return (
    childrenNamed(objective, 'weight').length > 0 ||
    childrenNamed(objective, 'objective').some(holdsPreferences) ||
    childrenNamed(objective, 'issue').some(
      (issue) =>
        childrenNamed(issue, 'evaluator').length > 0 ||
        childrenNamed(issue, 'item').some((item) => item.attributes.evaluation !== undefined),
    )
  );
}

/** GENIUS's non-linear spaces (`type="nonlinear"`, hyper-rectangle constraints) are not additive. */
function refuseNonLinear(doc: XmlDocument, space: XmlElement): void {
  const type = space.attributes.type?.trim();
  const constraint = (e: XmlElement): XmlElement | undefined =>
    e.name === 'ufun' || e.name === 'hyperRectangle' ? e : e.children.map(constraint).find(Boolean);
  const found = constraint(space);
  if ((type !== undefined && type.toLowerCase() !== 'linear') || found)
    doc.fail(
      type !== undefined ? space : found!,
      `non-linear (hyper-rectangle) utility spaces are not supported yet${type !== undefined ? ` (this one has type="${type}")` : ''}: Parley reads linear additive GENIUS profiles only`,
    );
}

const tooMany = (name: string, count: number) =>
  `issue "${name}" has ${countText(count)} values, above the limit of ${countText(MAX_ISSUE_OPTIONS)} per issue (see "Limits" in docs/deals.md)`;

/** A real issue's bounds: on a `<range>` child (GENIUS's form) or on the issue itself. */
function realBounds(doc: XmlDocument, element: XmlElement, name: string): { lower: number; upper: number } {
  const range = childrenNamed(element, 'range')[0] ?? element;
  const lower = numberAttribute(doc, range, 'lowerbound');
  const upper = numberAttribute(doc, range, 'upperbound');
  if (!(upper >= lower)) doc.fail(range, `real issue "${name}" needs lowerbound ≤ upperbound`);
  return { lower, upper };
}

/**
 * With `ranges`, real issues and integer issues above MAX_ISSUE_OPTIONS values are read as
 * ranges (for the range engine); without it they are refused, as the discrete engines need lists.
 */
export function parseGeniusDomain(
  text: string,
  file: string,
  options: { ranges?: boolean } = {},
): GeniusDomain {
  const doc: XmlDocument = parseXmlDocument(text, file);
  const objective = objectiveOf(doc, utilitySpace(doc));
  if (holdsPreferences(objective))
    throw new ParleyError(
      'usage',
      `${file} is a GENIUS preference profile (it weights or evaluates the issues), not a domain: give the domain file first, then the profiles (parley deals genius <domain.xml> <profile.xml>…)`,
    );
  const elements = issueSites(objective).map((site) => site.element);
  if (elements.length === 0) doc.fail(objective, 'the domain declares no <issue>');
  const seen = new Set<number>();
  const issues = elements.map((element): GeniusIssue => {
    const index = numberAttribute(doc, element, 'index');
    if (seen.has(index)) doc.fail(element, `issue index ${index} appears twice`);
    seen.add(index);
    const name = element.attributes.name;
    if (!name) doc.fail(element, `issue ${index} has no name`);
    const kind = issueKind(element);
    if (kind === 'discrete') {
      const values = childrenNamed(element, 'item').map((item) => {
        const value = item.attributes.value;
        if (value === undefined) doc.fail(item, `an <item> of issue "${name}" has no value`);
        return value;
      });
      if (values.length === 0) doc.fail(element, `discrete issue "${name}" has no <item>`);
      if (values.length > MAX_ISSUE_OPTIONS) doc.fail(element, tooMany(name, values.length));
      const duplicate = values.find((v, k) => values.indexOf(v) !== k);
      if (duplicate !== undefined) doc.fail(element, `issue "${name}" lists the value "${duplicate}" twice`);
      return { index, name, kind, values };
    }
    if (kind === 'integer') {
      const lower = numberAttribute(doc, element, 'lowerbound');
      const upper = numberAttribute(doc, element, 'upperbound');
      if (!Number.isInteger(lower) || !Number.isInteger(upper) || upper < lower)
        doc.fail(element, `integer issue "${name}" needs integer bounds with lowerbound ≤ upperbound`);
      if (upper - lower + 1 > MAX_ISSUE_OPTIONS && !options.ranges)
        doc.fail(element, tooMany(name, upper - lower + 1));
      return { index, name, kind, lower, upper };
    }
    if (kind === 'real' && options.ranges) return { index, name, kind, ...realBounds(doc, element, name) };
    return doc.fail(
      element,
      `issue "${name}" has type "${kind}"; Parley reads discrete and integer issues only`,
    );
  });
  return {
    name: objective.attributes.name ?? file,
    issues,
    nestedObjectives: nestedObjectives(objective).length,
  };
}

/** The `<weight index=…>` written beside an element (in the element that contains it). */
const weightBeside = (site: IssueSite) =>
  childrenNamed(site.parent, 'weight').find(
    (w) => Number(w.attributes.index) === Number(site.element.attributes.index),
  );

const where = (site: IssueSite) =>
  site.parent.name === 'objective' && site.parent.attributes.name !== undefined
    ? ` in objective "${site.parent.attributes.name}"`
    : '';

export function parseGeniusProfile(
  text: string,
  file: string,
  domain: GeniusDomain,
  options: { normalizeWeights?: boolean } = {},
): GeniusProfile {
  const doc: XmlDocument = parseXmlDocument(text, file);
  const space = utilitySpace(doc);
  refuseNonLinear(doc, space);
  const objective = objectiveOf(doc, space);
  const sites = issueSites(objective);
  const weights: number[] = [];
  const evaluations: number[][] = [];
  const rangeEvaluations: (PiecewiseLinear | null)[] = [];
  for (const issue of domain.issues) {
    const site = sites.find((s) => Number(s.element.attributes.index) === issue.index);
    if (!site)
      doc.fail(objective, `the profile has no evaluation for domain issue ${issue.index} ("${issue.name}")`);
    const element = site.element;
    if (element.attributes.name !== undefined && element.attributes.name !== issue.name)
      doc.fail(
        element,
        `issue ${issue.index} is "${element.attributes.name}" here but "${issue.name}" in the domain`,
      );
    const weightElement = weightBeside(site);
    if (!weightElement)
      doc.fail(
        site.parent,
        `the profile has no <weight> for issue ${issue.index} ("${issue.name}")${where(site)} (GENIUS reads an issue's weight beside it)`,
      );
    const weight = numberAttribute(doc, weightElement, 'value');
    if (weight < 0) doc.fail(weightElement, `the weight of issue "${issue.name}" is negative`);
    weights.push(weight);
    const range =
      isRangeIssue(issue) && issue.kind !== 'discrete' ? rangeEvaluation(doc, element, issue) : null;
    rangeEvaluations.push(range);
    evaluations.push(
      range
        ? range.ys
        : issue.kind === 'discrete'
          ? discreteEvaluations(doc, element, issue)
          : integerEvaluations(doc, element, issue as Extract<GeniusIssue, { kind: 'integer' }>),
    );
  }
  for (const { element } of sites) {
    if (!domain.issues.some((issue) => issue.index === Number(element.attributes.index)))
      doc.fail(element, `issue ${element.attributes.index ?? '?'} is not in the domain`);
  }
  const firstWeight = sites.map(weightBeside).find(Boolean) ?? objective;
  const weightSum = weights.reduce((s, w) => s + w, 0);
  if (!(weightSum > 0)) doc.fail(objective, 'the issue weights sum to 0');
  if (!Number.isFinite(weightSum))
    doc.fail(
      firstWeight,
      'the issue weights sum to more than the largest number (utilities divide by that sum); GENIUS weights sum to 1',
    );
  // The best outcome takes each issue's best value; when even it is worth 0, so is every outcome.
  const scale = options.normalizeWeights ? 1 / weightSum : 1;
  const bestUtility = evaluations.reduce((s, row, i) => s + scale * weights[i]! * Math.max(...row), 0);
  if (!(bestUtility > 0))
    doc.fail(
      objective,
      'every outcome is worth 0 under this profile (the evaluations of every weighted issue are 0), so it prefers nothing; give the values evaluations',
    );
  const capped = bestUtility > 1 + CAP_TOLERANCE;
  const warnings: string[] = [];
  if (Math.abs(weightSum - 1) > CAP_TOLERANCE) {
    const at = `${file}:${firstWeight.line}:${firstWeight.column}`;
    warnings.push(
      options.normalizeWeights
        ? `${at}: the issue weights sum to ${weightSum}, not 1; divided by their sum (--normalize-weights)`
        : `${at}: the issue weights sum to ${weightSum}, not 1; read as GENIUS reads them, as written${capped ? `, so the best package scores ${bestUtility} and utilities are capped at 1` : `, so no package scores more than ${bestUtility}`} (--normalize-weights divides them by their sum instead)`,
    );
  }
  for (const nested of nestedObjectives(objective)) {
    const weight = weightBeside(nested);
    const value = weight ? Number(weight.attributes.value) : undefined;
    if (weight && value !== 1)
      warnings.push(
        `${file}:${weight.line}:${weight.column}: objective "${nested.element.attributes.name ?? nested.element.attributes.index ?? '?'}" has weight ${weight.attributes.value}, which GENIUS ignores: each issue inside it counts with its own weight`,
      );
  }
  const reservation = childrenNamed(space, 'reservation')[0];
  const discount = childrenNamed(space, 'discount_factor')[0];
  const reservationValue = reservation ? numberAttribute(doc, reservation, 'value') : 0;
  if (reservation && (reservationValue < 0 || reservationValue > 1))
    doc.fail(reservation, `the reservation value ${reservationValue} is outside [0, 1]`);
  return {
    file,
    weights,
    weightSum,
    evaluations,
    rangeEvaluations,
    reservationValue,
    reservationDefaulted: !reservation,
    discountFactor: discount ? numberAttribute(doc, discount, 'value') : undefined,
    bestUtility,
    capped,
    warnings,
  };
}

function discreteEvaluations(
  doc: XmlDocument,
  element: XmlElement,
  issue: Extract<GeniusIssue, { kind: 'discrete' }>,
): number[] {
  const items = childrenNamed(element, 'item');
  const raw = issue.values.map((value) => {
    const item = items.find((i) => i.attributes.value === value);
    if (!item) doc.fail(element, `value "${value}" of issue "${issue.name}" has no evaluation`);
    const evaluation = numberAttribute(doc, item, 'evaluation');
    if (evaluation < 0) doc.fail(item, `value "${value}" of issue "${issue.name}" has a negative evaluation`);
    return evaluation;
  });
  for (const item of items) {
    if (!issue.values.includes(item.attributes.value ?? ''))
      doc.fail(
        item,
        `value "${item.attributes.value ?? ''}" is not a value of issue "${issue.name}" in the domain`,
      );
  }
  const best = Math.max(...raw);
  return raw.map((e) => (best > 0 ? e / best : 0));
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * An integer issue's `<evaluator>`: linear (offset + slope × (value − lowerbound), the lower bound
 * as the profile writes it, else the domain's) or constant (`parameter0`, else `offset`), clamped
 * to [0, 1] as GENIUS clamps them.
 */
/** A linear evaluator: clamp01(offset + slope × (value − origin)); a constant one has slope 0. */
interface LinearEvaluator {
  offset: number;
  slope: number;
  origin: number;
}

function linearEvaluator(
  doc: XmlDocument,
  element: XmlElement,
  issue: Exclude<GeniusIssue, { kind: 'discrete' }>,
): LinearEvaluator {
  const evaluator = childrenNamed(element, 'evaluator')[0];
  if (!evaluator) doc.fail(element, `${issue.kind} issue "${issue.name}" has no <evaluator>`);
  const ftype = (evaluator.attributes.ftype ?? 'linear').trim().toLowerCase();
  if (ftype === 'constant') {
    const name = evaluator.attributes.parameter0 !== undefined ? 'parameter0' : 'offset';
    if (evaluator.attributes[name] === undefined)
      doc.fail(
        evaluator,
        `the constant evaluator of ${issue.kind} issue "${issue.name}" needs its value in parameter0 (or offset)`,
      );
    return { offset: clamp01(numberAttribute(doc, evaluator, name)), slope: 0, origin: 0 };
  }
  if (ftype !== 'linear')
    doc.fail(
      evaluator,
      `${issue.kind} issue "${issue.name}": evaluator type "${evaluator.attributes.ftype}" is not supported (Parley reads linear and constant evaluators)`,
    );
  // GENIUS's real evaluator: parameter0 + parameter1 × value.
  if (issue.kind === 'real' && evaluator.attributes.slope === undefined)
    return {
      offset: numberAttribute(doc, evaluator, 'parameter0'),
      slope: numberAttribute(doc, evaluator, 'parameter1'),
      origin: 0,
    };
  const slope = numberAttribute(doc, evaluator, 'slope');
  const offset = numberAttribute(doc, evaluator, 'offset');
  const origin =
    issue.kind === 'integer' && element.attributes.lowerbound !== undefined
      ? numberAttribute(doc, element, 'lowerbound')
      : issue.lower;
  return { offset, slope, origin };
}

function integerEvaluations(
  doc: XmlDocument,
  element: XmlElement,
  issue: Extract<GeniusIssue, { kind: 'integer' }>,
): number[] {
  const { offset, slope, origin } = linearEvaluator(doc, element, issue);
  return optionLabels(issue).map((v) => clamp01(offset + slope * (Number(v) - origin)));
}

/** A range issue's evaluation as a piecewise-linear function of the number. */
function rangeEvaluation(
  doc: XmlDocument,
  element: XmlElement,
  issue: Exclude<GeniusIssue, { kind: 'discrete' }>,
): PiecewiseLinear {
  const { offset, slope, origin } = linearEvaluator(doc, element, issue);
  return clampedLinear(issue.lower, issue.upper, offset, slope, origin);
}

export interface ImportedGenius {
  domain: GeniusDomain;
  profiles: GeniusProfile[];
  weightHandling: WeightHandling;
  /**
   * The additive domain: one party per profile, scores = weight × evaluation (divided by the
   * weight sum when normalised). A party whose profile is `capped` scores min(1, Σ scores).
   */
  negotiation: NegotiationDomain;
  /** Per party: whether its utility is min(1, Σ scores) with the cap binding on some package. */
  caps: boolean[];
}

export function importGenius(
  domainFile: { text: string; file: string },
  profileFiles: { text: string; file: string }[],
  options: { normalizeWeights?: boolean } = {},
): ImportedGenius {
  const domain = parseGeniusDomain(domainFile.text, domainFile.file);
  const profiles = profileFiles.map((p) => parseGeniusProfile(p.text, p.file, domain, options));
  const weightHandling: WeightHandling = options.normalizeWeights ? 'normalized' : 'raw';
  return {
    domain,
    profiles,
    weightHandling,
    negotiation: toNegotiationDomain(domain, profiles, weightHandling),
    caps: profiles.map((p) => p.capped),
  };
}

export function toNegotiationDomain(
  domain: GeniusDomain,
  profiles: GeniusProfile[],
  weightHandling: WeightHandling = 'raw',
): NegotiationDomain {
  return {
    issues: domain.issues.map((issue) => ({ name: issue.name, options: optionLabels(issue) })),
    stakeholders: profiles.map((profile, k) => ({
      id: profileId(profile.file, k),
      role: 'party' as const,
      scores: profile.evaluations.map((row, i) => {
        const weight =
          weightHandling === 'normalized' ? profile.weights[i]! / profile.weightSum : profile.weights[i]!;
        return row.map((e) => weight * e);
      }),
      reservationValue: profile.reservationValue,
    })),
  };
}

/** A readable, unique id from the profile's file name. */
export function profileId(file: string, k: number): string {
  const base = file
    .split(/[\\/]/)
    .pop()!
    .replace(/\.xml$/i, '');
  return `${k + 1}:${base}`;
}
