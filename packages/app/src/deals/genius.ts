import { ParleyError } from '@parley/model/errors.ts';
import {
  geniusReport,
  NORMALIZED_WEIGHTS,
  profileInfo,
  RAW_WEIGHTS,
  type GeniusReport,
} from '@parley/core/bargaining/genius/genius-report.ts';
import { importGenius } from '@parley/core/bargaining/genius/genius-xml.ts';
import { geniusRangesReport, isRangeGenius } from '@parley/core/bargaining/genius/genius-ranges-report.ts';
import { geniusTime } from '@parley/core/bargaining/discount.ts';
import { importGeniusWeb } from '@parley/core/bargaining/genius/geniusweb-import.ts';
import {
  importInteractingGenius,
  isNonLinearProfile,
} from '@parley/core/bargaining/nonlinear/genius-nonlinear.ts';
import { interactingGeniusReport } from '@parley/core/bargaining/nonlinear/interacting-report.ts';
import type { GeniusInput } from './input.ts';
import { searchBudget } from './search-budget.ts';

/** Adds the discounting section when some profile gives a discount factor (discount.ts). */
const withTime = (report: GeniusReport): GeniusReport =>
  report.profiles.some((p) => p.discountFactor !== null) ? { ...report, time: geniusTime(report) } : report;

/** A file's name, as messages show it, and its text. */
export interface GeniusText {
  file: string;
  text: string;
}

/**
 * Analyses a negotiation given as GENIUS XML (the domain, then one profile per party) or as
 * GeniusWeb JSON profiles (every file `.json`): its size, Pareto frontier and bargaining points,
 * each under the convention asked for.
 */
export function geniusFromFiles(
  files: readonly GeniusText[],
  input: Pick<GeniusInput, 'normalizeWeights'> & Partial<GeniusInput>,
): GeniusReport {
  if (files.length > 0 && files.every(({ file }) => file.toLowerCase().endsWith('.json'))) {
    const domain = importGeniusWeb([...files]);
    return geniusReport(
      'geniusweb',
      domain,
      domain.stakeholders.map((s, k) => ({
        file: files[k]!.file,
        reservationValue: s.reservationValue,
        reservationDefaulted: false,
        discountFactor: null,
        weightSum: 1,
        capped: false,
      })),
      {
        convention: input.convention,
        search: searchBudget(input),
        weights: { handling: 'raw', rule: 'as written (GeniusWeb issue weights sum to 1)' },
      },
    );
  }
  if (files.length < 2)
    throw new ParleyError('usage', 'give a GENIUS domain file and at least one profile file');
  // Real issues and integer issues too wide to list go to the range engine (docs/deals.md).
  if (isRangeGenius(files))
    return geniusRangesReport(files[0]!, files.slice(1), {
      normalizeWeights: input.normalizeWeights,
      ...(input.convention ? { convention: input.convention } : {}),
      search: searchBudget(input),
    });
  // Non-linear (hyper-rectangle) profiles go to the interacting engine, linear ones beside them too.
  if (files.slice(1).some((f) => isNonLinearProfile(f.text)))
    return withTime(
      interactingGeniusReport(
        importInteractingGenius(files[0]!, files.slice(1), { normalizeWeights: input.normalizeWeights }),
        { convention: input.convention, budget: { timeLimitMs: 20_000, ...searchBudget(input) } },
      ),
    );
  const imported = importGenius(files[0]!, files.slice(1), { normalizeWeights: input.normalizeWeights });
  const report = geniusReport(
    imported.domain.name,
    imported.negotiation,
    imported.profiles.map(profileInfo),
    {
      convention: input.convention,
      search: searchBudget(input),
      caps: imported.caps,
      weights: imported.weightHandling === 'normalized' ? NORMALIZED_WEIGHTS : RAW_WEIGHTS,
      warnings: imported.profiles.flatMap((p) => p.warnings),
    },
  );
  return withTime(report);
}
