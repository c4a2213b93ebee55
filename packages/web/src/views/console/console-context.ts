import type { Mover } from '@parley/core/conduct/proposal-life.ts';
import type { Issue } from '@parley/model/schema/issues.ts';
import type { Channel } from '../../api/conduct.ts';
import type { NameOf } from './conduct-text.ts';

/** What every part of the console needs: the case, who the caller acts as, the agenda and names. */
export interface ConsoleContext {
  caseId: string;
  mover: Mover;
  /** The case's issues by id, as the caller sees them. */
  issues: ReadonlyMap<string, Issue>;
  nameOf: NameOf;
  /** The channels the caller may use: the plenary first, then the caucuses the server gives them. */
  channels: readonly Channel[];
}
