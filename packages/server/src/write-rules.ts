import { ParleyError } from '@parley/model/errors.ts';
import type { CaseRole } from '@parley/store/membership.ts';
import { conductKinds, type RecordKind } from '@parley/store/record-kinds.ts';
import type { Visibility } from '@parley/store/visibility.ts';
import type { CaseAccess } from './server-env.ts';

/** The roles that edit the case's records: the case's keepers, the mediation team, analysts, delegations. */
export const editorRoles: readonly CaseRole[] = [
  'case-admin',
  'mediator-lead',
  'mediator',
  'analyst',
  'delegation-head',
  'delegation-member',
];
/** Roles that edit any record they see; a delegation edits only its own party's and channel's. */
const caseEditors: ReadonlySet<CaseRole> = new Set(['case-admin', 'mediator-lead', 'mediator', 'analyst']);

/** Refuses a write to a record of this visibility (before and after) the member may not make. */
export function requireMayWrite(access: CaseAccess, ...visibilities: Visibility[]) {
  if (access.memberships.some((m) => caseEditors.has(m.role))) return;
  const own = new Set(
    access.memberships
      .filter((m) => m.role === 'delegation-head' || m.role === 'delegation-member')
      .flatMap((m) => [`party:${m.party}`, `channel:${m.party}`]),
  );
  for (const v of visibilities)
    if (!own.has(v))
      throw new ParleyError(
        'forbidden',
        `a delegation edits only its own records (party:<its party> or channel:<its party>), not a record visible as ${v}`,
      );
}

/** The roles that may release a record to a wider audience. */
export const releaserRoles: readonly CaseRole[] = ['mediator-lead', 'mediator', 'delegation-head'];

/**
 * The mediation team releases any record it sees; a head of delegation releases only its own
 * party's records (sharing them with the mediator, or with the whole case).
 */
export function requireMayRelease(access: CaseAccess, from: Visibility) {
  if (access.memberships.some((m) => m.role === 'mediator-lead' || m.role === 'mediator')) return;
  const heads = access.memberships.filter((m) => m.role === 'delegation-head').map((m) => `party:${m.party}`);
  if (!heads.includes(from))
    throw new ParleyError(
      'forbidden',
      `a head of delegation releases only its own party's records, not one visible as ${from}`,
    );
}

/**
 * Conduct records (messages, proposals, carries, the single text) are written only through their
 * own routes, which apply their rules (who may move a proposal, what a carry hides) and log each
 * step; the generic record routes only read and release them.
 */
export function refuseConductWrite(kind: RecordKind, at = '') {
  if (conductKinds.has(kind))
    throw new ParleyError(
      'usage',
      `${at}a ${kind} is written through its own routes (docs/server.md, "Channels and proposals"), not as a record`,
    );
}
