import type { Actor } from './schema/actors.ts';
import type { AnalystModel } from './schema/analyst-model.ts';
import type { CaseMeta } from './schema/case-meta.ts';
import type { Claim, Proposition } from './schema/claims.ts';
import type { DraftDocument } from './schema/drafts.ts';
import type { CaseEvent } from './schema/events.ts';
import type { GuaranteesFile } from './schema/guarantee.ts';
import type { Issue } from './schema/issues.ts';
import type { Position } from './schema/positions.ts';
import type { Role } from './schema/roles.ts';
import type { Round } from './schema/rounds.ts';
import type { Source } from './schema/sources.ts';

/**
 * Everything known about one negotiation: a plain value, whether it was read from a case folder,
 * a JSON body or a database. Where it came from is the business of whoever read it.
 */
export interface Case {
  meta: CaseMeta;
  actors: Actor[];
  roles: Role[];
  rounds: Round[];
  events: CaseEvent[];
  sources: Source[];
  propositions: Proposition[];
  claims: Claim[];
  issues: Issue[];
  positions: Position[];
  drafts: DraftDocument[];
  /** Each draft version's text, keyed `document@version`. */
  draftTexts: Record<string, string>;
  /** Security-guarantee instruments, places and willingness assumptions (guarantees.yaml). */
  guarantees?: GuaranteesFile;
  /** The analyst's preference model: every value an assumption with its rationale (model.yaml). */
  model?: AnalystModel;
}

export const draftKey = (documentId: string, versionId: string) => `${documentId}@${versionId}`;
