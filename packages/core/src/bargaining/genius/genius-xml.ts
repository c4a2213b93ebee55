import { ParleyError } from '@parley/model/errors.ts';
import { countText, MAX_ISSUE_OPTIONS, type NegotiationDomain } from '../outcome-space.ts';
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
 * Semantics, as GENIUS evaluates a bid:
 * - utility = Σ issue weight × issue evaluation;
 * - a discrete issue's evaluation is the item's `evaluation` divided by the largest evaluation of
 *   that issue (so the best item scores 1);
 * - an integer issue (lowerbound..upperbound, every integer an option) evaluates
 *   offset + slope × (value − lowerbound), clamped to [0, 1];
 * - weights must sum to 1. Sums within WEIGHT_SUM_TOLERANCE are accepted and divided by their sum
 *   (published ANAC profiles sum to 1.000052); larger deviations are an error unless the caller
 *   asks to normalise them;
 * - the disagreement point is the profile's `<reservation value>` (0 when absent). The
 *   `<discount_factor>` is reported but does not enter the analysis (it concerns timing, and
 *   these analyses are timeless).
 *
 * Beyond GENIUS, Parley refuses an issue with more than MAX_ISSUE_OPTIONS values, weights whose
 * sum overflows, and a profile under which every outcome is worth 0; a profile given where the
 * domain belongs is a usage error.
 */

export const WEIGHT_SUM_TOLERANCE = 1e-3;

export type GeniusIssue =
  | { index: number; name: string; kind: 'discrete'; values: string[] }
  | { index: number; name: string; kind: 'integer'; lower: number; upper: number };

export interface GeniusDomain {
  name: string;
  issues: GeniusIssue[];
}

export interface GeniusProfile {
  file: string;
  /** Per domain issue: the weight as written. */
  weights: number[];
  weightSum: number;
  /** Per domain issue, per option: evaluation in [0, 1] (before weighting). */
  evaluations: number[][];
  reservationValue: number;
  /** True when the file gave no reservation value (so 0 is used). */
  reservationDefaulted: boolean;
  discountFactor?: number;
}

/** The options of an issue as labels (integers as decimal strings). */
export function optionLabels(issue: GeniusIssue): string[] {
  if (issue.kind === 'discrete') return issue.values;
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

function issueKind(issue: XmlElement): string {
  return (issue.attributes.type ?? issue.attributes.vtype ?? issue.attributes.etype ?? 'discrete').trim();
}

/** Whether an <objective> holds preferences (weights, evaluations): a profile, not a domain. */
function holdsPreferences(objective: XmlElement): boolean {
  return (
    childrenNamed(objective, 'weight').length > 0 ||
    childrenNamed(objective, 'issue').some(
      (issue) =>
        childrenNamed(issue, 'evaluator').length > 0 ||
        childrenNamed(issue, 'item').some((item) => item.attributes.evaluation !== undefined),
    )
  );
}

const tooMany = (name: string, count: number) =>
  `issue "${name}" has ${countText(count)} values, above the limit of ${countText(MAX_ISSUE_OPTIONS)} per issue (see "Limits" in docs/deals.md)`;

export function parseGeniusDomain(text: string, file: string): GeniusDomain {
  const doc: XmlDocument = parseXmlDocument(text, file);
  const objective = objectiveOf(doc, utilitySpace(doc));
  if (holdsPreferences(objective))
    throw new ParleyError(
      'usage',
      `${file} is a GENIUS preference profile (it weights or evaluates the issues), not a domain: give the domain file first, then the profiles (parley deals genius <domain.xml> <profile.xml>…)`,
    );
  const elements = childrenNamed(objective, 'issue');
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
      if (upper - lower + 1 > MAX_ISSUE_OPTIONS) doc.fail(element, tooMany(name, upper - lower + 1));
      return { index, name, kind, lower, upper };
    }
    return doc.fail(
      element,
      `issue "${name}" has type "${kind}"; Parley reads discrete and integer issues only`,
    );
  });
  return { name: objective.attributes.name ?? file, issues };
}

