import type { ClaimJson, ClaimsJson } from '@parley/app/views/claims.ts';
import { useActorNames } from '../../api/drafts.ts';
import { useView } from '../../api/queries.ts';
import { useAddressChoices } from '../../shell/address-choices.ts';
import { useCaseId } from '../../shell/case-id.ts';
import { Failure, Loading } from '../../shell/Status.tsx';
import { basisLabel, claimSides, gridAxes } from './claim-groups.ts';
import './evidence.css';

type NameOf = (id: string) => string;
type Proposition = ClaimsJson['propositions'][number];

/**
 * The evidence: the contested points with each side's claims and sources set side by side, the
 * who-says-what grid, and every proposition with its claims. An analyst's inference is labelled
 * as such wherever it appears (a word, not only a style). Topic and "contested only" live in the address.
 */
export default function EvidenceView() {
  const caseId = useCaseId();
  const nameOf = useActorNames(caseId);
  const [params, choose] = useAddressChoices();
  const topic = params.get('topic') ?? '';
  const all = useView(caseId, 'claims');
  const claims = useView(caseId, 'claims', topic ? { topic } : {});
  const sources = useView(caseId, 'sources');
  const sourceTitle = (id: string) => sources.data?.sources.find((s) => s.id === id);
  if (claims.isPending) return <Loading what="the claims" />;
  if (claims.error) return <Failure error={claims.error} />;
  const topics = [...new Set(all.data?.propositions.flatMap((p) => (p.topic ? [p.topic] : [])) ?? [])];
  const contested = claims.data.propositions.filter((p) => p.contested);
  const cite = (id: string) => {
    const s = sourceTitle(id);
    return s ? `${id.toUpperCase()}: ${s.author ? `${s.author}, ` : ''}${s.title}` : id;
  };
  return (
    <article aria-labelledby="evidence-title" className="evidence">
      <h1 id="evidence-title">Evidence</h1>
      <div className="filters">
        <label>
          Topic{' '}
          <select value={topic} onChange={(e) => choose({ topic: e.target.value })}>
            <option value="">all topics</option>
            {topics.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <p className="hint" role="status" data-testid="evidence-counts">
          {claims.data.propositions.length} propositions, {contested.length} contested
        </p>
      </div>
      <section aria-labelledby="contested-title">
        <h2 id="contested-title">Contested points, side by side</h2>
        {contested.length === 0 && <p>No contested point on this topic.</p>}
        {contested.map((p) => (
          <div key={p.id} className="contested-point" data-proposition={p.id}>
            <h3>{p.statement}</h3>
            <div className="sides">
              {claimSides(p).map((side) => (
                <div key={side.heading} className="side">
                  <h4>{side.heading}</h4>
                  <ul className="claims">
                    {side.claims.map((c) => (
                      <Claim key={c.id} claim={c} nameOf={nameOf} cite={cite} />
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          </div>
        ))}
      </section>
      <Grid view={claims.data} nameOf={nameOf} />
      <section aria-labelledby="propositions-title">
        <h2 id="propositions-title">Claims by proposition</h2>
        <ul className="propositions">
          {claims.data.propositions.map((p) => (
            <li key={p.id} data-proposition={p.id}>
              <details>
                <summary>
                  {p.statement} <span className="hint">({propositionCounts(p)})</span>
                </summary>
                <ul className="claims">
                  {[...p.supporting, ...p.disputing].map((c) => (
                    <Claim key={c.id} claim={c} nameOf={nameOf} cite={cite} />
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

const propositionCounts = (p: Proposition) =>
  `${p.supporting.length} for, ${p.disputing.length} against${p.contested ? ', contested' : ''}`;

function Claim({
  claim: c,
  nameOf,
  cite,
}: {
  claim: ClaimJson;
  nameOf: NameOf;
  cite: (id: string) => string;
}) {
  return (
    <li className={`claim claim-${c.basis}`} data-claim={c.id}>
      <span className={`basis basis-${c.basis}`}>{basisLabel(c)}</span> <strong>{nameOf(c.claimant)}</strong>
      {c.with && c.with.length > 0 && ` with ${c.with.map(nameOf).join(', ')}`} {c.stance}
      {c.value !== undefined && `: ${String(c.value)}`}
      {c.asserted && <span className="date"> ({c.asserted})</span>}
      {c.summary && <p>{c.summary}</p>}
      {c.sources.length > 0 && <p className="hint">Sources: {c.sources.map(cite).join('; ')}</p>}
    </li>
  );
}

function Grid({ view, nameOf }: { view: ClaimsJson; nameOf: NameOf }) {
  const { claimants, propositions } = gridAxes(view);
  return (
    <section aria-labelledby="grid-title">
      <h2 id="grid-title">Who says what</h2>
      <p className="hint">
        Each cell: the claimant’s stance; “inferred” marks a stance the analyst inferred rather than one the
        author stated.
      </p>
      {/* Focusable, so a keyboard can scroll the wide grid. */}
      <div className="scroll" tabIndex={0} role="region" aria-labelledby="grid-title">
        <table className="grid" data-testid="who-says-what">
          <thead>
            <tr>
              <th scope="col">Proposition</th>
              {claimants.map((c) => (
                <th scope="col" key={c}>
                  {nameOf(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {propositions.map((p) => (
              <tr key={p.id} data-proposition={p.id}>
                <th scope="row">{p.id}</th>
                {claimants.map((c) => {
                  const stance = view.matrix[c]?.[p.id];
                  const inferred = view.matrixInferred[c]?.includes(p.id);
                  return (
                    <td key={c} className={stance ? `stance-${stance}` : undefined}>
                      {stance ?? ''}
                      {stance && inferred && <span className="basis basis-inferred">inferred</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
