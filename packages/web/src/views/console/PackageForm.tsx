import { useState, type FormEvent } from 'react';
import type { PackageValue } from '@parley/model/schema/conduct.ts';
import type { Issue } from '@parley/model/schema/issues.ts';
import { useTablePackage } from '../../api/conduct.ts';
import { Failure } from '../../shell/Status.tsx';
import { channelTitle, formValue } from './conduct-text.ts';
import type { ConsoleContext } from './console-context.ts';

interface Row {
  issue: string;
  raw: string | string[];
}

/**
 * Table a package: a value for each chosen agenda issue, in a channel the caller speaks in. The
 * server checks each value against its issue (kind, options, members, unit) and names any problem.
 */
export function PackageForm({ context }: { context: ConsoleContext }) {
  const { caseId, channels, issues, nameOf, mover } = context;
  const agenda = [...issues.values()];
  const own = channels.find((c) => c.party !== null && mover.delegations.includes(c.party));
  const [channel, setChannel] = useState(own?.id ?? channels.find((c) => c.party)?.id ?? 'plenary');
  const [rows, setRows] = useState<Row[]>([{ issue: '', raw: '' }]);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const table = useTablePackage(caseId);
  const setRow = (i: number, row: Row) => setRows(rows.map((r, j) => (j === i ? row : r)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const values: PackageValue[] = [];
    for (const [i, row] of rows.entries()) {
      const issue = issues.get(row.issue);
      const value = issue && formValue(issue, row.raw);
      if (!issue || value === undefined)
        return setProblem(`Issue ${i + 1}: choose an issue and give its value.`);
      values.push({ issue: issue.id, value });
    }
    setProblem(undefined);
    table.mutate(
      { channel, values, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          setRows([{ issue: '', raw: '' }]);
          setNote('');
        },
      },
    );
  };

  return (
    <section aria-labelledby="package-title" className="package-form">
      <h2 id="package-title">Table a package</h2>
      <form onSubmit={submit}>
        <label htmlFor="package-channel">In</label>
        <select id="package-channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
          {channels.map((c) => (
            <option key={c.id} value={c.id}>
              {channelTitle(c.id, nameOf)}
            </option>
          ))}
        </select>
        {rows.map((row, i) => (
          <fieldset key={i} className="package-row">
            <legend>Issue {i + 1}</legend>
            <label htmlFor={`package-issue-${i}`}>Issue</label>
            <select
              id={`package-issue-${i}`}
              value={row.issue}
              onChange={(e) => setRow(i, { issue: e.target.value, raw: '' })}
            >
              <option value="">— choose —</option>
              {agenda.map((issue) => (
                <option key={issue.id} value={issue.id}>
                  {issue.title}
                </option>
              ))}
            </select>
            {issues.get(row.issue) && (
              <ValueInput
                id={`package-value-${i}`}
                label="Value"
                issue={issues.get(row.issue)!}
                raw={row.raw}
                nameOf={nameOf}
                onChange={(raw) => setRow(i, { ...row, raw })}
              />
            )}
            {rows.length > 1 && (
              <button type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                Remove issue {i + 1}
              </button>
            )}
          </fieldset>
        ))}
        <button type="button" onClick={() => setRows([...rows, { issue: '', raw: '' }])}>
          Add an issue
        </button>
        <label htmlFor="package-note">Note (optional)</label>
        <input id="package-note" value={note} onChange={(e) => setNote(e.target.value)} />
        <p>
          <button type="submit" disabled={table.isPending}>
            Table the package
          </button>
        </p>
        {problem && (
          <p role="alert" className="failure">
            {problem}
          </p>
        )}
        {table.error && <Failure error={table.error} />}
        {table.isSuccess && <p role="status">Tabled in {channelTitle(channel, nameOf)}.</p>}
      </form>
    </section>
  );
}

/** The value of one issue, in the input its kind calls for. */
function ValueInput({
  id,
  label,
  issue,
  raw,
  nameOf,
  onChange,
}: {
  id: string;
  label: string;
  issue: Issue;
  raw: string | string[];
  nameOf: (id: string) => string;
  onChange: (raw: string | string[]) => void;
}) {
  const text = typeof raw === 'string' ? raw : '';
  const labelled = <label htmlFor={id}>{label}</label>;
  switch (issue.kind) {
    case 'boolean':
      return (
        <>
          {labelled}
          <select id={id} value={text} onChange={(e) => onChange(e.target.value)}>
            <option value="">— choose —</option>
            <option value="yes">yes</option>
            <option value="no">no</option>
          </select>
        </>
      );
    case 'choice':
      return (
        <>
          {labelled}
          <select id={id} value={text} onChange={(e) => onChange(e.target.value)}>
            <option value="">— choose —</option>
            {issue.options?.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </>
      );
    case 'set': {
      const ticked = Array.isArray(raw) ? raw : [];
      return (
        <fieldset id={id} className="members">
          <legend>{label}</legend>
          {issue.members?.map((m) => (
            <label key={m} className="member">
              <input
                type="checkbox"
                checked={ticked.includes(m)}
                onChange={(e) => onChange(e.target.checked ? [...ticked, m] : ticked.filter((x) => x !== m))}
              />{' '}
              {nameOf(m)}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'number':
      return (
        <>
          <label htmlFor={id}>
            {label}
            {issue.unit ? ` (${issue.unit})` : ''}
          </label>
          <input id={id} inputMode="decimal" value={text} onChange={(e) => onChange(e.target.value)} />
        </>
      );
    default:
      return (
        <>
          {labelled}
          <input id={id} value={text} onChange={(e) => onChange(e.target.value)} />
        </>
      );
  }
}
