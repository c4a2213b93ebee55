import type { Case } from '@parley/model/case.ts';
import { ParleyError } from '@parley/model/errors.ts';
import { nameFields } from '../inputs/parse-input.ts';
import { historyNeedsIssue, type ShowInput } from './show-input.ts';
import { actorsView, type ActorsJson } from './actors.ts';
import { claimsView, type ClaimsJson } from './claims.ts';
import { draftsView, type DraftsJson } from './drafts.ts';
import { historyView, type HistoryJson } from './history.ts';
import { issuesView, type IssuesJson } from './issues.ts';
import type { ViewName } from './names.ts';
import { overviewView, type OverviewJson } from './overview.ts';
import { positionsView, type PositionsJson } from './positions.ts';
import { rolesView, type RolesJson } from './roles.ts';
import { roundsView, type RoundsJson } from './rounds.ts';
import { sourcesView, type SourcesJson } from './sources.ts';
import { timelineView, type TimelineJson } from './timeline.ts';

/** The JSON each view gives (documented in docs/json.md). */
export interface ViewJsonByName {
  overview: OverviewJson;
  timeline: TimelineJson;
  actors: ActorsJson;
  roles: RolesJson;
  rounds: RoundsJson;
  issues: IssuesJson;
  positions: PositionsJson;
  history: HistoryJson;
  drafts: DraftsJson;
  claims: ClaimsJson;
  sources: SourcesJson;
}

export type ViewJson = ViewJsonByName[ViewName];

/** How the calling shell points its user at things, for messages. */
export interface ShowHints {
  /** Where the issues are listed, e.g. `'parley show cases/x issues'`. */
  seeIssues?: string;
}

type Builder<K extends ViewName> = (c: Case, input: ShowInput, hints: ShowHints) => ViewJsonByName[K];

const builders: { [K in ViewName]: Builder<K> } = {
  overview: (c) => overviewView(c),
  timeline: (c) => timelineView(c),
  actors: (c) => actorsView(c),
  roles: (c, { at }) => rolesView(c, { at }),
  rounds: (c) => roundsView(c),
  issues: (c) => issuesView(c),
  positions: (c, { at }) => positionsView(c, { at }),
  history: (c, { issue }, { seeIssues }) => {
    if (issue === undefined) throw new ParleyError('usage', nameFields(historyNeedsIssue));
    return historyView(c, { issue, seeIssues });
  },
  drafts: (c) => draftsView(c),
  claims: (c, { contestedOnly, topic }) => claimsView(c, { contestedOnly, topic }),
  sources: (c) => sourcesView(c),
};

/** The `show` use case: the view the (parsed) input names, built on the case. */
export function showView(c: Case, input: ShowInput, hints: ShowHints = {}): ViewJson {
  return builders[input.view](c, input, hints);
}
