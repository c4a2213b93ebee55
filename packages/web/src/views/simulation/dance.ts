import type { SimulationReport } from '@parley/app/simulate/simulate.ts';
import type { TraceEntry } from '@parley/core/simulate/trace.ts';

/** One move of the dance in the utility space of two parties: who moved, when, and where. */
export interface DanceMove {
  step: number;
  round: number;
  party: string;
  action: TraceEntry['action'];
  /** The package's utility to the party across (x) and up (y). */
  x: number;
  y: number;
}

/**
 * The offers of a run (a mediator's proposals under single text) in the utility space of `a`
 * (across) and `b` (up), in step order: what the chart joins into one path per mover.
 */
export function danceMoves(trace: readonly TraceEntry[], a: string, b: string): DanceMove[] {
  return trace.flatMap((e) =>
    (e.action === 'offer' || e.action === 'propose') &&
    e.utilities?.[a] !== undefined &&
    e.utilities[b] !== undefined
      ? [
          {
            step: e.step,
            round: e.round,
            party: e.party,
            action: e.action,
            x: e.utilities[a],
            y: e.utilities[b],
          },
        ]
      : [],
  );
}

/** The agreement of a single run in the space of `a` and `b` (undiscounted, as the frontier). */
export function agreementPoint(
  report: SimulationReport,
  a: string,
  b: string,
): { x: number; y: number; step: number; round: number; day?: string } | null {
  const agreement = report.result?.agreement;
  if (!agreement) return null;
  return {
    x: agreement.utilities[a] ?? 0,
    y: agreement.utilities[b] ?? 0,
    step: agreement.step,
    round: agreement.round,
    ...(agreement.day ? { day: agreement.day } : {}),
  };
}

/** The runs that agreed, counted by their agreement round (rounds ascending, none skipped between). */
export function roundCounts(runs: readonly { round: number | null }[]): { round: number; count: number }[] {
  const rounds = runs.flatMap((r) => (r.round === null ? [] : [r.round]));
  if (rounds.length === 0) return [];
  const low = Math.min(...rounds);
  const high = Math.max(...rounds);
  const counts = new Map<number, number>();
  for (const r of rounds) counts.set(r, (counts.get(r) ?? 0) + 1);
  return Array.from({ length: high - low + 1 }, (_, k) => ({
    round: low + k,
    count: counts.get(low + k) ?? 0,
  }));
}

/** A tactic as the CLI's --tactic spec: its name, then its parameter when it takes one. */
export function tacticSpec(name: string, parameter: string): string {
  const p = parameter.trim();
  return TACTICS.find((t) => t.name === name)?.parameter && p ? `${name}:${p}` : name;
}

/** The tactics a party may play (app tactic-spec.ts), with what their parameter means. */
export const TACTICS: { name: string; label: string; parameter?: string }[] = [
  {
    name: 'boulware',
    label: 'Boulware (concedes late)',
    parameter: 'e below 1, default 0.2; a range 0.1..0.5 is drawn per run',
  },
  {
    name: 'conceder',
    label: 'Conceder (concedes early)',
    parameter: 'e above 1, default 2; a range 2..4 is drawn per run',
  },
  { name: 'linear', label: 'Linear' },
  { name: 'hardliner', label: 'Hardliner (never concedes)' },
  {
    name: 'time',
    label: 'Time-dependent e[:k]',
    parameter: 'e, or e:k with k the opening concession below 1',
  },
  {
    name: 'tit-for-tat',
    label: 'Tit for tat',
    parameter:
      'relative (default: gives up the share of its demand the other gave up) or absolute (the same amount)',
  },
  { name: 'random', label: 'Random' },
  { name: 'subgame-perfect', label: 'Subgame perfect (two parties, SAOP)' },
  { name: 'scripted', label: 'Scripted (recorded positions, SAOP)' },
];

/** A share as a percentage with one decimal: 0.975 → "97.5%". */
export const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A utility with three decimals, as the CLI prints them. */
export const utility = (x: number) => x.toFixed(3);
