import { ParleyError } from '@parley/model/errors.ts';
import { z } from 'zod';
import { countText, MAX_ISSUE_OPTIONS, type NegotiationDomain } from '../outcome-space.ts';

/**
 * GeniusWeb linear-additive profiles (JSON). A profile embeds its domain; every profile given
 * must use the same one. Value utilities: `discreteutils` / `DiscreteValueSetUtilities`
 * (a utility per value) and `numberutils` / `NumberValueSetUtilities` (linear between
 * lowValue→lowUtility and highValue→highUtility, 0 outside). Number issues are GeniusWeb's
 * `NumberValueSet`, `{"range": {"low": …, "high": …, "step": …}}`, searched on that grid. Issue weights must sum to 1 (within 1e-6).
 * The reservation value is the utility of the profile's `reservationBid` (0 without one).
 */

const decimal = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);
const discrete = z.strictObject({ valueUtilities: z.record(z.string(), decimal) });
const numeric = z.strictObject({
  lowValue: decimal,
  lowUtility: decimal,
  highValue: decimal,
  highUtility: decimal,
});
const valueSetUtilities = z.union([
  z.strictObject({ discreteutils: discrete }),
  z.strictObject({ DiscreteValueSetUtilities: discrete }),
  z.strictObject({ numberutils: numeric }),
  z.strictObject({ NumberValueSetUtilities: numeric }),
]);
const issueValues = z.union([
  z.strictObject({ values: z.array(z.string()).min(1) }),
  z.strictObject({ range: z.strictObject({ low: decimal, high: decimal, step: decimal }) }),
]);
const profileSchema = z.strictObject({
  LinearAdditiveUtilitySpace: z.object({
    name: z.string().optional(),
    issueUtilities: z.record(z.string(), valueSetUtilities),
    issueWeights: z.record(z.string(), decimal),
    domain: z.object({ name: z.string(), issuesValues: z.record(z.string(), issueValues) }),
    reservationBid: z
      .object({ issuevalues: z.record(z.string(), z.union([z.string(), z.number()])) })
      .nullable()
      .optional(),
  }),
});

type Profile = z.infer<typeof profileSchema>['LinearAdditiveUtilitySpace'];

function parseProfile(text: string, file: string): Profile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ParleyError('invalid-genius', `${file}: not valid JSON: ${(error as Error).message}`);
  }
  const parsed = profileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : '(top level)';
    throw new ParleyError('invalid-genius', `${file}: ${where}: ${issue.message}`);
  }
  return parsed.data.LinearAdditiveUtilitySpace;
}

function optionsOf(values: z.infer<typeof issueValues>): string[] {
  if ('values' in values) return values.values;
  const { low, high, step } = values.range;
  if (!(step > 0) || high < low)
    throw new ParleyError(
      'invalid-genius',
      `range low ${low}, high ${high}, step ${step} is not a valid grid`,
    );
  const count = Math.floor((high - low) / step + 1e-9);
  if (count + 1 > MAX_ISSUE_OPTIONS)
    throw new ParleyError(
      'invalid-genius',
      `range low ${low}, high ${high}, step ${step} has ${countText(count + 1)} values, above the limit of ${countText(MAX_ISSUE_OPTIONS)} per issue (see "Limits" in docs/deals.md)`,
    );
  return Array.from({ length: count + 1 }, (_, k) => String(low + k * step));
}

export function importGeniusWeb(files: { text: string; file: string }[]): NegotiationDomain {
  const profiles = files.map((f) => ({ file: f.file, profile: parseProfile(f.text, f.file) }));
  const first = profiles[0]!.profile.domain;
  const issues = Object.entries(first.issuesValues).map(([name, values]) => ({
    name,
    options: optionsOf(values),
  }));
  const stakeholders = profiles.map(({ file, profile }, k) => {
    if (JSON.stringify(profile.domain.issuesValues) !== JSON.stringify(first.issuesValues))
      throw new ParleyError(
        'invalid-genius',
        `${file}: its domain differs from the domain of ${profiles[0]!.file}`,
      );
    const sum = Object.values(profile.issueWeights).reduce((s, w) => s + w, 0);
    if (Math.abs(sum - 1) > 1e-6)
      throw new ParleyError('invalid-genius', `${file}: issueWeights sum to ${sum}, not 1`);
    const scores = issues.map((issue) => {
      const weight = profile.issueWeights[issue.name];
      const utilities = profile.issueUtilities[issue.name];
      if (weight === undefined)
        throw new ParleyError(
          'invalid-genius',
          `${file}: issueWeights has no weight for issue "${issue.name}"`,
        );
      if (!utilities)
        throw new ParleyError(
          'invalid-genius',
          `${file}: issueUtilities has no entry for issue "${issue.name}"`,
        );
      return issue.options.map((option) => weight * valueUtility(utilities, option, file, issue.name));
    });
    let reservationValue = 0;
    const bid = profile.reservationBid?.issuevalues;
    if (bid) {
      reservationValue = issues.reduce((s, issue, i) => {
        const j = issue.options.indexOf(String(bid[issue.name]));
        if (j < 0)
          throw new ParleyError(
            'invalid-genius',
            `${file}: reservationBid has no valid value for issue "${issue.name}"`,
          );
        return s + scores[i]![j]!;
      }, 0);
    }
    return { id: `${k + 1}:${profile.name ?? file}`, role: 'party' as const, scores, reservationValue };
  });
  return { issues, stakeholders };
}

function valueUtility(
  utilities: z.infer<typeof valueSetUtilities>,
  option: string,
  file: string,
  issue: string,
): number {
  if ('discreteutils' in utilities || 'DiscreteValueSetUtilities' in utilities) {
    const set = 'discreteutils' in utilities ? utilities.discreteutils : utilities.DiscreteValueSetUtilities;
    const u = set.valueUtilities[option];
    if (u === undefined)
      throw new ParleyError(
        'invalid-genius',
        `${file}: issue "${issue}" has no utility for value "${option}"`,
      );
    return u;
  }
  const n = 'numberutils' in utilities ? utilities.numberutils : utilities.NumberValueSetUtilities;
  const x = Number(option);
  if (x < n.lowValue || x > n.highValue) return 0;
  return n.lowUtility + ((n.highUtility - n.lowUtility) * (x - n.lowValue)) / (n.highValue - n.lowValue);
}
