import { visibleCase } from '@parley/store/visible-case.ts';
import type { CaseAccess, ServerDeps } from '../server-env.ts';

/** The case as the caller of a case route sees it (the access rule has found it to exist). */
export async function callerCase(deps: ServerDeps, access: CaseAccess) {
  return (await visibleCase(deps.database, access.caseId, access.audience))!.case;
}
