import type { ReactNode } from 'react';
import { useCaseDetail } from '../api/queries.ts';
import { useCaseId } from './case-id.ts';
import { mayOpen, type CaseRole } from './roles.ts';

/**
 * A view for some roles only (the mediator's console): others reaching its address by hand are
 * told so. The server still decides what data any view receives.
 */
export function OnlyFor({ roles, children }: { roles: readonly CaseRole[]; children: ReactNode }) {
  const detail = useCaseDetail(useCaseId());
  if (!detail.data) return null;
  if (!mayOpen(detail.data.roles, roles))
    return (
      <p role="alert" className="failure">
        This view is for {roles.join(' and ')} roles only.
      </p>
    );
  return children;
}
