import { Fragment, startTransition, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import type { RedlineJson, UnitChangeJson } from '@parley/core/drafts/render-json.ts';
import { redlineRuns, sideRuns, UNATTRIBUTED, type RedlineRun } from './redline-segments.ts';

export type Colours = Map<string, string>;
export type NameOf = (id: string) => string;
export type RedlineMode = 'inline' | 'side-by-side';

/** Units drawn in the first frame (more than a screenful), then per later frame. */
const FIRST_UNITS = 20;
const MORE_UNITS = 60;

/**
 * How many of `total` units to draw: a screenful at once, the rest a chunk per frame, so a long
 * redline (COP21: 472 changed units, 10,000+ elements) shows at once and the page stays
 * responsive while the rest is drawn. Another redline mounts afresh (RedlineBody keys it), so a
 * chunk always adds to this redline's count. When a chunk instead checked which redline it was
 * for, a quick change of versions on a loaded machine left the check failing and the drawing
 * stopped for good (20 of 33 units in Chromium).
 */
function useDrawnUnits(total: number, onAllDrawn?: () => () => void): number {
  const [drawn, setDrawn] = useState(FIRST_UNITS);
  const count = Math.min(drawn, total);
  useEffect(() => {
    if (count >= total) return;
    const timer = setTimeout(() => startTransition(() => setDrawn((d) => d + MORE_UNITS)));
    return () => clearTimeout(timer);
  }, [count, total]);
  useLayoutEffect(() => (count >= total ? onAllDrawn?.() : undefined), [count, total, onAllDrawn]);
  return count;
}

/** A number for each redline object, so a new redline (a new answer) mounts a new drawing. */
const redlineKeys = new WeakMap<RedlineJson, number>();
let lastRedlineKey = 0;
function keyOf(r: RedlineJson): number {
  let key = redlineKeys.get(r);
  if (key === undefined) redlineKeys.set(r, (key = ++lastRedlineKey));
  return key;
}

/**
 * A redline as the page draws it — the stored versions' (from the server) and two local texts'
 * (from the worker) alike: the summary, the brackets per party, status changes and the changed
 * units. `prefix` keeps the test ids of the local redline apart from the stored versions' one.
 */
export function RedlineBody(props: RedlineBodyProps) {
  return <RedlineDrawing key={keyOf(props.redline)} {...props} />;
}

type RedlineBodyProps = {
  redline: RedlineJson;
  mode: RedlineMode;
  nameOf: NameOf;
  colours: Colours;
  busy?: boolean;
  prefix?: string;
  /** Called once every unit is in the DOM; may return a cleanup. */
  onAllDrawn?: () => () => void;
};

function RedlineDrawing({
  redline: r,
  mode,
  nameOf,
  colours,
  busy = false,
  prefix = '',
  onAllDrawn,
}: RedlineBodyProps) {
  const shown = useMemo(() => r.changes.filter((c) => c.op !== 'unchanged' || c.moved || c.renumbered), [r]);
  const quiet = r.changes.length - shown.length;
  const drawn = useDrawnUnits(shown.length, onAllDrawn);
  return (
    <div
      data-testid={`${prefix}redline`}
      aria-busy={busy || drawn < shown.length}
      data-drawn={drawn < shown.length ? drawn : 'all'}
    >
      <p data-testid={`${prefix}redline-summary`}>
        {r.a.label} → {r.b.label}: words +{r.summary.wordsAdded} −{r.summary.wordsRemoved} · moved{' '}
        {r.summary.moved} · renumbered {r.summary.renumbered} · units: {r.summary.units.modified} modified,{' '}
        {r.summary.units.inserted} inserted, {r.summary.units.deleted} deleted, {r.summary.units.unchanged}{' '}
        unchanged
      </p>
      <BracketChanges
        summary={r.summary}
        nameOf={nameOf}
        colours={colours}
        testId={`${prefix}redline-brackets`}
      />
      {r.summary.statusChanges.length > 0 && (
        <ul aria-label="Provision status changes" data-testid={`${prefix}status-changes`}>
          {r.summary.statusChanges.map((s) => (
            <li key={s.unit}>
              {s.label}: {s.before ?? '—'} → {s.after ?? '—'}
            </li>
          ))}
        </ul>
      )}
      <ol className="units" aria-label="Changed units">
        {shown.slice(0, drawn).map((c, i) => (
          <UnitChange key={i} change={c} mode={mode} nameOf={nameOf} colours={colours} />
        ))}
      </ol>
      {drawn < shown.length && (
        <p className="hint">
          Drawing the changed units: {drawn} of {shown.length}…
        </p>
      )}
      {quiet > 0 && <p className="hint">{quiet} units unchanged (not shown).</p>}
    </div>
  );
}

export function PartySwatch({ party, colours }: { party: string; colours: Colours }) {
  return <span className="swatch" aria-hidden="true" style={{ background: colours.get(party) }} />;
}

function BracketChanges({
  summary,
  nameOf,
  colours,
  testId,
}: {
  summary: { brackets: Record<string, { before: number; after: number; opened: number; closed: number }> };
  nameOf: NameOf;
  colours: Colours;
  testId: string;
}) {
  const parties = Object.keys(summary.brackets);
  if (parties.length === 0) return null;
  return (
    <div className="scroll">
      <table data-testid={testId}>
        <caption>Brackets per party in this redline</caption>
        <thead>
          <tr>
            <th scope="col">Party</th>
            <th scope="col" className="number">
              Before
            </th>
            <th scope="col" className="number">
              After
            </th>
            <th scope="col" className="number">
              Opened
            </th>
            <th scope="col" className="number">
              Closed
            </th>
          </tr>
        </thead>
        <tbody>
          {parties.map((p) => {
            const b = summary.brackets[p]!;
            return (
              <tr key={p}>
                <th scope="row">
                  <PartySwatch party={p} colours={colours} /> {nameOf(p)}
                </th>
                <td className="number">{b.before}</td>
                <td className="number">{b.after}</td>
                <td className="number">+{b.opened}</td>
                <td className="number">−{b.closed}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const OP_WORDS = {
  modified: 'changed',
  inserted: 'added',
  deleted: 'removed',
  unchanged: 'unchanged',
} as const;

function UnitChange({
  change: c,
  mode,
  nameOf,
  colours,
}: {
  change: UnitChangeJson;
  mode: RedlineMode;
  nameOf: NameOf;
  colours: Colours;
}) {
  const runs = useMemo(() => redlineRuns(c.edits ?? []), [c.edits]);
  const label = c.b?.label ?? c.a?.label ?? c.unit;
  const notes: string[] = [OP_WORDS[c.op]];
  if (c.moved) notes.push(`moved from ${c.a?.label}`);
  else if (c.renumbered && c.a && c.b) notes.push(`renumbered from ${c.a.label}`);
  if (c.statusBefore !== c.statusAfter && (c.statusBefore || c.statusAfter))
    notes.push(`${c.statusBefore ?? '—'} → ${c.statusAfter ?? '—'}`);
  if (c.degraded) notes.push('shown as replaced (too many word edits)');
  return (
    <li className={`unit unit-${c.op}`} data-unit={c.b?.id ?? c.a?.id}>
      <h3 className="unit-label">
        {label} <span className="hint">({notes.join('; ')})</span>
      </h3>
      {runs.length > 0 &&
        (mode === 'inline' ? (
          <p className="redline-text">
            <Runs runs={runs} nameOf={nameOf} colours={colours} />
          </p>
        ) : (
          <div className="side-by-side">
            <div>
              <p className="side-label">{c.a ? `Before (${c.a.label})` : 'Before: not in this version'}</p>
              <p className="redline-text">
                <Runs runs={sideRuns(runs, 'before')} nameOf={nameOf} colours={colours} />
              </p>
            </div>
            <div>
              <p className="side-label">{c.b ? `After (${c.b.label})` : 'After: not in this version'}</p>
              <p className="redline-text">
                <Runs runs={sideRuns(runs, 'after')} nameOf={nameOf} colours={colours} />
              </p>
            </div>
          </div>
        ))}
    </li>
  );
}

/**
 * The runs of a unit: added and removed words as <ins>/<del>, brackets named by party and underlined
 * in its colour. Kept words outside brackets are bare text: a long redline (COP21: ~3,000 edits in
 * 470 units) draws in a fraction of the time with an element only where a run is marked.
 */
function Runs({ runs, nameOf, colours }: { runs: readonly RedlineRun[]; nameOf: NameOf; colours: Colours }) {
  const partyName = (p: string) => (p === UNATTRIBUTED ? 'unattributed' : nameOf(p));
  return (
    <>
      {runs.map((r, i) => {
        let body: React.ReactNode;
        if (r.kind === 'text') {
          body = r.party ? (
            <span className="bracketed" style={{ borderColor: colours.get(r.party) }} data-party={r.party}>
              {r.text}
            </span>
          ) : (
            r.text
          );
        } else if (r.kind === 'close') {
          body = <span className="bracket-mark">{r.choice ? '}' : ']'}</span>;
        } else {
          body = (
            <span className="bracket-mark" style={{ borderColor: colours.get(r.party) }} data-party={r.party}>
              {r.kind === 'open' ? (r.choice ? '{' : '[') : '| '}
              <b>{partyName(r.party)}:</b>{' '}
            </span>
          );
        }
        return (
          <Fragment key={i}>
            {r.space ? ' ' : ''}
            {r.op === 'insert' ? <ins>{body}</ins> : r.op === 'delete' ? <del>{body}</del> : body}
          </Fragment>
        );
      })}
    </>
  );
}

/** The choice between an inline redline and the two texts side by side. */
export function RedlineModeChoice({
  name,
  mode,
  onChange,
}: {
  /** The radio group's name: unique on the page. */
  name: string;
  mode: RedlineMode;
  onChange: (mode: RedlineMode) => void;
}) {
  return (
    <fieldset className="mode">
      <legend>Show</legend>
      {(['inline', 'side-by-side'] as const).map((m) => (
        <label key={m}>
          <input type="radio" name={name} checked={mode === m} onChange={() => onChange(m)} />{' '}
          {m === 'inline' ? 'Inline' : 'Side by side'}
        </label>
      ))}
    </fieldset>
  );
}
