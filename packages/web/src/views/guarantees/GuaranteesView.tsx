import type { GuaranteesReport } from '@parley/app/guarantees/report.ts';
import type { TriggerKind } from '@parley/model/schema/guarantee.ts';
import { useGuarantees } from '../../api/guarantees.ts';
import { useActorNames } from '../../api/drafts.ts';
import { useAddressChoices } from '../../shell/address-choices.ts';
import { useCaseId } from '../../shell/case-id.ts';
import { Failure, Loading } from '../../shell/Status.tsx';
import { columnLabel, percent, resultAt } from './guarantee-cells.ts';
import { ScratchCopy } from './ScratchCopy.tsx';
import './guarantees.css';
import { grouped } from '../../format/grouped.ts';

const TRIGGERS: TriggerKind[] = ['armed-attack', 'nuclear-attack', 'threat-of-attack', 'nuclear-threat'];

/**
 * The guarantees lab: every instrument (the case's and the reference library's) under each
 * scenario — attacker, place, trigger — with the chance of any help and, per cell, the steps of
 * the explanation. The filters live in the address (?attacker=…&place=…&trigger=…&library=false),
 * and so does the instrument whose scratch copy is open (?copy=…).
 */
export default function GuaranteesView() {
  const caseId = useCaseId();
  const nameOf = useActorNames(caseId);
  const [params, choose] = useAddressChoices();
  const query = {
    ...(params.get('attacker') ? { attacker: params.get('attacker')! } : {}),
    ...(params.get('place') ? { place: params.get('place')! } : {}),
    ...(params.get('trigger') ? { trigger: params.get('trigger') as TriggerKind } : {}),
    ...(params.get('library') === 'false' ? { library: 'false' as const } : {}),
  };
  const all = useGuarantees(caseId, {});
  const report = useGuarantees(caseId, query);
  const set = (key: string, value: string) => choose({ [key]: value });
  const attackers = [...new Set(all.data?.columns.map((c) => c.attacker) ?? [])];
  const places = [...new Set(all.data?.columns.flatMap((c) => (c.place ? [c.place] : [])) ?? [])];
  return (
    <article aria-labelledby="guarantees-title" className="guarantees">
      <h1 id="guarantees-title">Guarantees</h1>
      <p className="hint">
        Who is obliged, who can block, and the chance of any help, per instrument and scenario (Monte Carlo
        over the analyst’s assumptions about each guarantor).
      </p>
      <div className="filters">
        <label>
          Attacker{' '}
          <select value={params.get('attacker') ?? ''} onChange={(e) => set('attacker', e.target.value)}>
            <option value="">every attacker</option>
            {attackers.map((a) => (
              <option key={a} value={a}>
                {nameOf(a)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Place{' '}
          <select value={params.get('place') ?? ''} onChange={(e) => set('place', e.target.value)}>
            <option value="">every place</option>
            <option value="core">core territory</option>
            {places.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label>
          Trigger{' '}
          <select value={params.get('trigger') ?? ''} onChange={(e) => set('trigger', e.target.value)}>
            <option value="">armed-attack (default)</option>
            {TRIGGERS.slice(1).map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={params.get('library') !== 'false'}
            onChange={(e) => set('library', e.target.checked ? '' : 'false')}
          />{' '}
          Reference library too
        </label>
      </div>
      {report.isPending && <Loading what="the comparison" />}
      {report.error && <Failure error={report.error} />}
      {report.data && <Comparison report={report.data} nameOf={nameOf} edit={(id) => choose({ copy: id })} />}
      {report.data && params.get('copy') && (
        <ScratchCopy
          // A new instrument starts a fresh form.
          key={params.get('copy')!}
          caseId={caseId}
          instrumentId={params.get('copy')!}
          query={query}
          original={report.data}
          nameOf={nameOf}
          close={() => choose({ copy: '' })}
        />
      )}
    </article>
  );
}

function Comparison({
  report,
  nameOf,
  edit,
}: {
  report: GuaranteesReport;
  nameOf: (id: string) => string;
  edit: (instrument: string) => void;
}) {
  return (
    <section aria-labelledby="comparison-title">
      <h2 id="comparison-title">Instruments under each scenario</h2>
      <p className="hint">
        {grouped(report.runs)} runs per cell, seed {report.seed}; intervals at {report.confidence * 100}%.
      </p>
      {/* Focusable, so a keyboard can scroll the wide table. */}
      <div className="scroll" tabIndex={0} role="region" aria-labelledby="comparison-title">
        <table data-testid="guarantees-table">
          <thead>
            <tr>
              <th scope="col">Instrument</th>
              {report.columns.map((c) => (
                <th scope="col" key={columnLabel(c)}>
                  {columnLabel(c, nameOf)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.instruments.map((i) => (
              <tr key={i.id} data-instrument={i.id}>
                <th scope="row">
                  {i.title}
                  <span className="hint">
                    {' '}
                    ({i.origin}; {i.decisionRule}; {i.obligation}
                    {i.excludes.length > 0 && `; excludes ${i.excludes.join(', ')}`})
                  </span>{' '}
                  <button type="button" onClick={() => edit(i.id)} aria-label={`Edit a copy of ${i.title}`}>
                    Edit a copy
                  </button>
                </th>
                {report.columns.map((c) => {
                  const r = resultAt(report, i.id, c);
                  return (
                    <td key={columnLabel(c)} data-column={columnLabel(c)}>
                      {!r ? (
                        '—'
                      ) : (
                        <>
                          <span className="status">{r.status}</span>
                          <span className="number"> any help {percent(r.anyHelp.probability)}</span>
                          {r.canBlock.length > 0 && (
                            <span className="hint">
                              {' '}
                              · can block: {r.canBlock.map((b) => b.actor).join(', ')}
                            </span>
                          )}
                          <details>
                            <summary>Why</summary>
                            <ol className="steps">
                              {r.explanation.map((s, k) => (
                                <li key={k}>
                                  <b>{s.step}</b>: {s.text}
                                  {s.cites.length > 0 && (
                                    <span className="hint"> [{s.cites.map((x) => x.label).join('; ')}]</span>
                                  )}
                                </li>
                              ))}
                            </ol>
                          </details>
                        </>
                      )}
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
