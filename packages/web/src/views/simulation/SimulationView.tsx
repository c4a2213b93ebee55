import * as Plot from '@observablehq/plot';
import { useMemo, useState, type FormEvent } from 'react';
import type { Estimate } from '@parley/core/simulate/measures.ts';
import { useActorNames } from '../../api/drafts.ts';
import { useRecords } from '../../api/queries.ts';
import { useSimulation, type Simulation, type SimulationRequest } from '../../api/simulate.ts';
import { PlotFigure } from '../../charts/PlotFigure.tsx';
import { useCaseId } from '../../shell/case-id.ts';
import { Failure, Loading } from '../../shell/Status.tsx';
import { agreementPoint, danceMoves, percent, roundCounts, TACTICS, tacticSpec, utility } from './dance.ts';
import './simulation.css';
import { grouped } from '../../format/grouped.ts';

type NameOf = (id: string) => string;

/**
 * Automated negotiations on the case's model as the caller may see it: choose the protocol and a
 * tactic per party, run, and watch the dance — each party's offers in the utility space of two
 * parties, with the Pareto frontier, the Nash point and the agreement — with the trace as a table;
 * several runs (Monte Carlo) give distributions.
 */
export default function SimulationView() {
  const caseId = useCaseId();
  const nameOf = useActorNames(caseId);
  const stakeholders = useRecords(caseId, 'stakeholder');
  const scenarios = useRecords(caseId, 'scenario');
  const simulation = useSimulation(caseId);
  // The bargaining parties whose models the caller sees, in the model's order.
  const parties = (stakeholders.data ?? []).flatMap((r) => {
    const body = r.body as { actor: string; role: string };
    return body.role === 'party' ? [body.actor] : [];
  });
  return (
    <article aria-labelledby="simulation-title" className="simulation">
      <h1 id="simulation-title">Simulation</h1>
      <p className="hint">
        Automated parties negotiate on the analyst’s model of each side’s interests: model output, not a
        forecast.
      </p>
      {stakeholders.isPending && <Loading what="the model’s parties" />}
      {stakeholders.error && <Failure error={stakeholders.error} />}
      {stakeholders.data && (
        <SimulationForm
          parties={parties}
          scenarios={(scenarios.data ?? []).map((r) => r.body as { id: string; title: string })}
          nameOf={nameOf}
          running={simulation.isPending}
          onRun={(body) => simulation.mutate(body)}
        />
      )}
      {simulation.isPending && <Loading what="the simulation" />}
      {simulation.error && <Failure error={simulation.error} />}
      {simulation.data && !simulation.isPending && <Results simulation={simulation.data} nameOf={nameOf} />}
    </article>
  );
}

