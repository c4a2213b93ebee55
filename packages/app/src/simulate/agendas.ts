import { draftKey, type Case } from '@parley/model/case.ts';
import { dayOf, type CaseBargaining } from '@parley/core/bargaining/case-model.ts';
import { versionParseOptions } from '@parley/core/drafts/case-drafts.ts';
import { parseDraft } from '@parley/core/drafts/parse.ts';

/**
 * The three agendas of the ceasefire-first question, each read from the case (its drafts and its
 * issues' categories), restricted to the issues the analyst model scores:
 *
 * - framework: the issues the agreed framework addresses (the draft version with status
 *   `agreed-framework`; in the embedded case, the Istanbul communiqué);
 * - comprehensive: the issues the later drafts address (every draft version dated after the
 *   framework; in the embedded case, the April treaty drafts);
 * - narrow: ceasefire and humanitarian issues only (categories ceasefire, withdrawal,
 *   humanitarian, prisoners), the security architecture left for later.
 *
 * Which issues a draft addresses are its `@issues:` tags. That these three sets are the agendas
 * to compare is the analyst's framing of the question, not a fact of the case.
 */
export interface Agenda {
  id: 'comprehensive' | 'narrow' | 'framework';
  title: string;
  /** How the set was read from the case. */
  basis: string;
  /** Model issue ids, in the model's order. */
  issues: string[];
  /** The framework's date, where the agenda comes from a draft version. */
  date?: string;
}

export const NARROW_CATEGORIES = ['ceasefire', 'withdrawal', 'humanitarian', 'prisoners'];

export function caseAgendas(caseData: Case, bargaining: CaseBargaining): Agenda[] {
  const modelled = bargaining.issues.map((i) => i.id);
  const versions = caseData.drafts.flatMap((document) =>
    document.versions.map((version) => ({ document, version, day: dayOf(version.date) })),
  );
  const tagged = (v: (typeof versions)[number]) => {
    const parsed = parseDraft(
      caseData.draftTexts[draftKey(v.document.id, v.version.id)] ?? '',
      versionParseOptions(caseData, v.version),
    ).document;
    return new Set(parsed.sections.flatMap((s) => [...s.issues, ...s.paragraphs.flatMap((p) => p.issues)]));
  };
  const inModel = (ids: Set<string>) => modelled.filter((id) => ids.has(id));
  const framework = versions.find((v) => v.version.status === 'agreed-framework');
  const later = versions.filter((v) => !framework || v.day > framework.day);
  const comprehensive = new Set(later.flatMap((v) => [...tagged(v)]));
  const category = new Map(caseData.issues.map((i) => [i.id, i.category]));
  const agendas: Agenda[] = [
    {
      id: 'comprehensive',
      title: 'Comprehensive agenda',
      basis: `issues tagged in ${later.map((v) => `${v.document.id}@${v.version.id}`).join(', ') || 'no draft'}`,
      issues: inModel(comprehensive),
    },
    {
      id: 'narrow',
      title: 'Narrow first agreement (ceasefire and humanitarian issues first)',
      basis: `issues of categories ${NARROW_CATEGORIES.join(', ')}`,
      issues: modelled.filter((id) => NARROW_CATEGORIES.includes(category.get(id) ?? '')),
    },
  ];
  if (framework)
    agendas.push({
      id: 'framework',
      title: "The framework's agenda",
      basis: `issues tagged in ${framework.document.id}@${framework.version.id}`,
      issues: inModel(tagged(framework)),
      date: framework.day,
    });
  return agendas;
}
