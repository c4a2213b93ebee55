import { partyIndices, type NegotiationDomain } from '../bargaining/outcome-space.ts';
import { SeededRandom } from '../random/seeded-random.ts';
import type { Acceptance } from './acceptance.ts';
import type { Calendar } from './calendar.ts';
import { Agent } from './agent.ts';
import { enumerateBid } from './bid-enumeration.ts';
import type { GuarantorKnowledge } from './guarantors.ts';
import type { Negotiator } from './negotiator.ts';
import { runSaop } from './protocol/saop.ts';
import { runSingleText } from './protocol/single-text.ts';
import type { RunResult } from './run-result.ts';
import { randomTactic } from './tactics/random.ts';
import { Scripted, type ScriptedPosition } from './tactics/scripted.ts';
import { SubgamePerfect, subgamePerfectPlan } from './tactics/subgame-perfect.ts';
import type { Tactic } from './tactics/tactic.ts';
import { timeDependent } from './tactics/time-dependent.ts';
import { titForTat, type Imitation } from './tactics/tit-for-tat.ts';

/** How one party plays. */
export type TacticSpec =
  | { kind: 'time-dependent'; e: number; k?: number }
  /** Relative unless `imitation` says absolute (tactics/tit-for-tat.ts). */
  | { kind: 'tit-for-tat'; imitation?: Imitation }
  | { kind: 'random' }
  | { kind: 'subgame-perfect' }
  /** The party's recorded positions (case calendar runs only). */
  | { kind: 'scripted'; positions: ScriptedPosition[] };

export interface PartyPlay {
  tactic: TacticSpec;
  acceptance: Acceptance;
  /** What it knows of the guarantors (guarantors.ts); default informed. Formula tactics only. */
  guarantors?: GuarantorKnowledge;
}

export interface SimulationSpec {
  protocol: 'saop' | 'single-text';
  /** Single negotiating text only. */
  variant?: 'veto' | 'hill-climbing';
  /** Rounds (SAOP) or mediator steps (single text). */
  deadline: number;
  /** Per bargaining party, in domain order (turn order under SAOP). */
  plays: PartyPlay[];
  /** Per stakeholder discount factor (1: none). */
  discounts?: number[];
  seed: number;
  /** A case calendar: one SAOP round or mediator step per day, reservation values of the day. */
  calendar?: Calendar;
  /** Opponent-model noise: each agent misreads every option of the others by up to this much. */
  modelNoise?: number;
  /** SAOP: 'lean' keeps only ends and vetoes in the trace (Monte Carlo runs without --trace). */
  trace?: 'full' | 'lean';
  /** Benchmarks: choose bids by enumerating every package (bid-enumeration.ts) instead of the search. */
  bidSelection?: 'search' | 'enumeration';
}

const concessionOf = (spec: Exclude<TacticSpec, { kind: 'subgame-perfect' | 'scripted' }>): Tactic =>
  spec.kind === 'time-dependent'
    ? timeDependent(spec.e, spec.k)
    : spec.kind === 'random'
      ? randomTactic
      : titForTat(spec.imitation);

/** One run, fully determined by the domain, the spec and the seed. */
export function simulateOnce(domain: NegotiationDomain, spec: SimulationSpec, seed = spec.seed): RunResult {
  const random = new SeededRandom(seed);
  const parties = partyIndices(domain);
  const discounts = spec.discounts ?? domain.stakeholders.map(() => 1);
  let plans: ReturnType<typeof subgamePerfectPlan> | undefined;
  const negotiators: Negotiator[] = parties.map((q, k) => {
    const play = spec.plays[k]!;
    if (play.tactic.kind === 'subgame-perfect') {
      plans ??= subgamePerfectPlan(domain, [parties[0]!, parties[1]!], spec.deadline, discounts);
      return new SubgamePerfect(domain, q, plans, discounts[q]!);
    }
    if (play.tactic.kind === 'scripted') return new Scripted(domain, q, play.tactic.positions);
    return new Agent(
      domain,
      q,
      concessionOf(play.tactic),
      play.acceptance,
      random,
      spec.modelNoise,
      play.guarantors,
      spec.bidSelection === 'enumeration' ? enumerateBid : undefined,
    );
  });
  return spec.protocol === 'saop'
    ? runSaop(domain, negotiators, {
        deadline: spec.deadline,
        discounts,
        ...(spec.calendar ? { calendar: spec.calendar } : {}),
        ...(spec.trace ? { trace: spec.trace } : {}),
      })
    : runSingleText(domain, negotiators, {
        variant: spec.variant ?? 'veto',
        deadline: spec.deadline,
        random,
        discounts,
        ...(spec.calendar ? { calendar: spec.calendar } : {}),
      });
}

/** `runs` runs with seeds seed, seed+1, …; each is reproducible on its own. */
export function simulateRuns(domain: NegotiationDomain, spec: SimulationSpec, runs: number): RunResult[] {
  return Array.from({ length: runs }, (_, k) => simulateOnce(domain, spec, (spec.seed + k) >>> 0));
}
