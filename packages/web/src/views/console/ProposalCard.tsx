import { useState } from 'react';
import { useCarryProposal, useEvaluation, useMoveProposal, type ProposalSeen } from '../../api/conduct.ts';
import { Failure, Loading } from '../../shell/Status.tsx';
import { channelTitle, movesFor, packageValueText, tablerText } from './conduct-text.ts';
import type { ConsoleContext } from './console-context.ts';

/**
 * A proposal: who tabled it (the team's own reads as the mediator's suggestion), its state and
 * content, and what the caller may do with it — move it, carry it (mediation), value it (a party).
 */
export function ProposalCard({ proposal, context }: { proposal: ProposalSeen; context: ConsoleContext }) {
  const { caseId, mover, issues, nameOf } = context;
  const p = proposal.body;
  const move = useMoveProposal(caseId);
  const moves = movesFor(p, mover);
  const label = `${tablerText(p.tabledBy, nameOf)}, ${p.state}`;
  return (
    <article className="proposal" data-proposal={proposal.id} data-state={p.state} aria-label={label}>
      <p className="proposal-head">
        <strong className="tabler">{tablerText(p.tabledBy, nameOf)}</strong>{' '}
        {p.carried && <span className="tag">carried as is</span>}{' '}
        <span className={`state state-${p.state}`}>{p.state}</span>
      </p>
      {p.content.type === 'package' ? (
        <dl className="package">
          {p.content.values.map((v) => (
            <div key={v.issue}>
              <dt>{issues.get(v.issue)?.title ?? v.issue}</dt>
              <dd>{packageValueText(v, issues.get(v.issue), nameOf)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>
          Amendment to {p.content.document}@{p.content.version}: {p.content.text}
        </p>
      )}
      {p.note && <p className="note">{p.note}</p>}
      {proposal.origin && (
        <p className="origin">
          Carried from {channelTitle(proposal.origin.channel, nameOf)} (
          {tablerText(proposal.origin.tabledBy, nameOf)}
          ), {proposal.origin.as === 'suggestion' ? 'as the mediator’s suggestion' : 'as is'}
        </p>
      )}
      {moves.length > 0 && (
        <div className="actions" role="group" aria-label="Move the proposal">
          {moves.map((m) => (
            <button
              key={m.move}
              type="button"
              disabled={move.isPending}
              onClick={() => move.mutate({ proposalId: proposal.id, to: m.to })}
            >
              {m.label}
            </button>
          ))}
        </div>
      )}
      {move.error && <Failure error={move.error} />}
      {mover.mediation && <CarryForm proposal={proposal} context={context} />}
      {!mover.mediation && p.content.type === 'package' && (
        <EvaluationPanel caseId={caseId} proposalId={proposal.id} />
      )}
    </article>
  );
}

/** The shuttle: carry the proposal into another channel, as is or as the mediator's own suggestion. */
function CarryForm({ proposal, context }: { proposal: ProposalSeen; context: ConsoleContext }) {
  const targets = context.channels.filter((c) => c.id !== proposal.body.channel);
  const [to, setTo] = useState(targets.find((c) => c.id !== 'plenary')?.id ?? targets[0]?.id ?? '');
  const [as, setAs] = useState<'as-is' | 'suggestion'>('suggestion');
  const carry = useCarryProposal(context.caseId);
  if (targets.length === 0) return null;
  const id = `carry-${proposal.id}`;
  return (
    <form
      className="carry"
      aria-label="Carry to another channel"
      onSubmit={(e) => {
        e.preventDefault();
        carry.mutate({ proposalId: proposal.id, to, as });
      }}
    >
      <label htmlFor={`${id}-to`}>Carry to</label>
      <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
        {targets.map((c) => (
          <option key={c.id} value={c.id}>
            {channelTitle(c.id, context.nameOf)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-as`}>As</label>
      <select id={`${id}-as`} value={as} onChange={(e) => setAs(e.target.value as 'as-is' | 'suggestion')}>
        <option value="suggestion">the mediator’s suggestion (origin hidden)</option>
        <option value="as-is">as is (tabler shown)</option>
      </select>
      <button type="submit" disabled={carry.isPending || !to}>
        Carry
      </button>
      {carry.isSuccess && <p role="status">Carried.</p>}
      {carry.error && <Failure error={carry.error} />}
    </form>
  );
}

/** A party's own valuation of a package: utility against its reservation value (the model stays hidden). */
function EvaluationPanel({ caseId, proposalId }: { caseId: string; proposalId: string }) {
  const [asked, setAsked] = useState(false);
  const evaluation = useEvaluation(caseId, proposalId, asked);
  const e = evaluation.data;
  return (
    <div className="evaluation">
      {!asked && (
        <button type="button" onClick={() => setAsked(true)}>
          Evaluate against our model
        </button>
      )}
      {asked && evaluation.isPending && <Loading what="the valuation" />}
      {evaluation.error && <Failure error={evaluation.error} />}
      {e && (
        <div data-testid={`evaluation-${proposalId}`}>
          <p className="evaluation-verdict">
            Utility <strong>{e.utility.toFixed(3)}</strong> vs reservation value{' '}
            <strong>{e.reservationValue === null ? 'none yet' : e.reservationValue.toFixed(3)}</strong> on{' '}
            {e.at}:{' '}
            {e.aboveReservation === null
              ? 'no reservation value to compare'
              : e.aboveReservation
                ? 'above our reservation value'
                : 'below our reservation value'}
          </p>
          <meter min={0} max={1} value={e.utility} aria-label="Utility of the package, from 0 to 1" />
          {e.open.length > 0 && <p className="hint">Left open (scored 0): {e.open.join(', ')}</p>}
          {e.previousOffers.length > 0 && (
            <table>
              <caption>Our other packages</caption>
              <thead>
                <tr>
                  <th scope="col">Channel</th>
                  <th scope="col">State</th>
                  <th scope="col">Utility</th>
                </tr>
              </thead>
              <tbody>
                {e.previousOffers.map((o) => (
                  <tr key={o.proposal}>
                    <td>{o.channel}</td>
                    <td>{o.state}</td>
                    <td className="number">{o.utility.toFixed(3)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}
