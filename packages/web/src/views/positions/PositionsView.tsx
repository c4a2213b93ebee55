import * as Plot from '@observablehq/plot';
import { useDeferredValue, useMemo, useState } from 'react';
import type { StandingJson } from '@parley/app/views/standing.ts';
import { useView } from '../../api/queries.ts';
import { PlotFigure } from '../../charts/PlotFigure.tsx';
import { useCaseId } from '../../shell/case-id.ts';
import { Failure, Loading } from '../../shell/Status.tsx';
import { daysBetween, numericSeries, positionText } from './position-values.ts';
import { grouped } from '../../format/grouped.ts';

/**
 * Each issue's standing per party on a chosen day (the slider), and for a numeric issue the
 * parties' positions and the gap between them over time. Contested values carry the competing claims.
 */
export default function PositionsView() {
  const caseId = useCaseId();
  const overview = useView(caseId, 'overview');
  if (overview.isPending) return <Loading what="the case's dates" />;
  if (overview.error) return <Failure error={overview.error} />;
  const o = overview.data;
  if (!o.firstDate || !o.lastDate) return <p>The case records no dated round or event.</p>;
  const first = o.firstDate.slice(0, 10);
  const last = o.lastDate.slice(0, 10);
  return <Positions caseId={caseId} days={daysBetween(first, last)} start={o.asOf ?? last} />;
}

function Positions({ caseId, days, start }: { caseId: string; days: string[]; start: string }) {
  const [index, setIndex] = useState(() => Math.max(0, days.indexOf(start)));
  const day = days[index] ?? days.at(-1)!;
  // The slider moves at once; the query follows the day the user settles on.
  const asked = useDeferredValue(day);
  const positions = useView(caseId, 'positions', { at: asked });
  const numeric = positions.data?.issues.filter((i) => i.kind === 'number') ?? [];
  const [issue, setIssue] = useState('troop-ceiling');
  const charted = numeric.some((i) => i.issue === issue) ? issue : numeric[0]?.issue;
  return (
    <article aria-labelledby="positions-title">
      <h1 id="positions-title">Positions</h1>
      <div className="slider">
        <label htmlFor="positions-day">Positions as of</label>
        <input
          id="positions-day"
          type="range"
          min={0}
          max={days.length - 1}
          value={index}
          aria-valuetext={day}
          onChange={(e) => setIndex(Number(e.target.value))}
        />
        <output htmlFor="positions-day" data-testid="positions-day">
          {day}
        </output>
      </div>
      {positions.error && <Failure error={positions.error} />}
      {charted && <GapChart caseId={caseId} issue={charted} day={day} numeric={numeric} onIssue={setIssue} />}
      {positions.data && <Standings issues={positions.data.issues} parties={positions.data.parties} />}
    </article>
  );
}

function Standings({ issues, parties }: { issues: StandingJson[]; parties: string[] }) {
  if (issues.length === 0) return <p>Nobody had taken a position on any issue yet.</p>;
  return (
    <section aria-labelledby="standings-title">
      <h2 id="standings-title">Each issue, per party</h2>
      <div className="scroll">
        <table data-testid="standings">
          <thead>
            <tr>
              <th scope="col">Issue</th>
              {parties.map((p) => (
                <th scope="col" key={p}>
                  {p}
                </th>
              ))}
              <th scope="col">Gap</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((i) => (
              <tr key={i.issue} data-issue={i.issue}>
                <th scope="row">{i.title}</th>
                {parties.map((party) => {
                  const p = i.positions.find((x) => x.party === party);
                  return (
                    <td key={party}>
                      {p ? positionText(p, i.unit) : '—'}
                      {p && p.contested.length > 0 && (
                        <details className="contested">
                          <summary>contested</summary>
                          {p.contested.map((c) => (
                            <div key={c.proposition}>
                              <p>{c.statement}</p>
                              <ul>
                                {c.claims.map((cl) => (
                                  <li key={cl.id}>
                                    {cl.claimant} {cl.stance}
                                    {cl.value !== undefined && `: ${cl.value}`}
                                    {cl.basis === 'inferred' && ' (analyst’s inference)'}
                                    {cl.sources.length > 0 && ` [${cl.sources.join(', ')}]`}
                                  </li>
                                ))}
                              </ul>
                            </div>
                          ))}
                        </details>
                      )}
                    </td>
                  );
                })}
                <td className="number">{i.gap ? `${grouped(i.gap.value)} ${i.gap.unit}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function GapChart({
  caseId,
  issue,
  day,
  numeric,
  onIssue,
}: {
  caseId: string;
  issue: string;
  day: string;
  numeric: StandingJson[];
  onIssue: (issue: string) => void;
}) {
  const history = useView(caseId, 'history', { issue });
  const unit = numeric.find((i) => i.issue === issue)?.unit ?? '';
  const series = useMemo(() => numericSeries(history.data?.steps ?? []), [history.data]);
  const options = useMemo<Plot.PlotOptions>(() => {
    return {
      marginLeft: 70,
      marginRight: 60,
      height: 260,
      x: { type: 'utc', label: null, grid: true },
      y: { label: unit, grid: true, zero: true },
      color: { legend: true },
      marks: [
        Plot.line(series, { x: 'date', y: 'value', stroke: 'party', curve: 'step-after', marker: 'dot' }),
        // The party's name at its last point: colour is never the only sign of whose line it is.
        Plot.text(
          series,
          Plot.selectLast({ x: 'date', y: 'value', z: 'party', text: 'party', dx: 8, textAnchor: 'start' }),
        ),
        Plot.ruleX([new Date(`${day}T00:00:00Z`)], {
          stroke: 'currentColor',
          strokeDasharray: '3,3',
          ariaHidden: 'true',
        }),
      ],
    };
  }, [series, unit, day]);
  return (
    <section aria-labelledby="gap-title">
      <h2 id="gap-title">The gap over time</h2>
      <label>
        Numeric issue{' '}
        <select value={issue} onChange={(e) => onIssue(e.target.value)}>
          {numeric.map((i) => (
            <option key={i.issue} value={i.issue}>
              {i.title}
            </option>
          ))}
        </select>
      </label>
      {history.error && <Failure error={history.error} />}
      <PlotFigure
        options={options}
        label={`Each party's position on ${issue} over time`}
        testId="gap-chart"
      />
      <table data-testid="gap-history">
        <caption>Each move on {issue}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Positions</th>
            <th scope="col">Gap</th>
          </tr>
        </thead>
        <tbody>
          {history.data?.steps.map((s) => (
            <tr key={s.date}>
              <td>{s.date}</td>
              <td>{s.positions.map((p) => `${p.party} ${positionText(p, s.unit)}`).join('; ')}</td>
              <td className="number">{s.gap ? `${grouped(s.gap.value)} ${s.gap.unit}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
