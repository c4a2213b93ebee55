import { useState } from 'react';
import type { GuaranteesReport } from '@parley/app/guarantees/report.ts';
import type { DecisionRule, GuaranteeInstrument } from '@parley/model/schema/guarantee.ts';
import { useEvaluateCopy, useInstrument, type GuaranteesQuery } from '../../api/guarantees.ts';
import { Failure, Loading } from '../../shell/Status.tsx';
import { columnLabel, resultAt } from './guarantee-cells.ts';
import { cellWords, changedParts, clausesOf, withClauses, type Clauses } from './scratch-copy.ts';

const RULES: { rule: DecisionRule; words: string }[] = [
  { rule: 'individual', words: 'each guarantor for itself' },
  { rule: 'unanimity-all', words: 'all guarantors' },
  { rule: 'unanimity-excluding-attacker', words: 'all but the attacker' },
  { rule: 'majority', words: 'a majority of all guarantors' },
  { rule: 'unsc', words: 'the Security Council' },
];

interface Props {
  caseId: string;
  instrumentId: string;
  query: GuaranteesQuery;
  /** The comparison of the recorded instruments under the same scenarios. */
  original: GuaranteesReport;
  nameOf: (id: string) => string;
  close: () => void;
}

/**
 * "Edit a copy": change the decision rule, the consultation window or the exclusions of one
 * instrument and see its results beside the original's. The copy lives on this page only.
 */
export function ScratchCopy(props: Props) {
  const recorded = useInstrument(props.caseId, props.instrumentId);
  return (
    <section aria-labelledby="copy-title" className="scratch-copy" data-testid="scratch-copy">
      <h2 id="copy-title">Scratch copy of {recorded.data?.instrument.title ?? props.instrumentId}</h2>
      <p className="hint" data-testid="nothing-saved">
        Nothing is saved: the copy lives on this page only, and the case’s records stay as they are.
      </p>
      {recorded.isPending && <Loading what="the instrument" />}
      {recorded.error && <Failure error={recorded.error} />}
      {recorded.data && (
        <CopyForm {...props} instrument={recorded.data.instrument} places={recorded.data.places} />
      )}
      <button type="button" onClick={props.close}>
        Close the copy
      </button>
    </section>
  );
}

function CopyForm({
  caseId,
  query,
  original,
  nameOf,
  instrument,
  places,
}: Props & { instrument: GuaranteeInstrument; places: { id: string; name: string }[] }) {
  const [clauses, setClauses] = useState<Clauses>(() => clausesOf(instrument));
  const evaluate = useEvaluateCopy(caseId, query);
  const change = (fields: Partial<Clauses>) => setClauses((c) => ({ ...c, ...fields }));
  const toggle = (place: string, on: boolean) =>
    change({ excludes: on ? [...clauses.excludes, place] : clauses.excludes.filter((p) => p !== place) });
  return (
    <>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          evaluate.mutate(withClauses(instrument, clauses));
        }}
      >
        <label>
          Decision rule{' '}
          <select
            value={clauses.decisionRule}
            onChange={(e) => change({ decisionRule: e.target.value as DecisionRule })}
          >
            {RULES.map(({ rule, words }) => (
              <option key={rule} value={rule}>
                {rule} ({words})
              </option>
            ))}
          </select>
        </label>
        {instrument.consultation ? (
          <label>
            Consultation window (days){' '}
            <input
              type="number"
              min={1}
              step={1}
              value={clauses.days ?? ''}
              onChange={(e) => change({ days: e.target.value === '' ? undefined : Number(e.target.value) })}
            />
          </label>
        ) : (
          <p className="hint">The text has no consultation clause, so no window to change.</p>
        )}
        <fieldset>
          <legend>Places excluded from the guarantee</legend>
          {places.length === 0 && <p className="hint">The case names no places of this state.</p>}
          {places.map((p) => (
            <label key={p.id}>
              <input
                type="checkbox"
                checked={clauses.excludes.includes(p.id)}
                onChange={(e) => toggle(p.id, e.target.checked)}
              />{' '}
              {p.name}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={evaluate.isPending}>
          Evaluate the copy
        </button>
      </form>
      {evaluate.isPending && <Loading what="the copy" />}
      {evaluate.error && <Failure error={evaluate.error} />}
      {evaluate.data && (
        <Beside original={original} copy={evaluate.data} instrumentId={instrument.id} nameOf={nameOf} />
      )}
    </>
  );
}

/** The original's cells and the copy's, one scenario a row, changed cells marked in words. */
function Beside({
  original,
  copy,
  instrumentId,
  nameOf,
}: {
  original: GuaranteesReport;
  copy: GuaranteesReport;
  instrumentId: string;
  nameOf: (id: string) => string;
}) {
  return (
    <div className="scroll" tabIndex={0} role="region" aria-labelledby="copy-result-title">
      <table data-testid="copy-table">
        <caption id="copy-result-title">The original and the copy under each scenario</caption>
        <thead>
          <tr>
            <th scope="col">Scenario</th>
            <th scope="col">Original</th>
            <th scope="col">Copy</th>
            <th scope="col">Changed</th>
          </tr>
        </thead>
        <tbody>
          {copy.columns.map((c) => {
            const before = resultAt(original, instrumentId, c);
            const after = resultAt(copy, instrumentId, c);
            const changed = changedParts(before, after);
            return (
              <tr
                key={columnLabel(c)}
                data-column={columnLabel(c)}
                className={changed.length > 0 ? 'changed' : ''}
              >
                <th scope="row">{columnLabel(c, nameOf)}</th>
                <Cell words={cellWords(before, nameOf)} />
                <Cell words={cellWords(after, nameOf)} />
                <td className="change">{changed.length > 0 ? `changed: ${changed.join(', ')}` : 'same'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Cell({ words }: { words: ReturnType<typeof cellWords> }) {
  return (
    <td>
      <span className="status">{words.status}</span>
      <span className="number"> any help {words.anyHelp}</span>
      <span className="hint"> · can block: {words.canBlock}</span>
    </td>
  );
}
