import type { Case } from '@parley/model/case.ts';
import { caseParties } from '../chronology/positions-at.ts';

/**
 * Whose answer a yes/no round on a text needs when the pen-holder names nobody: the required
 * signatories as the bargaining engine counts them — every party of the preference model, and
 * every guarantor when the model has no guarantor issue (one that does obliges guarantors only
 * by package, which a text does not choose). A case without a model: its actors in a party role.
 */
export function textSignatories(c: Case): string[] {
  const stakeholders = c.model?.stakeholders ?? [];
  if (stakeholders.length === 0) return caseParties(c);
  return stakeholders
    .filter((s) => s.role === 'party' || c.model?.guarantorIssue === undefined)
    .map((s) => s.actor);
}
