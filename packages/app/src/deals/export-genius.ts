import type { Case } from '@parley/model/case.ts';
import { analysedOn } from '@parley/core/bargaining/case-model.ts';
import { prepare } from '@parley/core/bargaining/case-report.ts';
import { exportGenius } from '@parley/core/bargaining/genius/genius-export.ts';
import type { NegotiationDomain } from '@parley/core/bargaining/outcome-space.ts';
import { asOfDay } from '../inputs/fields.ts';
import type { ExportGeniusInput } from './input.ts';
import { dayToAnalyse, modelInputFor } from './model-input.ts';

/** One GENIUS XML document and the file name it goes by. */
export interface GeniusFile {
  name: string;
  xml: string;
}

/**
 * The case's model on one day as GENIUS XML: the domain first, then one profile per stakeholder,
 * named `<case>-domain.xml` and `<case>-<actor>.xml`. Where to write them is the shell's business.
 * Issues that the model's interactions join are exported as one compound issue (names and options
 * joined with " + "), which keeps the profiles additive and exact. A penalty can score a compound
 * option below 0, which GENIUS does not allow, so such profiles are shifted first
 * (nonNegativeScores): each exported profile is a positive affine transform of the model's
 * utility, ranking every package as the model does.
 */
export function geniusExport(caseData: Case, input: ExportGeniusInput, caseName: string): GeniusFile[] {
  const model = modelInputFor(caseData, input.scenario, caseName);
  const day = asOfDay(dayToAnalyse(model, input.at));
  const exported = exportGenius(nonNegativeScores(analysedOn(prepare(model), day).domain), model.caseId);
  return [
    { name: `${model.caseId}-domain.xml`, xml: exported.domain },
    ...exported.profiles.map((p) => ({ name: `${model.caseId}-${p.id}.xml`, xml: p.xml })),
  ];
}

/**
 * The domain with every issue on which a stakeholder scores some option below 0 raised by that
 * lowest score, and its reservation value raised by the same total: each utility and the
 * reservation value move up by one constant per stakeholder, so every comparison (and every gain
 * over no deal) is unchanged. The exporter then divides by the best utility (weights renormalised),
 * so GENIUS reads (u + c) / best, a positive affine transform of the model's utility u.
 */
export function nonNegativeScores(domain: NegotiationDomain): NegotiationDomain {
  return {
    issues: domain.issues,
    stakeholders: domain.stakeholders.map((s) => {
      const lows = s.scores.map((row) => Math.min(0, ...row));
      if (lows.every((low) => low === 0)) return s;
      return {
        ...s,
        scores: s.scores.map((row, i) => row.map((x) => x - lows[i]!)),
        reservationValue: s.reservationValue - lows.reduce((sum, low) => sum + low, 0),
      };
    }),
  };
}
