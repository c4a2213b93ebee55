import { SeededRandom } from '../random/seeded-random.ts';
import type { NegotiationDomain } from '../bargaining/outcome-space.ts';
import type { Agreement, RunResult } from './run-result.ts';
import { simulateOnce, type PartyPlay, type SimulationSpec, type TacticSpec } from './run.ts';
import type { TraceEntry } from './trace.ts';

/**
 * Monte Carlo over runs: run i has seed base + i (mod 2³²) and draws its parameters — a tactic's
 * e and k from ranges, the opponent-model noise — from a generator of its own seed. A run is thus
 * a function of (domain, spec, i) alone, so the runs give the same results however they are split
 * among worker threads (the CLI's pool), and any run can be replayed alone with its seed.
 */

/** A closed interval a parameter is drawn from, uniformly. */
export interface Range {
  low: number;
  high: number;
}

export type Drawn = number | Range;

export type TacticDraw =
  Exclude<TacticSpec, { kind: 'time-dependent' }> | { kind: 'time-dependent'; e: Drawn; k?: Drawn };

export interface PlayDraw extends Omit<PartyPlay, 'tactic'> {
  tactic: TacticDraw;
}

export interface MonteCarloSpec extends Omit<SimulationSpec, 'plays' | 'modelNoise'> {
  plays: PlayDraw[];
  modelNoise?: Drawn;
}

/** One run as a summary needs it; the trace only when asked (a trace per run is large). */
export interface RunRecord {
  seed: number;
  agreement: Agreement | null;
  ending: RunResult['ending'];
  steps: number;
  /** Vetoes by stakeholder id (guarantors, and parties whose limit rose meanwhile). */
  vetoes: Record<string, number>;
  /** The id of the party that walked away, when one did. */
  walkedAway?: string;
  /** Per bargaining party: the time-dependent e it drew (absent for other tactics). */
  drawn: (number | null)[];
  trace?: TraceEntry[];
}

export const runSeed = (base: number, index: number) => (base + index) >>> 0;

/** The parameter generator of a run: its own stream, so drawing never shifts the run's own. */
const parameterRandom = (seed: number) => new SeededRandom((Math.imul(seed, 0x9e3779b1) ^ 0x5bd1e995) >>> 0);

const draw = (value: Drawn, random: SeededRandom) =>
  typeof value === 'number' ? value : value.low + (value.high - value.low) * random.float();

/** The concrete spec of a run: every range drawn once (party by party, then the noise). */
export function drawSpec(spec: MonteCarloSpec, seed: number): SimulationSpec {
  const random = parameterRandom(seed);
  const plays = spec.plays.map((play): PartyPlay => {
    const t = play.tactic;
    if (t.kind !== 'time-dependent') return { ...play, tactic: t };
    const e = draw(t.e, random);
    const tactic: TacticSpec =
      t.k === undefined ? { kind: 'time-dependent', e } : { kind: 'time-dependent', e, k: draw(t.k, random) };
    return { ...play, tactic };
  });
  const noise = spec.modelNoise === undefined ? 0 : draw(spec.modelNoise, random);
  const { modelNoise: _unused, ...rest } = spec;
  return { ...rest, plays, seed, ...(noise > 0 ? { modelNoise: noise } : {}) };
}

/** Run `index` of a Monte Carlo spec. */
export function monteCarloRun(
  domain: NegotiationDomain,
  spec: MonteCarloSpec,
  index: number,
  withTrace = false,
): RunRecord {
  const seed = runSeed(spec.seed, index);
  const concrete = drawSpec(spec, seed);
  const result = simulateOnce(domain, withTrace ? concrete : { ...concrete, trace: 'lean' }, seed);
  const vetoes: Record<string, number> = {};
  for (const entry of result.trace)
    if (entry.action === 'veto') vetoes[entry.party] = (vetoes[entry.party] ?? 0) + 1;
  const last = result.trace.at(-1);
  return {
    seed,
    agreement: result.agreement,
    ending: result.ending,
    steps: result.steps,
    vetoes,
    ...(result.ending === 'walked-away' && last ? { walkedAway: last.party } : {}),
    drawn: concrete.plays.map((p) => (p.tactic.kind === 'time-dependent' ? p.tactic.e : null)),
    ...(withTrace ? { trace: result.trace } : {}),
  };
}

/** Runs from..to−1 of a Monte Carlo spec, in order (what one worker does with its share). */
export function monteCarloRuns(
  domain: NegotiationDomain,
  spec: MonteCarloSpec,
  from: number,
  to: number,
  withTrace = false,
): RunRecord[] {
  const out: RunRecord[] = [];
  for (let i = from; i < to; i++) out.push(monteCarloRun(domain, spec, i, withTrace));
  return out;
}

/**
 * Agreement probability over time: the share of runs agreed by the end of each round (1..rounds),
 * a cumulative curve.
 */
export function agreementCurve(records: readonly Pick<RunRecord, 'agreement'>[], rounds: number): number[] {
  const byRound = new Array<number>(rounds + 1).fill(0);
  for (const r of records) if (r.agreement) byRound[Math.min(rounds, r.agreement.round)]!++;
  const curve: number[] = [];
  let agreed = 0;
  for (let round = 1; round <= rounds; round++) {
    agreed += byRound[round]!;
    curve.push(records.length === 0 ? 0 : agreed / records.length);
  }
  return curve;
}
