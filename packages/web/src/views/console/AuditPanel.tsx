import { useAudit, useLatestCheckpoint, useSignCheckpoint } from '../../api/conduct.ts';
import { Failure, Loading } from '../../shell/Status.tsx';
import { checkpointHolds, checkText, shortHash } from './audit-text.ts';

/** How many of the latest entries the console lists (the check covers them all). */
const SHOWN = 50;

/**
 * The case's audit log as the caller may see it — entries about another caucus come sealed —
 * with the server's check of the hash chain and the latest signed checkpoint.
 */
export function AuditPanel({ caseId, mediation }: { caseId: string; mediation: boolean }) {
  const audit = useAudit(caseId);
  const checkpoint = useLatestCheckpoint(caseId);
  const sign = useSignCheckpoint(caseId);
  const entries = audit.data?.entries ?? [];
  return (
    <section aria-labelledby="audit-title" className="audit">
      <h2 id="audit-title">Audit log</h2>
      {audit.isPending && <Loading what="the audit log" />}
      {audit.error && <Failure error={audit.error} />}
      {audit.data && (
        <p data-testid="audit-check" className={audit.data.check.ok ? 'verified' : 'failure'}>
          {audit.data.check.ok ? '✓ ' : '✗ '}
          {checkText(audit.data.check)}
        </p>
      )}
      {checkpoint.error && <Failure error={checkpoint.error} />}
      {checkpoint.data === null && <p data-testid="checkpoint">No signed checkpoint yet.</p>}
      {checkpoint.data && (
        <p data-testid="checkpoint">
          Latest signed checkpoint: {checkpoint.data.entries} entries, head{' '}
          <code title={checkpoint.data.headHash}>{shortHash(checkpoint.data.headHash)}</code>, signed{' '}
          {checkpoint.data.at.slice(0, 19).replace('T', ' ')} by key{' '}
          {checkpoint.data.keyFingerprint.slice(0, 16)}
          {audit.data &&
            (checkpointHolds(entries, checkpoint.data)
              ? ' — the log still reaches this head.'
              : ' — the log no longer reaches this head!')}
        </p>
      )}
      {mediation && (
        <p>
          <button type="button" onClick={() => sign.mutate()} disabled={sign.isPending}>
            Sign a checkpoint now
          </button>
          {sign.error && <Failure error={sign.error} />}
        </p>
      )}
      {entries.length > 0 && (
        <div className="scroll" tabIndex={0} role="region" aria-labelledby="audit-title">
          <table data-testid="audit-entries">
            <caption>
              The latest {Math.min(SHOWN, entries.length)} of {entries.length} entries, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Hash</th>
              </tr>
            </thead>
            <tbody>
              {entries
                .slice(-SHOWN)
                .reverse()
                .map((e) => (
                  <tr key={e.seq} data-seq={e.seq}>
                    <td className="number">{e.seq}</td>
                    {e.action === undefined ? (
                      <td colSpan={4} className="hint">
                        sealed (another caucus)
                      </td>
                    ) : (
                      <>
                        <td className="date">{e.at?.slice(0, 19).replace('T', ' ')}</td>
                        <td>{e.roles}</td>
                        <td>{e.action}</td>
                        <td>{e.target}</td>
                      </>
                    )}
                    <td>
                      <code title={e.entryHash}>{shortHash(e.entryHash)}</code>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