function SimulationForm({
  parties,
  scenarios,
  nameOf,
  running,
  onRun,
}: {
  parties: string[];
  scenarios: { id: string; title: string }[];
  nameOf: NameOf;
  running: boolean;
  onRun: (body: SimulationRequest) => void;
}) {
  const [protocol, setProtocol] = useState<'saop' | 'single-text'>('saop');
  const [tactics, setTactics] = useState<Record<string, { name: string; parameter: string }>>({});
  const [runs, setRuns] = useState('1');
  const [seed, setSeed] = useState('1');
  const [deadline, setDeadline] = useState('100');
  const [from, setFrom] = useState('');
  const [scenario, setScenario] = useState('');
  const tacticOf = (party: string) => tactics[party] ?? { name: 'boulware', parameter: '0.2' };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onRun({
      protocol,
      tactics: Object.fromEntries(
        parties.map((p) => [p, tacticSpec(tacticOf(p).name, tacticOf(p).parameter)]),
      ),
      runs: Number(runs),
      seed: Number(seed),
      deadline: Number(deadline),
      ...(from ? { from } : {}),
      ...(scenario ? { scenario } : {}),
    });
  };
  if (parties.length < 2)
    return (
      <p data-testid="too-few-parties">
        The model as you may see it has{' '}
        {parties.length === 0 ? 'no party' : `one party only (${nameOf(parties[0]!)})`}: a simulation needs
        two, and the other side’s model is hidden from you.
      </p>
    );
  return (
    <form onSubmit={submit} aria-labelledby="setup-title" className="setup">
      <h2 id="setup-title">Set up</h2>
      <div className="filters">
        <label>
          Protocol{' '}
          <select value={protocol} onChange={(e) => setProtocol(e.target.value as typeof protocol)}>
            <option value="saop">Alternating offers (SAOP)</option>
            <option value="single-text">Single negotiating text (mediated)</option>
          </select>
        </label>
        <label>
          Scenario{' '}
          <select value={scenario} onChange={(e) => setScenario(e.target.value)}>
            <option value="">baseline</option>
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset>
        <legend>Tactics</legend>
        {parties.map((party) => {
          const chosen = tacticOf(party);
          const described = TACTICS.find((t) => t.name === chosen.name);
          return (
            <div className="filters tactic" key={party} data-party={party}>
              <label>
                {nameOf(party)}{' '}
                <select
                  aria-label={`Tactic of ${nameOf(party)}`}
                  value={chosen.name}
                  onChange={(e) =>
                    setTactics({ ...tactics, [party]: { name: e.target.value, parameter: '' } })
                  }
                >
                  {TACTICS.map((t) => (
                    <option key={t.name} value={t.name}>
                      {t.label}
                    </option>
                  ))}
                </select>
              </label>
              {described?.parameter && (
                <label>
                  Parameter{' '}
                  <input
                    aria-label={`Parameter of ${nameOf(party)}’s tactic`}
                    aria-describedby={`parameter-${party}`}
                    size={10}
                    value={chosen.parameter}
                    onChange={(e) =>
                      setTactics({ ...tactics, [party]: { ...chosen, parameter: e.target.value } })
                    }
                  />{' '}
                  <span className="hint" id={`parameter-${party}`}>
                    {described.parameter}
                  </span>
                </label>
              )}
            </div>
          );
        })}
      </fieldset>
      <div className="filters">
        <label>
          Runs{' '}
          <input type="number" min={1} max={200} value={runs} onChange={(e) => setRuns(e.target.value)} />
        </label>
        <label>
          Seed <input type="number" min={0} value={seed} onChange={(e) => setSeed(e.target.value)} />
        </label>
        <label>
          Deadline (rounds, one a day){' '}
          <input
            type="number"
            min={1}
            max={1000}
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
          />
        </label>
        <label>
          First day{' '}
          <input
            placeholder="the case’s date"
            size={12}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </label>
      </div>
      <button type="submit" disabled={running}>
        Run
      </button>
    </form>
  );
}

function Results({ simulation, nameOf }: { simulation: Simulation; nameOf: NameOf }) {
  const { report } = simulation;
  return (
    <>
      <section aria-labelledby="outcome-title">
        <h2 id="outcome-title">Outcome</h2>
        <p data-testid="run-setup">
          {report.protocol === 'saop' ? 'Alternating offers' : `Single text (${report.variant})`},{' '}
          {report.runs} run
          {report.runs === 1 ? '' : 's'} from seed {report.seed}, deadline {report.deadline} rounds from{' '}
          {report.from}:{' '}
          {report.parties.map((p) => `${nameOf(p.id)} ${p.tactic}, accepts ${p.acceptance}`).join('; ')}.
        </p>
        <FirstRun simulation={simulation} nameOf={nameOf} />
      </section>
      {report.runs > 1 && <Distributions simulation={simulation} nameOf={nameOf} />}
    </>
  );
}

