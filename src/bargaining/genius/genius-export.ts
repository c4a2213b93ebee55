import XMLBuilder from 'fast-xml-builder';
import type { NegotiationDomain } from '../outcome-space.ts';

/**
 * Exports an additive domain (e.g. a case's model on one day) as GENIUS XML: one domain file
 * and one profile per stakeholder. GENIUS scores every profile so that its best package is worth
 * 1 (each issue's best option evaluates 1, weights sum to 1), so a stakeholder's utilities are
 * exported divided by its best attainable utility, and so is its reservation value (clamped to
 * [0, 1]). That positive rescaling changes no preference and no Nash or Kalai–Smorodinsky
 * package. Every issue, number issues included, is exported as a discrete issue.
 */

export interface GeniusExport {
  domain: string;
  profiles: { id: string; xml: string }[];
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  suppressEmptyNode: true,
});

export function exportGenius(domain: NegotiationDomain, name: string): GeniusExport {
  const issues = domain.issues.map((issue, i) => ({
    '@_index': String(i + 1),
    '@_name': issue.name,
    '@_type': 'discrete',
    '@_etype': 'discrete',
    '@_vtype': 'discrete',
    item: issue.options.map((label, j) => ({ '@_index': String(j + 1), '@_value': label })),
  }));
  const domainXml = builder.build({
    negotiation_template: {
      utility_space: {
        '@_number_of_issues': String(domain.issues.length),
        objective: {
          '@_index': '0',
          '@_name': name,
          '@_type': 'objective',
          '@_etype': 'objective',
          issue: issues,
        },
      },
    },
  });
  const profiles = domain.stakeholders.map((s) => {
    const best = s.scores.map((row) => Math.max(...row));
    const total = best.reduce((sum, b) => sum + b, 0);
    const xml = builder.build({
      utility_space: {
        objective: {
          '@_index': '0',
          '@_name': name,
          '@_type': 'objective',
          '@_etype': 'objective',
          issue: domain.issues.map((issue, i) => ({
            '@_index': String(i + 1),
            '@_name': issue.name,
            '@_type': 'discrete',
            '@_etype': 'discrete',
            '@_vtype': 'discrete',
            item: issue.options.map((label, j) => ({
              '@_index': String(j + 1),
              '@_value': label,
              // An issue the stakeholder ignores (best 0) evaluates 1 everywhere under weight 0.
              '@_evaluation': String(best[i]! > 0 ? s.scores[i]![j]! / best[i]! : 1),
            })),
          })),
          weight: domain.issues.map((_, i) => ({
            '@_index': String(i + 1),
            '@_value': String(total > 0 ? best[i]! / total : 1 / domain.issues.length),
          })),
        },
        reservation: {
          '@_value': String(total > 0 ? Math.min(1, Math.max(0, s.reservationValue / total)) : 0),
        },
      },
    });
    return { id: s.id, xml };
  });
  return { domain: domainXml, profiles };
}
