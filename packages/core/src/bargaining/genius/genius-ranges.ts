import { ParleyError } from '@parley/model/errors.ts';
import { scaled, type MixedDomain } from '../continuous/mixed-domain.ts';
import {
  isRangeIssue,
  optionLabels,
  parseGeniusDomain,
  parseGeniusProfile,
  profileId,
  type GeniusDomain,
  type GeniusProfile,
  type WeightHandling,
} from './genius-xml.ts';

/**
 * GENIUS files with real issues, or integer issues too wide to list, as a mixed domain: ranges for
 * those issues (continuous/), lists of options for the others. Everything else reads as in
 * genius-xml.ts (weights, reservation values, clamping of evaluators to [0, 1]).
 *
 * GENIUS caps a utility at 1 when the weights let it exceed 1; that cap is not additive, so a
 * profile where it binds is refused here (--normalize-weights divides the weights by their sum).
 */

export interface ImportedGeniusRanges {
  domain: GeniusDomain;
  profiles: GeniusProfile[];
  weightHandling: WeightHandling;
  mixed: MixedDomain;
}

/** Whether a GENIUS domain file declares a real issue or an integer issue too wide to list. */
export function hasRangeIssues(domainText: string, file: string): boolean {
  return parseGeniusDomain(domainText, file, { ranges: true }).issues.some(isRangeIssue);
}

export function importGeniusRanges(
  domainFile: { text: string; file: string },
  profileFiles: { text: string; file: string }[],
  options: { normalizeWeights?: boolean } = {},
): ImportedGeniusRanges {
  const domain = parseGeniusDomain(domainFile.text, domainFile.file, { ranges: true });
  const profiles = profileFiles.map((p) => parseGeniusProfile(p.text, p.file, domain, options));
  for (const p of profiles) {
    if (p.capped)
      throw new ParleyError(
        'usage',
        `${p.file}: the issue weights sum to ${p.weightSum}, so GENIUS caps some utilities at 1, which is not additive; the range engine needs additive utilities (--normalize-weights divides the weights by their sum)`,
      );
  }
  const weightHandling: WeightHandling = options.normalizeWeights ? 'normalized' : 'raw';
  const weightOf = (p: GeniusProfile, i: number) =>
    weightHandling === 'normalized' ? p.weights[i]! / p.weightSum : p.weights[i]!;
  const listed = domain.issues.flatMap((issue, i) => (isRangeIssue(issue) ? [] : [i]));
  const ranged = domain.issues.flatMap((issue, i) => (isRangeIssue(issue) ? [i] : []));
  const mixed: MixedDomain = {
    discrete: listed.map((i) => ({ name: domain.issues[i]!.name, options: optionLabels(domain.issues[i]!) })),
    ranges: ranged.map((i) => {
      const issue = domain.issues[i]! as Exclude<GeniusDomain['issues'][number], { kind: 'discrete' }>;
      return { name: issue.name, lower: issue.lower, upper: issue.upper, integer: issue.kind === 'integer' };
    }),
    parties: profiles.map((p, k) => ({
      id: profileId(p.file, k),
      reservationValue: p.reservationValue,
      discrete: listed.map((i) => p.evaluations[i]!.map((e) => weightOf(p, i) * e)),
      ranges: ranged.map((i) => scaled(p.rangeEvaluations[i]!, weightOf(p, i))),
    })),
  };
  return { domain, profiles, weightHandling, mixed };
}
