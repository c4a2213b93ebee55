import type { ViewJson, ViewJsonByName } from '@parley/app/views/registry.ts';
import type { ViewName } from '@parley/app/views/names.ts';
import { renderActors } from './actors.ts';
import { renderClaims } from './claims.ts';
import { renderDrafts } from './drafts.ts';
import { renderHistory } from './history.ts';
import { renderIssues } from './issues.ts';
import { renderOverview } from './overview.ts';
import { renderPositions } from './positions.ts';
import { renderRoles } from './roles.ts';
import { renderRounds } from './rounds.ts';
import { renderSources } from './sources.ts';
import { renderTimeline } from './timeline.ts';

const renderers: { [K in ViewName]: (data: ViewJsonByName[K]) => string } = {
  overview: renderOverview,
  timeline: renderTimeline,
  actors: renderActors,
  roles: renderRoles,
  rounds: renderRounds,
  issues: renderIssues,
  positions: renderPositions,
  history: renderHistory,
  drafts: renderDrafts,
  claims: renderClaims,
  sources: renderSources,
};

/** A view's JSON as terminal text: tables, or lines where a table would not read. */
export function renderView(data: ViewJson): string {
  return (renderers[data.view] as (data: ViewJson) => string)(data);
}