function FirstRun({ simulation, nameOf }: { simulation: Simulation; nameOf: NameOf }) {
  const { report, trace, utilitySpace: space } = simulation;
  const [a, b] = space.parties;
  const first = simulation.runs[0]!;
  const agreement = report.runs === 1 ? agreementPoint(report, a, b) : null;
  return (
    <>
      <p data-testid="first-run">
        {report.runs > 1 ? `The first run (seed ${first.seed}): ` : ''}
        {first.ending === 'agreement'
          ? `Agreement at round ${first.round}${first.day ? `, ${first.day}` : ''}, step ${trace.at(-1)?.step}: ${Object.entries(
              first.utilities ?? {},
            )
              .map(([id, u]) => `${nameOf(id)} ${utility(u)}`)
              .join(', ')}.`
          : `No agreement (${first.ending === 'deadline' ? 'deadline reached' : 'a party walked away'}) after ${first.steps} steps.`}
      </p>
      <Dance simulation={simulation} nameOf={nameOf} agreement={agreement} />
      <details>
        <summary>
          The trace of {report.runs > 1 ? 'the first run' : 'the run'}: {trace.length} steps
        </summary>
        <div className="scroll" tabIndex={0} role="region" aria-label="Trace">
          <table data-testid="trace-table">
            <caption>Trace: who did what, and what the package is worth to each party</caption>
            <thead>
              <tr>
                <th scope="col" className="number">
                  Step
                </th>
                <th scope="col" className="number">
                  Round
                </th>
                <th scope="col">Day</th>
                <th scope="col">Party</th>
                <th scope="col">Action</th>
                {report.parties.map((p) => (
                  <th scope="col" className="number" key={p.id}>
                    {nameOf(p.id)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {trace.map((e) => (
                <tr key={e.step} data-step={e.step}>
                  <td className="number">{e.step}</td>
                  <td className="number">{e.round}</td>
                  <td>{e.day ?? ''}</td>
                  <td>{e.party === 'mediator' ? 'mediator' : nameOf(e.party)}</td>
                  <td>{e.action}</td>
                  {report.parties.map((p) => (
                    <td className="number" key={p.id}>
                      {e.utilities?.[p.id] === undefined ? '' : utility(e.utilities[p.id]!)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}

function Dance({
  simulation,
  nameOf,
  agreement,
}: {
  simulation: Simulation;
  nameOf: NameOf;
  agreement: ReturnType<typeof agreementPoint>;
}) {
  const space = simulation.utilitySpace;
  const [a, b] = space.parties;
  const moves = useMemo(() => danceMoves(simulation.trace, a, b), [simulation.trace, a, b]);
  const frontier = useMemo(
    () =>
      space.frontier.size === null
        ? []
        : space.frontier.points.map(([x, y]) => ({ x, y })).sort((p, q) => p.x - q.x || q.y - p.y),
    [space.frontier],
  );
  const nash = 'utilities' in space.nash ? { x: space.nash.utilities[0], y: space.nash.utilities[1] } : null;
  const [ra, rb] = space.reservationValues;
  const options = useMemo<Plot.PlotOptions>(
    () => ({
      width: 560,
      height: 440,
      marginRight: 20,
      x: { domain: [0, 1], label: `${nameOf(a)}: utility →`, grid: true },
      y: { domain: [0, 1], label: `↑ ${nameOf(b)}: utility`, grid: true },
      color: { legend: true, tickFormat: (id: string) => (id === 'mediator' ? id : nameOf(id)) },
      marks: [
        Plot.ruleX([ra], { strokeDasharray: '4,3', ariaHidden: 'true' }),
        Plot.ruleY([rb], { strokeDasharray: '4,3', ariaHidden: 'true' }),
        Plot.line(frontier, { x: 'x', y: 'y', stroke: '#5b6b8c', strokeWidth: 1.5, ariaHidden: 'true' }),
        Plot.dot(frontier, {
          x: 'x',
          y: 'y',
          r: 1.8,
          fill: '#5b6b8c',
          ariaDescription: 'Pareto frontier packages',
        }),
        Plot.line(moves, {
          x: 'x',
          y: 'y',
          z: 'party',
          stroke: 'party',
          strokeOpacity: 0.5,
          ariaHidden: 'true',
        }),
        Plot.dot(moves, {
          x: 'x',
          y: 'y',
          stroke: 'party',
          symbol: 'party',
          r: 3.5,
          ariaDescription: 'Offers',
          title: (m: { party: string; step: number }) => `${m.party}, step ${m.step}`,
        }),
        // Party names next to each path's last offer: colour is never the only carrier.
        Plot.text(
          moves,
          Plot.selectLast({
            x: 'x',
            y: 'y',
            z: 'party',
            text: (m: { party: string }) => (m.party === 'mediator' ? 'mediator' : nameOf(m.party)),
            dx: 8,
            textAnchor: 'start',
            ariaHidden: 'true',
          }),
        ),
        ...(nash
          ? [
              Plot.dot([nash], {
                x: 'x',
                y: 'y',
                symbol: 'star',
                r: 7,
                fill: 'currentColor',
                ariaDescription: 'Nash point',
              }),
              Plot.text([nash], {
                x: 'x',
                y: 'y',
                text: () => 'Nash',
                dx: -10,
                textAnchor: 'end',
                ariaHidden: 'true',
              }),
            ]
          : []),
        ...(agreement
          ? [
              Plot.dot([agreement], {
                x: 'x',
                y: 'y',
                r: 11,
                stroke: '#1b7f3b',
                strokeWidth: 2.5,
                ariaDescription: 'Agreement',
              }),
              Plot.text([agreement], {
                x: 'x',
                y: 'y',
                text: () => 'Agreement',
                dy: 18,
                fill: '#1b7f3b',
                ariaHidden: 'true',
              }),
            ]
          : []),
      ],
    }),
    [frontier, moves, nash, agreement, ra, rb, a, b, nameOf],
  );
  return (
    <>
      <PlotFigure
        options={options}
        label={`The negotiation dance of ${a} and ${b}: offers, Pareto frontier, Nash point${agreement ? ' and agreement' : ''}`}
        testId="dance-chart"
      />
      <div className="scroll">
        <table data-testid="space-points">
          <caption>
            Utility space of {nameOf(a)} and {nameOf(b)} on {space.day}
          </caption>
          <thead>
            <tr>
              <th scope="col">Point</th>
              <th scope="col" className="number">
                {nameOf(a)}
              </th>
              <th scope="col" className="number">
                {nameOf(b)}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr data-point="no-deal">
              <th scope="row">No deal (reservation values)</th>
              <td className="number">{utility(ra)}</td>
              <td className="number">{utility(rb)}</td>
            </tr>
            <tr data-point="nash">
              <th scope="row">Nash point (parties only)</th>
              {nash ? (
                <>
                  <td className="number">{utility(nash.x)}</td>
                  <td className="number">{utility(nash.y)}</td>
                </>
              ) : (
                <td colSpan={2}>none: {'reason' in space.nash ? space.nash.reason : ''}</td>
              )}
            </tr>
            {agreement && (
              <tr data-point="agreement">
                <th scope="row">Agreement (round {agreement.round})</th>
                <td className="number">{utility(agreement.x)}</td>
                <td className="number">{utility(agreement.y)}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <p className="hint" data-testid="frontier-size">
        Pareto frontier of {nameOf(a)} and {nameOf(b)} alone:{' '}
        {space.frontier.size === null
          ? `not computed (${space.frontier.reason})`
          : `${grouped(space.frontier.size)} packages`}
        ; the dashed lines are their reservation values.
      </p>
    </>
  );
}

const interval = (e: Estimate | null, format: (x: number) => string) =>
  e === null ? '—' : e.n > 1 ? `${format(e.mean)} [${format(e.low)}, ${format(e.high)}]` : format(e.mean);

function Distributions({ simulation, nameOf }: { simulation: Simulation; nameOf: NameOf }) {
  const { report, runs } = simulation;
  const s = report.summary;
  const counts = useMemo(() => roundCounts(runs), [runs]);
  const values = useMemo(
    () =>
      runs.flatMap((r) =>
        Object.entries(r.utilities ?? {}).map(([party, u]) => ({ party: nameOf(party), u, seed: r.seed })),
      ),
    [runs, nameOf],
  );
  const roundChart = useMemo<Plot.PlotOptions>(
    () => ({
      width: 560,
      height: 220,
      x: { label: 'Agreement round →' },
      y: { label: '↑ Runs', grid: true },
      marks: [
        Plot.barY(counts, {
          x: 'round',
          y: 'count',
          fill: '#0b5cad',
          ariaDescription: 'Runs agreed in the round',
        }),
        Plot.ruleY([0]),
      ],
    }),
    [counts],
  );
  const utilityChart = useMemo<Plot.PlotOptions>(
    () => ({
      width: 560,
      height: 60 + 50 * report.parties.length,
      marginLeft: 140,
      x: { domain: [0, 1], label: 'Utility of the agreement →', grid: true },
      y: { label: null },
      marks: [
        Plot.tickX(values, {
          x: 'u',
          y: 'party',
          stroke: '#0b5cad',
          strokeOpacity: 0.4,
          ariaDescription: 'Runs',
        }),
      ],
    }),
    [values, report.parties.length],
  );
  return (
    <section aria-labelledby="distributions-title">
      <h2 id="distributions-title">Over {report.runs} runs</h2>
      <dl className="counts" data-testid="monte-carlo">
        <div>
          <dt>Agreement rate (95% Wilson interval)</dt>
          <dd>{interval(s.agreementRate, percent)}</dd>
        </div>
        <div>
          <dt>Runs agreed</dt>
          <dd>
            {report.endings.agreement} of {report.runs}
          </dd>
        </div>
        <div>
          <dt>Mean agreement round</dt>
          <dd>{interval(s.agreementRound, (x) => x.toFixed(1))}</dd>
        </div>
        {report.agreementDay && (
          <div>
            <dt>Mean agreement day</dt>
            <dd>{report.agreementDay.mean}</dd>
          </div>
        )}
      </dl>
      <p data-testid="endings">
        Endings: {report.endings.agreement} agreed, {report.endings.deadline} reached the deadline
        {Object.entries(report.endings.walkedAway).map(([id, n]) => `, ${n} walked away (${nameOf(id)})`)}.
      </p>
      <h3>When the runs agreed</h3>
      {counts.length === 0 ? (
        <p>No run agreed.</p>
      ) : (
        <>
          <PlotFigure
            options={roundChart}
            label="Histogram of the agreement round over the runs"
            testId="round-chart"
          />
          <div className="scroll">
            <table data-testid="round-counts">
              <caption>Runs agreed by round</caption>
              <thead>
                <tr>
                  <th scope="col" className="number">
                    Round
                  </th>
                  <th scope="col" className="number">
                    Runs
                  </th>
                </tr>
              </thead>
              <tbody>
                {counts.map((c) => (
                  <tr key={c.round}>
                    <td className="number">{c.round}</td>
                    <td className="number">{c.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <h3>What each party got</h3>
      {values.length > 0 && (
        <PlotFigure
          options={utilityChart}
          label="Each party's utility of each run's agreement"
          testId="utility-chart"
        />
      )}
      <div className="scroll">
        <table data-testid="mean-utilities">
          <caption>
            Mean utility over every run (no deal counts as the reservation value), with 95% intervals
          </caption>
          <thead>
            <tr>
              <th scope="col">Party</th>
              <th scope="col" className="number">
                Mean utility
              </th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(s.utilities).map(([id, e]) => (
              <tr key={id}>
                <th scope="row">{nameOf(id)}</th>
                <td className="number">{interval(e, utility)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