export function parseGeniusProfile(
  text: string,
  file: string,
  domain: GeniusDomain,
  options: { normalizeWeights?: boolean } = {},
): GeniusProfile {
  const doc: XmlDocument = parseXmlDocument(text, file);
  const space = utilitySpace(doc);
  const objective = objectiveOf(doc, space);
  const issueElements = childrenNamed(objective, 'issue');
  const weightElements = childrenNamed(objective, 'weight');
  const weights: number[] = [];
  const evaluations: number[][] = [];
  for (const issue of domain.issues) {
    const element = issueElements.find((e) => Number(e.attributes.index) === issue.index);
    if (!element)
      doc.fail(objective, `the profile has no evaluation for domain issue ${issue.index} ("${issue.name}")`);
    if (element.attributes.name !== undefined && element.attributes.name !== issue.name)
      doc.fail(
        element,
        `issue ${issue.index} is "${element.attributes.name}" here but "${issue.name}" in the domain`,
      );
    const weightElement = weightElements.find((e) => Number(e.attributes.index) === issue.index);
    if (!weightElement)
      doc.fail(objective, `the profile has no <weight> for issue ${issue.index} ("${issue.name}")`);
    const weight = numberAttribute(doc, weightElement, 'value');
    if (weight < 0) doc.fail(weightElement, `the weight of issue "${issue.name}" is negative`);
    weights.push(weight);
    evaluations.push(
      issue.kind === 'discrete'
        ? discreteEvaluations(doc, element, issue)
        : integerEvaluations(doc, element, issue),
    );
  }
  for (const element of issueElements) {
    if (!domain.issues.some((issue) => issue.index === Number(element.attributes.index)))
      doc.fail(element, `issue ${element.attributes.index ?? '?'} is not in the domain`);
  }
  const weightSum = weights.reduce((s, w) => s + w, 0);
  if (!(weightSum > 0)) doc.fail(objective, 'the issue weights sum to 0');
  if (!Number.isFinite(weightSum))
    doc.fail(
      weightElements[0] ?? objective,
      'the issue weights sum to more than the largest number (utilities divide by that sum); GENIUS weights sum to 1',
    );
  // The best outcome takes each issue's best value; when even it is worth 0, so is every outcome.
  const best = evaluations.reduce((s, row, i) => s + weights[i]! * Math.max(...row), 0);
  if (!(best > 0))
    doc.fail(
      objective,
      'every outcome is worth 0 under this profile (the evaluations of every weighted issue are 0), so it prefers nothing; give the values evaluations',
    );
  if (Math.abs(weightSum - 1) > WEIGHT_SUM_TOLERANCE && !options.normalizeWeights) {
    doc.fail(
      weightElements[0] ?? objective,
      `the issue weights sum to ${weightSum}, not 1 (GENIUS requires 1; pass --normalize-weights to divide them by their sum)`,
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
    reservationValue,
    reservationDefaulted: !reservation,
    discountFactor: discount ? numberAttribute(doc, discount, 'value') : undefined,
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

function integerEvaluations(
  doc: XmlDocument,
  element: XmlElement,
  issue: Extract<GeniusIssue, { kind: 'integer' }>,
): number[] {
  const evaluator = childrenNamed(element, 'evaluator')[0];
  if (!evaluator) doc.fail(element, `integer issue "${issue.name}" has no <evaluator>`);
  const ftype = evaluator.attributes.ftype ?? 'linear';
  if (ftype !== 'linear') doc.fail(evaluator, `evaluator type "${ftype}" is not supported (only linear)`);
  const slope = numberAttribute(doc, evaluator, 'slope');
  const offset = numberAttribute(doc, evaluator, 'offset');
  return optionLabels(issue).map((_, k) => Math.min(1, Math.max(0, offset + slope * k)));
}

export interface ImportedGenius {
  domain: GeniusDomain;
  profiles: GeniusProfile[];
  /** The additive domain: one party per profile, scores = normalised weight × evaluation. */
  negotiation: NegotiationDomain;
}

export function importGenius(
  domainFile: { text: string; file: string },
  profileFiles: { text: string; file: string }[],
  options: { normalizeWeights?: boolean } = {},
): ImportedGenius {
  const domain = parseGeniusDomain(domainFile.text, domainFile.file);
  const profiles = profileFiles.map((p) => parseGeniusProfile(p.text, p.file, domain, options));
  return { domain, profiles, negotiation: toNegotiationDomain(domain, profiles) };
}

export function toNegotiationDomain(domain: GeniusDomain, profiles: GeniusProfile[]): NegotiationDomain {
  return {
    issues: domain.issues.map((issue) => ({ name: issue.name, options: optionLabels(issue) })),
    stakeholders: profiles.map((profile, k) => ({
      id: profileId(profile.file, k),
      role: 'party' as const,
      scores: profile.evaluations.map((row, i) =>
        row.map((e) => (profile.weights[i]! / profile.weightSum) * e),
      ),
      reservationValue: profile.reservationValue,
    })),
  };
}

/** A readable, unique id from the profile's file name. */
function profileId(file: string, k: number): string {
  const base = file
    .split(/[\\/]/)
    .pop()!
    .replace(/\.xml$/i, '');
  return `${k + 1}:${base}`;
}
