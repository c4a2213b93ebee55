import * as Plot from '@observablehq/plot';
import { useMemo, useState } from 'react';
import type { DealsReport } from '@parley/core/bargaining/case-report.ts';
import type { DealWindowReport } from '@parley/app/deals/window.ts';
import { useAssumptions, useDealFrontier, useDeals, useDealWindow, useSensitivity } from '../../api/deals.ts';
import { useActorNames } from '../../api/drafts.ts';
import { PlotFigure } from '../../charts/PlotFigure.tsx';
import { useAddressChoices } from '../../shell/address-choices.ts';
import { useCaseId } from '../../shell/case-id.ts';
import { Failure, Loading } from '../../shell/Status.tsx';
import './deals.css';
import { frontierRows, type FrontierRow } from './frontier-rows.ts';
import { marginSteps, missingSolutions, signed, spansText, utilityPoints } from './utility-points.ts';
import { grouped } from '../../format/grouped.ts';

type NameOf = (id: string) => string;

/**
 * The deals lab over the case's analyst model: the Pareto frontier, the fair points and the
 * reservation values in the utility space of two signatories the user picks, the deal window over time with the events that
 * move it, a scenario switcher and the sensitivity of the window to one assumption. The choices
 * live in the address (?scenario=…&at=…&x=…&y=…).
 */
