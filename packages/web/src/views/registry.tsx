import { lazy, type ReactNode } from 'react';
import type { CaseRole } from '../shell/roles.ts';

import OverviewView from './overview/OverviewView.tsx';

// A case's first page is in the entry (3 KB): its data then loads without waiting for a chunk.
// Every other view is its own chunk, loaded when first opened: the first page carries no chart library.
const TimelineView = lazy(() => import('./timeline/TimelineView.tsx'));
const PositionsView = lazy(() => import('./positions/PositionsView.tsx'));
const DraftsView = lazy(() => import('./drafts/DraftsView.tsx'));
const DealsView = lazy(() => import('./deals/DealsView.tsx'));
const SimulationView = lazy(() => import('./simulation/SimulationView.tsx'));
const EvidenceView = lazy(() => import('./evidence/EvidenceView.tsx'));
const GuaranteesView = lazy(() => import('./guarantees/GuaranteesView.tsx'));
// One role-aware view: the mediator's console for the team, the caucus for a delegation.
const ConsoleView = lazy(() => import('./console/ConsoleView.tsx'));

export interface CaseView {
  /** The path under /cases/:caseId ('' for the case's first page). */
  path: string;
  /** The navigation label, and the page's heading. */
  label: string;
  element: ReactNode;
  /** The roles that see the view in the navigation; absent: every member. */
  roles?: readonly CaseRole[];
}

/** The views of a case, in navigation order: the router and the case navigation are built from this. */
export const caseViews: CaseView[] = [
  { path: '', label: 'Overview', element: <OverviewView /> },
  { path: 'timeline', label: 'Timeline', element: <TimelineView /> },
  { path: 'positions', label: 'Positions', element: <PositionsView /> },
  { path: 'drafts', label: 'Drafts', element: <DraftsView /> },
  { path: 'evidence', label: 'Evidence', element: <EvidenceView /> },
  { path: 'guarantees', label: 'Guarantees', element: <GuaranteesView /> },
  { path: 'deals', label: 'Deals', element: <DealsView /> },
  { path: 'simulation', label: 'Simulation', element: <SimulationView /> },
  {
    path: 'console',
    label: 'Console',
    element: <ConsoleView />,
    roles: ['mediator-lead', 'mediator'],
  },
  {
    path: 'caucus',
    label: 'Caucus',
    element: <ConsoleView />,
    roles: ['delegation-head', 'delegation-member'],
  },
];
