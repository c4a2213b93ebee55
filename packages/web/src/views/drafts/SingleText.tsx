import { useQuery } from '@tanstack/react-query';
import { useInitials } from '../../api/drafts.ts';
import { useCriticisms, useMemberNames, useSingleText, useStanding } from '../../api/single-text.ts';
import { Failure, Loading } from '../../shell/Status.tsx';
import { criticismsByProvision, signatureHolds } from './single-text.ts';

type NameOf = (id: string) => string;

/**
 * When the document is held as a single negotiating text: who holds the pen, the current version,
 * the criticisms per provision the caller may see (the server decides: a delegation gets its own,
 * the mediation team all) and the initialling status per signatory, each signature checked here.
 */
export function SingleText({
  caseId,
  documentId,
  nameOf,
}: {
  caseId: string;
  documentId: string;
  nameOf: NameOf;
}) {
  const text = useSingleText(caseId, documentId);
  const memberName = useMemberNames(caseId);
  if (text.isPending) return <Loading what="the single text" />;
  if (text.error) return <Failure error={text.error} />;
  if (!text.data) return null;
  const current = text.data.versions.at(-1);
  return (
    <section aria-labelledby="single-text-title" data-testid="single-text">
      <h2 id="single-text-title">Single negotiating text</h2>
      <p>
        Pen-holders: <span data-testid="pen-holders">{text.data.penHolders.map(memberName).join(', ')}</span>.
        Current version: <b data-testid="current-version">{current ?? 'none issued yet'}</b>.
      </p>
      {current && (
        <>
          <Criticisms caseId={caseId} documentId={documentId} versionId={current} nameOf={nameOf} />
          <Initialling caseId={caseId} documentId={documentId} versionId={current} nameOf={nameOf} />
        </>
      )}
    </section>
  );
}

interface VersionProps {
  caseId: string;
  documentId: string;
  versionId: string;
  nameOf: NameOf;
}

function Criticisms({ caseId, documentId, versionId, nameOf }: VersionProps) {
  const criticisms = useCriticisms(caseId, documentId, versionId);
  if (criticisms.isPending) return <Loading what="the criticisms" />;
  if (criticisms.error) return <Failure error={criticisms.error} />;
  const provisions = criticismsByProvision(criticisms.data);
  return (
    <>
      <h3>Criticisms of {versionId} by provision</h3>
      {provisions.length === 0 ? (
        <p className="hint">No criticism you may see.</p>
      ) : (
        <dl data-testid="criticisms">
          {provisions.map(({ provision, criticisms: list }) => (
            <div key={provision} data-provision={provision}>
              <dt>{provision}</dt>
              {list.map((k, i) => (
                <dd key={i}>
                  {nameOf(k.party)}: {k.text}
                </dd>
              ))}
            </div>
          ))}
        </dl>
      )}
    </>
  );
}

function Initialling({ caseId, documentId, versionId, nameOf }: VersionProps) {
  const standing = useStanding(caseId, documentId);
  const initials = useInitials(caseId, documentId, versionId);
  // Each signature is checked in the browser against the key the server gives, not taken on trust.
  const verified = useQuery({
    queryKey: ['case', caseId, 'initials', documentId, versionId, 'verified', initials.data],
    enabled: initials.data !== undefined,
    queryFn: () =>
      Promise.all(
        initials.data!.initials.map((i) => signatureHolds(i.publicKey, initials.data!.digest, i.signature)),
      ),
  });
  const error = standing.error ?? initials.error ?? verified.error;
  if (error) return <Failure error={error} />;
  if (!standing.data || !initials.data || !verified.data) return <Loading what="the initials" />;
  const signed = initials.data.initials.map((i, k) => ({ ...i, holds: verified.data[k]! }));
  return (
    <>
      <h3 id="initialling-title">Initialling of {versionId}</h3>
      {/* Focusable, so a keyboard can scroll the table in a narrow window. */}
      <div className="scroll" tabIndex={0} role="region" aria-labelledby="initialling-title">
        <table data-testid="initialling">
          <thead>
            <tr>
              <th scope="col">Signatory</th>
              <th scope="col">Initialled by</th>
              <th scope="col">Signature</th>
            </tr>
          </thead>
          <tbody>
            {standing.data.parties.map((party) => {
              const own = signed.filter((i) => i.party === party);
              return (
                <tr key={party} data-party={party}>
                  <th scope="row">{nameOf(party)}</th>
                  <td>
                    {own.length === 0
                      ? 'not initialled'
                      : own.map((i) => `${i.displayName} (${i.at.slice(0, 10)})`).join('; ')}
                  </td>
                  <td>
                    {own.length === 0
                      ? '—'
                      : own
                          .map((i) =>
                            !i.current
                              ? 'signed an earlier text'
                              : i.holds
                                ? `verifies (key ${i.fingerprint.slice(0, 16)})`
                                : 'does not verify',
                          )
                          .join('; ')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
