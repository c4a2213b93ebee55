import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useCaseDetail } from '../api/queries.ts';
import { useCaseId } from './case-id.ts';
import { describeRoles, mayOpen, type CaseRole } from './roles.ts';

/** A view as the navigation lists it (views/registry.tsx gives them). */
export interface NavigableView {
  path: string;
  label: string;
  roles?: readonly CaseRole[];
}
import { Failure, Loading } from './Status.tsx';

/** A case: its title, the caller's roles, the views they may open, and the open view. */
export function CaseLayout({ views }: { views: readonly NavigableView[] }) {
  const caseId = useCaseId();
  const detail = useCaseDetail(caseId);
  const roles = detail.data?.roles ?? [];
  const title = (detail.data?.meta as { title?: string } | undefined)?.title ?? caseId;
  // The view loads beside the case's details rather than after them: one round trip less.
  return (
    <div className="case">
      <nav aria-label="Case views" className="case-nav">
        <p className="case-title">{title}</p>
        {detail.error && <Failure error={detail.error} />}
        {detail.isPending ? (
          <Loading what="your roles" />
        ) : (
          <>
            <p className="hint">You: {describeRoles(roles)}</p>
            <ul>
              {views
                .filter((v) => mayOpen(roles, v.roles))
                .map((v) => (
                  <li key={v.path}>
                    <NavLink to={v.path} end={v.path === ''}>
                      {v.label}
                    </NavLink>
                  </li>
                ))}
            </ul>
          </>
        )}
      </nav>
      <main id="main" className="view">
        <Suspense fallback={<Loading what="the view" />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
