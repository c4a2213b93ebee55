import { create } from 'xmlbuilder2';
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

// The same XML library as the Akoma Ntoso export: one builder for the whole project.
const build = (tree: Record<string, unknown>): string =>
  create(tree).end({ prettyPrint: true, headless: true });

export function exportGenius(domain: NegotiationDomain, name: string): GeniusExport {
  const issues = domain.issues.map((issue, i) => ({
    '@index': String(i + 1),
    '@name': issue.name,
    '@type': 'discrete',
    '@etype': 'discrete',
    '@vtype': 'discrete',
    item: issue.options.map((label, j) => ({ '@index': String(j + 1), '@value': label })),
  }));
  const domainXml = build({
    negotiation_template: {
      utility_space: {
        '@number_of_issues': String(domain.issues.length),
        objective: {
          '@index': '0',
          '@name': name,
          '@type': 'objective',
          '@etype': 'objective',
          issue: issues,
        },
      },
    },
  });
  const profiles = domain.stakeholders.map((s) => {
    const best = s.scores.map((row) => Math.max(...row));
    const total = best.reduce((sum, b) => sum + b, 0);
    const xml = build({
      utility_space: {
        objective: {
          '@index': '0',
          '@name': name,
          '@type': 'objective',
          '@etype': 'objective',
          issue: domain.issues.map((issue, i) => ({
            '@index': String(i + 1),
            '@name': issue.name,
            '@type': 'discrete',
            '@etype': 'discrete',
            '@vtype': 'discrete',
            item: issue.options.map((label, j) => ({
              '@index': String(j + 1),
              '@value': label,
              // An issue the stakeholder ignores (best 0) evaluates 1 everywhere under weight 0.
              '@evaluation': String(best[i]! > 0 ? s.scores[i]![j]! / best[i]! : 1),
            })),
          })),
          weight: domain.issues.map((_, i) => ({
            '@index': String(i + 1),
            '@value': String(total > 0 ? best[i]! / total : 1 / domain.issues.length),
          })),
        },
        reservation: {
          '@value': String(total > 0 ? Math.min(1, Math.max(0, s.reservationValue / total)) : 0),
        },
      },
    });
    return { id: s.id, xml };
  });
  return { domain: domainXml, profiles };
}
