import { useMemo } from 'react';
import type { Issue } from '@parley/model/schema/issues.ts';
import { useChannels } from '../../api/conduct.ts';
import { useActorNames } from '../../api/drafts.ts';
import { useCaseDetail, useRecords } from '../../api/queries.ts';
import { useCaseId } from '../../shell/case-id.ts';
import { mediationRoles } from '../../shell/roles.ts';
import { Failure, Loading } from '../../shell/Status.tsx';
import { AuditPanel } from './AuditPanel.tsx';
import { CarriesPanel } from './CarriesPanel.tsx';
import { ChannelColumn } from './ChannelColumn.tsx';
import type { ConsoleContext } from './console-context.ts';
import { PackageForm } from './PackageForm.tsx';
import './console.css';

/**
 * The conduct of the negotiation as the caller takes part in it. For the mediation team, the
 * mediator's console: every caucus and the plenary side by side, the shuttle (carry, release) and
 * the audit log. For a delegation, its caucus: its own caucus with the team and the plenary, as
 * the server gives them, its packages and its own valuation of what it is offered.
 */
export default function ConsoleView() {
  const caseId = useCaseId();
  const detail = useCaseDetail(caseId);
  const channels = useChannels(caseId);
  const issueRecords = useRecords(caseId, 'issue');
  const nameOf = useActorNames(caseId);
  const issues = useMemo(
    () => new Map((issueRecords.data ?? []).map((r) => [r.id, r.body as Issue])),
    [issueRecords.data],
  );
  if (detail.isPending || channels.isPending) return <Loading what="the channels" />;
  if (detail.error) return <Failure error={detail.error} />;
  if (channels.error) return <Failure error={channels.error} />;
  const roles = detail.data.roles;
  const mover = {
    mediation: roles.some((r) => mediationRoles.includes(r.role)),
    delegations: roles.flatMap((r) =>
      (r.role === 'delegation-head' || r.role === 'delegation-member') && r.party ? [r.party] : [],
    ),
  };
  const context: ConsoleContext = { caseId, mover, issues, nameOf, channels: channels.data };
  const title = mover.mediation ? 'Mediator’s console' : 'Caucus';
  return (
    <article aria-labelledby="console-title" className="console">
      <h1 id="console-title">{title}</h1>
      <p className="hint">
        {mover.mediation
          ? 'Each caucus and the plenary side by side. A proposal carried as the mediator’s suggestion reaches the other party with no trace of where it came from until you release it.'
          : 'Your caucus with the mediation team and the plenary. What you table here is seen by the mediation team (and, in the plenary, by everyone); your valuations use your own model and are never shared.'}
      </p>
      {issueRecords.error && <Failure error={issueRecords.error} />}
      <div className="console-columns">
        {channels.data.map((c) => (
          <ChannelColumn key={c.id} channel={c} context={context} />
        ))}
      </div>
      <PackageForm context={context} />
      {mover.mediation && <CarriesPanel context={context} />}
      <AuditPanel caseId={caseId} mediation={mover.mediation} />
    </article>
  );
}
