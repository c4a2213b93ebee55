import type { Case } from '@parley/model/case.ts';
import { domainOn } from '@parley/core/bargaining/case-model.ts';
import { prepare } from '@parley/core/bargaining/case-report.ts';
import { exportGenius } from '@parley/core/bargaining/genius/genius-export.ts';
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
 */
export function geniusExport(caseData: Case, input: ExportGeniusInput, caseName: string): GeniusFile[] {
  const model = modelInputFor(caseData, input.scenario, caseName);
  const day = asOfDay(dayToAnalyse(model, input.at));
  const exported = exportGenius(domainOn(prepare(model), day), model.caseId);
  return [
    { name: `${model.caseId}-domain.xml`, xml: exported.domain },
    ...exported.profiles.map((p) => ({ name: `${model.caseId}-${p.id}.xml`, xml: p.xml })),
  ];
}
