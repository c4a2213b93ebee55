import { useBrief, useView } from '../../api/queries.ts';
import { useCaseId } from '../../shell/case-id.ts';
import { Failure, Loading } from '../../shell/Status.tsx';
import { grouped } from '../../format/grouped.ts';

const countLabels: Record<string, string> = {
  actors: 'Actors',
  rounds: 'Rounds',
  events: 'Events',
  issues: 'Issues',
  positions: 'Positions',
  sources: 'Sources',
  propositions: 'Propositions',
  claims: 'Claims',
  draftVersions: 'Draft versions',
};

/** The brief as a page: who takes part, how much is recorded, what is contested, how far apart. */
export default function OverviewView() {
  const caseId = useCaseId();
  const brief = useBrief(caseId);
  const actors = useView(caseId, 'actors');
  if (brief.isPending) return <Loading what="the overview" />;
  if (brief.error) return <Failure error={brief.error} />;
  const o = brief.data.overview;
  const names = new Map(actors.data?.actors.map((a) => [a.id, a.name]) ?? []);
  const named = (id: string) => (names.has(id) ? `${names.get(id)} (${id})` : id);
  return (
    <article aria-labelledby="overview-title">
      <h1 id="overview-title">{o.title}</h1>
      <p>{o.summary}</p>
      <p className="hint">
        Period {o.period}
        {o.asOf && <> · as of {o.asOf}</>}
        {o.latestDraft && (
          <>
            {' '}
            · latest draft {o.latestDraft.document}@{o.latestDraft.version} ({o.latestDraft.status})
          </>
        )}
      </p>
      <div className="columns">
        <section aria-labelledby="who">
          <h2 id="who">Who takes part</h2>
          <People title="Parties" ids={o.parties} named={named} />
          <People title="Mediators" ids={o.mediators} named={named} />
          <People title="Prospective guarantors" ids={o.prospectiveGuarantors} named={named} />
        </section>
        <section aria-labelledby="counts">
          <h2 id="counts">What the case records</h2>
          <dl className="counts" data-testid="record-counts">
            {Object.entries(o.counts).map(([key, n]) => (
              <div key={key}>
                <dt>{countLabels[key] ?? key}</dt>
                <dd>{n}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
      <section aria-labelledby="gaps">
        <h2 id="gaps">Current gaps{o.asOf && ` (as of ${o.asOf})`}</h2>
        {o.gaps.length === 0 ? (
          <p>No numeric issue apart.</p>
        ) : (
          <table data-testid="gaps">
            <thead>
              <tr>
                <th scope="col">Issue</th>
                <th scope="col">Gap</th>
              </tr>
            </thead>
            <tbody>
              {o.gaps.map((g) => (
                <tr key={g.issue}>
                  <td>{g.issue}</td>
                  <td className="number">
                    {grouped(g.value)} {g.unit}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="contested">
        <h2 id="contested">Contested points ({o.contestedPropositions.length})</h2>
        <ul data-testid="contested">
          {o.contestedPropositions.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </section>
      {brief.data.drafts.length > 0 && (
        <section aria-labelledby="drafts">
          <h2 id="drafts">Drafts</h2>
          <ul>
            {brief.data.drafts.map((d) => (
              <li key={d.document}>
                {d.document}: {d.trend}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

function People({ title, ids, named }: { title: string; ids: string[]; named: (id: string) => string }) {
  return (
    <>
      <h3>{title}</h3>
      {ids.length === 0 ? (
        <p>None recorded.</p>
      ) : (
        <ul>
          {ids.map((id) => (
            <li key={id}>{named(id)}</li>
          ))}
        </ul>
      )}
    </>
  );
}
