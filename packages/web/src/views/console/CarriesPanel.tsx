import { useCarries, useReleaseCarry } from '../../api/conduct.ts';
import { Failure, Loading } from '../../shell/Status.tsx';
import { channelTitle, tablerText } from './conduct-text.ts';
import type { ConsoleContext } from './console-context.ts';

const asText = {
  'as-is': 'as is',
  suggestion: 'as the mediator’s suggestion',
  own: 'the team’s own',
} as const;

/**
 * The mediation team's record of the shuttle: each copy, where it came from, and whether its origin
 * has been revealed to the receiving channel. Releasing widens the link to that channel.
 */
export function CarriesPanel({ context }: { context: ConsoleContext }) {
  const { caseId, nameOf } = context;
  const carries = useCarries(caseId, true);
  const release = useReleaseCarry(caseId);
  const carried = carries.data?.filter((c) => c.body.as !== 'own') ?? [];
  return (
    <section aria-labelledby="carries-title" className="carries">
      <h2 id="carries-title">The shuttle</h2>
      {carries.isPending && <Loading what="the carries" />}
      {carries.error && <Failure error={carries.error} />}
      {carries.data && carried.length === 0 && <p className="hint">Nothing carried yet.</p>}
      {carried.length > 0 && (
        <div className="scroll" tabIndex={0} role="region" aria-labelledby="carries-title">
          <table data-testid="carries">
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">As</th>
                <th scope="col">Origin</th>
                <th scope="col">Seen by</th>
              </tr>
            </thead>
            <tbody>
              {carried.map((c) => (
                <tr key={c.id} data-carry={c.id}>
                  <td>{c.body.from ? channelTitle(c.body.from, nameOf) : ''}</td>
                  <td>{channelTitle(c.body.to, nameOf)}</td>
                  <td>{asText[c.body.as]}</td>
                  <td>{c.body.origin ? tablerText(c.body.origin, nameOf) : ''}</td>
                  <td>
                    {c.visibility === 'mediation' ? (
                      <>
                        the mediation team only{' '}
                        <button
                          type="button"
                          disabled={release.isPending}
                          onClick={() => release.mutate(c.id)}
                          aria-label={`Release the origin to ${channelTitle(c.body.to, nameOf)}`}
                        >
                          Release
                        </button>
                      </>
                    ) : (
                      `released (${c.visibility})`
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {release.error && <Failure error={release.error} />}
    </section>
  );
}