export default function DealsView() {
  const caseId = useCaseId();
  const nameOf = useActorNames(caseId);
  const [params, choose] = useAddressChoices();
  const scenario = params.get('scenario') ?? '';
  const at = params.get('at') ?? '';
  const set = (key: string, value: string) => choose({ [key]: value });
  const scenarioQuery = scenario ? { scenario } : {};
  const window = useDealWindow(caseId, scenarioQuery);
  const day = useDeals(caseId, { ...scenarioQuery, ...(at ? { at } : {}) });
  return (
    <article aria-labelledby="deals-title" className="deals">
      <h1 id="deals-title">Deals</h1>
      <p className="hint">The analyst’s model of each side’s interests: assumptions, not facts.</p>
      <div className="filters">
        <label>
          Scenario{' '}
          <select value={scenario} onChange={(e) => set('scenario', e.target.value)}>
            <option value="">baseline</option>
            {window.data?.scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Day{' '}
          <select value={at} onChange={(e) => set('at', e.target.value)}>
            <option value="">the case’s date</option>
            {window.data?.intervals.map((i) => (
              <option key={i.from} value={i.from}>
                {i.from} ({i.events.join(', ')})
              </option>
            ))}
          </select>
        </label>
      </div>
      {day.isPending && <Loading what="the day’s analysis" />}
      {day.error && <Failure error={day.error} />}
      {day.data && (
        <UtilitySpace
          caseId={caseId}
          report={day.data}
          nameOf={nameOf}
          x={params.get('x')}
          y={params.get('y')}
          onPick={set}
        />
      )}
      {window.isPending && <Loading what="the deal window" />}
      {window.error && <Failure error={window.error} />}
      {window.data && <Window window={window.data} />}
      <Sensitivity caseId={caseId} scenario={scenario} />
    </article>
  );
}

function UtilitySpace({
  caseId,
  report,
  nameOf,
  x: askedX,
  y: askedY,
  onPick,
}: {
  caseId: string;
  report: DealsReport;
  nameOf: NameOf;
  x: string | null;
  y: string | null;
  onPick: (key: string, value: string) => void;
}) {
  const signatories = Object.keys(report.reservationValues);
  const x = askedX && signatories.includes(askedX) ? askedX : (signatories[0] ?? '');
  const y =
    askedY && signatories.includes(askedY) && askedY !== x
      ? askedY
      : (signatories.find((s) => s !== x) ?? '');
  const points = useMemo(() => utilityPoints(report, x, y), [report, x, y]);
  // The frontier of the two chosen signatories on the day shown (the other stakeholders ignored).
  const frontier = useDealFrontier(caseId, {
    a: x,
    b: y,
    at: report.at,
    ...(report.scenario ? { scenario: report.scenario } : {}),
  });
  const shown = frontier.data && frontier.data.parties.join() === `${x},${y}` ? frontier.data : undefined;
  const rows = useMemo(() => (shown ? frontierRows(shown.frontier, points) : []), [shown, points]);
  const rx = report.reservationValues[x]?.value ?? 0;
  const ry = report.reservationValues[y]?.value ?? 0;
  const options = useMemo<Plot.PlotOptions>(
    () => ({
      width: 560,
      height: 440,
      marginRight: 20,
      x: { domain: [0, 1], label: `${nameOf(x)}: utility →`, grid: true },
      y: { domain: [0, 1], label: `↑ ${nameOf(y)}: utility`, grid: true },
      symbol: { legend: true },
      marks: [
        // The reservation values: the region up and right of both is better than no deal for both.
        Plot.rect([{}], {
          x1: rx,
          x2: 1,
          y1: ry,
          y2: 1,
          fill: '#1b7f3b',
          fillOpacity: 0.08,
          ariaHidden: 'true',
        }),
        // The frontier: a line through its packages and a dot for each.
        Plot.line(rows, { x: 'x', y: 'y', stroke: '#5b6b8c', strokeWidth: 1, ariaHidden: 'true' }),
        Plot.dot(rows, {
          x: 'x',
          y: 'y',
          r: 1.8,
          fill: '#5b6b8c',
          ariaDescription: 'Pareto frontier packages',
        }),
        Plot.text(
          rows,
          Plot.selectFirst({
            x: 'x',
            y: 'y',
            text: () => 'Pareto frontier',
            textAnchor: 'end',
            dx: -4,
            dy: -8,
            ariaHidden: 'true',
          }),
        ),
        Plot.ruleX([rx], { strokeDasharray: '4,3', ariaHidden: 'true' }),
        Plot.ruleY([ry], { strokeDasharray: '4,3', ariaHidden: 'true' }),
        Plot.text([{}], {
          x: rx,
          y: 0.03,
          text: [`${x} no deal ${rx.toFixed(2)}`],
          textAnchor: 'start',
          dx: 4,
          ariaHidden: 'true',
        }),
        Plot.text([{}], {
          x: 0.02,
          y: ry,
          text: [`${y} no deal ${ry.toFixed(2)}`],
          textAnchor: 'start',
          dy: -6,
          ariaHidden: 'true',
        }),
        Plot.dot(points, {
          x: 'x',
          y: 'y',
          symbol: 'label',
          r: 5,
          strokeWidth: 1.5,
          stroke: 'currentColor',
          ariaHidden: 'true',
        }),
      ],
    }),
    [rows, points, rx, ry, x, y, nameOf],
  );
  return (
    <section aria-labelledby="utility-title">
      <h2 id="utility-title">Utility space on {report.day}</h2>
      <div className="filters">
        {(['x', 'y'] as const).map((axis) => (
          <label key={axis}>
            {axis === 'x' ? 'Across' : 'Up'}{' '}
            <select
              aria-label={axis === 'x' ? 'Across' : 'Up'}
              value={axis === 'x' ? x : y}
              onChange={(e) => onPick(axis, e.target.value)}
            >
              {signatories.map((s) => (
                <option key={s} value={s} disabled={(axis === 'x' ? y : x) === s}>
                  {nameOf(s)} ({report.reservationValues[s]!.role})
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <p data-testid="pareto-size">
        Pareto frontier between {report.pareto.parties.map(nameOf).join(' and ')}:{' '}
        {report.pareto.size === null
          ? `not counted (${report.pareto.reason ?? 'no reason given'})`
          : `${grouped(report.pareto.size)} packages`}
        .
      </p>
      {frontier.isPending && <Loading what="the Pareto frontier" />}
      {frontier.error && <Failure error={frontier.error} />}
      {shown && (
        <p data-testid="frontier-size">
          The chart draws the frontier of {nameOf(x)} and {nameOf(y)} alone (the other stakeholders ignored):{' '}
          {shown.frontier.size === null
            ? `not computed (${shown.frontier.reason})`
            : `${grouped(shown.frontier.size)} packages`}
          , with the fair points, the most balanced packages and the reservation values.
        </p>
      )}
      <PlotFigure
        options={options}
        label={`Pareto frontier, fair points and reservation values of ${x} and ${y}`}
        testId="utility-chart"
      />
      <div className="scroll">
        <table data-testid="utility-points">
          <caption>Points in the chart</caption>
          <thead>
            <tr>
              <th scope="col">Point</th>
              <th scope="col" className="number">
                {nameOf(x)}
              </th>
              <th scope="col" className="number">
                {nameOf(y)}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">No deal (reservation values)</th>
              <td className="number">{rx.toFixed(3)}</td>
              <td className="number">{ry.toFixed(3)}</td>
            </tr>
            {points.map((p) => (
              <tr key={p.label} data-point={`${p.kind}-${p.group}`}>
                <th scope="row">{p.label}</th>
                <td className="number">{p.x.toFixed(3)}</td>
                <td className="number">{p.y.toFixed(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > 0 && <FrontierTable rows={rows} x={nameOf(x)} y={nameOf(y)} />}
      <details>
        <summary>Fair points the day does not have</summary>
        <ul data-testid="missing-points">
          {missingSolutions(report).map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}

/** The frontier's figures: every package, with the fair points that sit on it. */
function FrontierTable({ rows, x, y }: { rows: FrontierRow[]; x: string; y: string }) {
  return (
    <details>
      <summary>The frontier’s {grouped(rows.length)} packages</summary>
      <div className="scroll">
        <table data-testid="frontier-points">
          <caption>
            Pareto frontier of {x} and {y}, {x}’s utility descending
          </caption>
          <thead>
            <tr>
              <th scope="col" className="number">
                {x}
              </th>
              <th scope="col" className="number">
                {y}
              </th>
              <th scope="col">Fair points here</th>
              <th scope="col">Package</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, k) => (
              <tr key={k}>
                <td className="number">{r.x.toFixed(3)}</td>
                <td className="number">{r.y.toFixed(3)}</td>
                <td>{r.points.join(', ')}</td>
                <td className="package">{r.package}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function Window({ window }: { window: DealWindowReport }) {
  const steps = useMemo(() => marginSteps(window), [window]);
  const events = useMemo(
    () => window.intervals.map((i) => ({ date: new Date(`${i.from}T00:00:00Z`), text: i.events.join(', ') })),
    [window],
  );
  const options = useMemo<Plot.PlotOptions>(
    () => ({
      height: 300,
      marginLeft: 55,
      marginTop: 40,
      x: { type: 'utc', label: null, grid: true },
      y: { label: 'margin (≥ 0: a deal exists)', grid: true },
      color: { legend: true },
      marks: [
        Plot.ruleY([0], { ariaHidden: 'true' }),
        Plot.line(steps, {
          x: 'date',
          y: 'margin',
          stroke: 'group',
          curve: 'step-after',
          ariaHidden: 'true',
        }),
        Plot.ruleX(events, { x: 'date', strokeDasharray: '2,3', strokeOpacity: 0.5, ariaHidden: 'true' }),
        Plot.text(events, {
          x: 'date',
          frameAnchor: 'top',
          text: 'text',
          rotate: -20,
          textAnchor: 'start',
          dy: -4,
          fontSize: 9,
          ariaHidden: 'true',
        }),
      ],
    }),
    [steps, events],
  );
  return (
    <section aria-labelledby="window-title">
      <h2 id="window-title">The deal window over time</h2>
      <dl className="counts" data-testid="window-open">
        <div>
          <dt>Open for every signatory</dt>
          <dd>{spansText(window.open)}</dd>
        </div>
        <div>
          <dt>Open for the parties only</dt>
          <dd>{spansText(window.openForPartiesOnly)}</dd>
        </div>
      </dl>
      <PlotFigure
        options={options}
        label="The margin of the best package over time, per grouping"
        testId="window-chart"
      />
      <div className="scroll">
        <table data-testid="window-table">
          <caption>
            Each interval, the event that opens it, and the margin (binding signatory when closed)
          </caption>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">Until</th>
              <th scope="col">Every signatory</th>
              <th scope="col">Parties only</th>
              <th scope="col">Event</th>
            </tr>
          </thead>
          <tbody>
            {window.intervals.map((i) => (
              <tr key={i.from}>
                <td className="date">{i.from}</td>
                <td className="date">{i.until ?? '…'}</td>
                {([i.withGuarantors, i.partiesOnly] as const).map((a, k) => (
                  <td key={k}>
                    {a.open ? 'open' : 'closed'} {signed(a.margin)}
                    {!a.open && a.binding.length > 0 && ` (${a.binding.join(', ')})`}
                  </td>
                ))}
                <td>{i.events.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Sensitivity({ caseId, scenario }: { caseId: string; scenario: string }) {
  const assumptions = useAssumptions(caseId);
  const [chosen, setChosen] = useState('');
  const [tested, setTested] = useState<string[]>([]);
  return (
    <section aria-labelledby="sensitivity-title">
      <h2 id="sensitivity-title">What minimal change opens a deal?</h2>
      <p className="hint">
        Pick an assumption of the model: the table says how far it must move, up or down, for the window to
        open (or close).
      </p>
      {assumptions.error && <Failure error={assumptions.error} />}
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen && !tested.includes(chosen)) setTested([chosen, ...tested]);
        }}
      >
        <label>
          Assumption{' '}
          <select value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">—</option>
            {assumptions.data?.map((a) => (
              <option key={a.path} value={a.path}>
                {a.path} = {a.value}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!chosen}>
          Test
        </button>
      </form>
      {tested.length > 0 && (
        <div className="scroll">
          <table data-testid="sensitivity">
            <caption>Assumptions tested{scenario ? ` (scenario ${scenario})` : ''}</caption>
            <thead>
              <tr>
                <th scope="col">Assumption</th>
                <th scope="col" className="number">
                  Value
                </th>
                <th scope="col" className="number">
                  Margin now
                </th>
                <th scope="col">Up</th>
                <th scope="col">Down</th>
              </tr>
            </thead>
            <tbody>
              {tested.map((path) => (
                <SensitivityRow key={`${path}|${scenario}`} caseId={caseId} path={path} scenario={scenario} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function SensitivityRow({ caseId, path, scenario }: { caseId: string; path: string; scenario: string }) {
  const result = useSensitivity(caseId, { assumption: path, ...(scenario ? { scenario } : {}) });
  const r = result.data;
  const search = (
    s: { threshold?: number; change?: number; searchedTo: number } | undefined,
    flipsTo: string,
  ) =>
    !s
      ? ''
      : s.threshold !== undefined
        ? `${flipsTo} at ${round(s.threshold)} (${s.change! >= 0 ? '+' : ''}${round(s.change!)})`
        : `no change up to ${round(s.searchedTo)}`;
  return (
    <tr data-assumption={path}>
      <th scope="row">{path}</th>
      {result.error ? (
        <td colSpan={4}>
          <Failure error={result.error} />
        </td>
      ) : !r ? (
        <td colSpan={4}>
          <Loading what="the sensitivity" />
        </td>
      ) : (
        <>
          <td className="number">{r.value}</td>
          <td className="number">
            {signed(r.margin)} ({r.open ? 'open' : 'closed'})
          </td>
          <td>{search(r.up, r.flipsTo)}</td>
          <td>{search(r.down, r.flipsTo)}</td>
        </>
      )}
    </tr>
  );
}

const round = (x: number) => Number(x.toFixed(4)).toString();
