import * as Plot from '@observablehq/plot';
import { useMemo, useState } from 'react';
import type { TimelineJson } from '@parley/app/views/timeline.ts';
import { useRecords, useView } from '../../api/queries.ts';
import { PlotFigure } from '../../charts/PlotFigure.tsx';
import { useCaseId } from '../../shell/case-id.ts';
import { Failure, Loading } from '../../shell/Status.tsx';
import { describePrecision, timelineMarks, type TimelineMark } from './timeline-marks.ts';

type Entry = TimelineJson['entries'][number];
const ALL = '';

/**
 * Rounds and events on one time axis, each date drawn with its real precision: a known day is a
 * dot, a month or an interval a bar over its days, an approximate or uncertain date hollow and
 * dashed. Filter by kind and actor; the list under the chart opens each entry's details.
 */
export default function TimelineView() {
  const caseId = useCaseId();
  const timeline = useView(caseId, 'timeline');
  const events = useRecords(caseId, 'event');
  const rounds = useRecords(caseId, 'round');
  const [lane, setLane] = useState(ALL);
  const [actor, setActor] = useState(ALL);
  const [selected, setSelected] = useState<string | undefined>();

  const actorsById = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const r of events.data ?? [])
      map.set(`event:${r.id}`, (r.body as { actors?: string[] }).actors ?? []);
    for (const r of rounds.data ?? []) {
      const b = r.body as { delegations?: { party: string }[]; hosts?: string[]; mediators?: string[] };
      map.set(`round:${r.id}`, [
        ...new Set([
          ...(b.delegations ?? []).map((d) => d.party),
          ...(b.hosts ?? []),
          ...(b.mediators ?? []),
        ]),
      ]);
    }
    return map;
  }, [events.data, rounds.data]);

  const marks = useMemo(
    () => timelineMarks(timeline.data?.entries ?? [], (e) => actorsById.get(`${e.kind}:${e.id}`) ?? []),
    [timeline.data, actorsById],
  );
  const lanes = useMemo(() => [...new Set(marks.map((m) => m.lane))].sort(), [marks]);
  const actors = useMemo(() => [...new Set(marks.flatMap((m) => m.actors))].sort(), [marks]);
  const shown = useMemo(
    () =>
      marks.filter((m) => (lane === ALL || m.lane === lane) && (actor === ALL || m.actors.includes(actor))),
    [marks, lane, actor],
  );
  const options = useMemo(() => timelinePlot(shown, lanes, selected), [shown, lanes, selected]);

  if (timeline.isPending) return <Loading what="the timeline" />;
  if (timeline.error) return <Failure error={timeline.error} />;
  const entries = new Map(timeline.data.entries.map((e) => [`${e.kind}:${e.id}`, e]));
  const chosen = shown.find((m) => m.id === selected);
  return (
    <article aria-labelledby="timeline-title">
      <h1 id="timeline-title">Timeline</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Kind{' '}
          <select value={lane} onChange={(e) => setLane(e.target.value)}>
            <option value={ALL}>all kinds</option>
            {lanes.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          Actor{' '}
          <select value={actor} onChange={(e) => setActor(e.target.value)}>
            <option value={ALL}>all actors</option>
            {actors.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <span role="status" className="hint">
          {shown.length} of {marks.length} entries
        </span>
      </form>
      <PlotFigure options={options} label="Rounds and events over time" testId="timeline-chart" />
      <p className="hint">
        Dot: a known day. Bar: a month, a year or an interval. Hollow or dashed: approximate or uncertain.
        Arrow-ended bar: an interval with an open end.
      </p>
      <div className="columns">
        <ol className="entries" aria-label="Entries">
          {shown.map((m) => (
            <li key={`${m.kind}:${m.id}`}>
              <button
                type="button"
                aria-pressed={m.id === selected}
                onClick={() => setSelected(m.id)}
                onFocus={() => setSelected(m.id)}
              >
                <span className="date">{m.date}</span> {m.title}
              </button>
            </li>
          ))}
        </ol>
        {chosen && <Details mark={chosen} entry={entries.get(`${chosen.kind}:${chosen.id}`)} />}
      </div>
    </article>
  );
}

function Details({ mark, entry }: { mark: TimelineMark; entry: Entry | undefined }) {
  return (
    <aside aria-labelledby="entry-title" className="details" data-testid="timeline-details">
      <h2 id="entry-title">{mark.title}</h2>
      <p className="hint">
        {mark.date} ({describePrecision(mark)}) · {mark.kind} · {mark.lane}
      </p>
      {entry?.description && <p>{entry.description}</p>}
      {mark.actors.length > 0 && <p>Actors: {mark.actors.join(', ')}</p>}
      {entry && entry.sources.length > 0 && <p>Sources: {entry.sources.join(', ')}</p>}
      {entry?.contested.map((c) => (
        <p key={c.proposition} className="contested">
          Contested: {c.statement} —{' '}
          {c.claims.map((cl) => `${cl.claimant}: ${cl.value ?? cl.stance}`).join('; ')}
        </p>
      ))}
    </aside>
  );
}

/** The chart: one lane per kind, spans as bars, days as dots, hedged dates hollow and dashed. */
function timelinePlot(
  marks: TimelineMark[],
  lanes: string[],
  selected: string | undefined,
): Plot.PlotOptions {
  const title = (m: TimelineMark) => `${m.date} ${m.title} (${describePrecision(m)})`;
  const spans = (hedged: boolean) => marks.filter((m) => !m.point && m.hedged === hedged);
  const points = (hedged: boolean) => marks.filter((m) => m.point && m.hedged === hedged);
  const bar = {
    x1: 'start',
    x2: 'end',
    y: 'lane',
    stroke: 'lane',
    insetTop: 6,
    insetBottom: 6,
    title,
  } as const;
  const chosen = marks.filter((m) => m.id === selected);
  return {
    marginLeft: 90,
    height: Math.max(160, lanes.length * 36 + 60),
    x: { type: 'utc', label: null, grid: true },
    y: { domain: lanes, label: null },
    color: { domain: lanes, scheme: 'tableau10' },
    marks: [
      // A month, a year or an interval: every day it may denote, firmer when the record is firm.
      Plot.barX(spans(false), { ...bar, fill: 'lane', fillOpacity: 0.45 }),
      Plot.barX(spans(true), { ...bar, fill: 'lane', fillOpacity: 0.12, strokeDasharray: '4,3' }),
      Plot.text(
        marks.filter((m) => m.openEnd),
        { x: 'end', y: 'lane', text: () => '→', dx: 6, ariaHidden: 'true' },
      ),
      Plot.dot(points(false), { x: 'start', y: 'lane', r: 5, fill: 'lane', stroke: 'lane', title }),
      Plot.dot(points(true), {
        x: 'start',
        y: 'lane',
        r: 5,
        fill: 'white',
        stroke: 'lane',
        strokeDasharray: '2,2',
        title,
      }),
      Plot.dot(chosen, {
        x: (m: TimelineMark) => (m.point ? m.start : new Date((+m.start + +m.end) / 2)),
        y: 'lane',
        r: 9,
        stroke: 'currentColor',
        strokeWidth: 2,
        // The ring only echoes the list's selection, which says it in words.
        ariaHidden: 'true',
      }),
    ],
  };
}
