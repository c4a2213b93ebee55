import type { AssistanceLevel } from '@parley/model/schema/guarantee.ts';
import { SeededRandom } from '../random/seeded-random.ts';
import type { CompiledInstrument } from './compile.ts';
import { wilsonInterval } from './wilson.ts';

export interface LevelEstimate {
  level: AssistanceLevel;
  /** Share of runs in which at least one guarantor provided this level. */
  probability: number;
  /** 95% Wilson interval of that share. */
  interval: [number, number];
  /** Mean number of guarantors providing it. */
  expectedProviders: number;
}

export interface MonteCarloResult {
  runs: number;
  seed: number;
  /** One estimate per slot of the compiled instrument, weakest level first. */
  levels: LevelEstimate[];
  /** Share of runs bringing any help beyond consultation. */
  anyHelp: { probability: number; interval: [number, number] };
}

export interface SimulationInput {
  attacker: number;
  place: number;
  trigger: number;
  /** probabilities[i][j]: participant i gives the level of slot j. */
  probabilities: readonly (readonly number[])[];
  runs: number;
  seed: number;
}

const two32 = 4294967296;

/**
 * Monte Carlo over willingness. Guarantors decide independently of one another; within one
 * guarantor a single draw sets its resolve, so one that would use force would also send the
 * lesser help it is at least as likely to send (the levels are coupled, not independent).
 */
export function simulate(compiled: CompiledInstrument, input: SimulationInput): MonteCarloResult {
  const { runs, seed } = input;
  const slots = compiled.levels.length;
  const n = compiled.participants.length;
  // Thresholds on a 32-bit uniform: a probability of 1 always passes, 0 never does.
  const thresholds = new Float64Array(n * slots);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < slots; j++) thresholds[i * slots + j] = (input.probabilities[i]?.[j] ?? 0) * two32;
  }
  const random = new SeededRandom(seed);
  const willing = new Int32Array(slots);
  const out = new Int32Array(slots);
  const successes = new Float64Array(slots);
  const providerTotals = new Float64Array(slots);
  const consultSlot = compiled.levels.indexOf('consultation');
  const helpSlots = ((1 << slots) - 1) & ~(consultSlot < 0 ? 0 : 1 << consultSlot);
  let anyHelp = 0;
  for (let run = 0; run < runs; run++) {
    willing.fill(0);
    for (let i = 0; i < n; i++) {
      const u = random.uint32();
      const base = i * slots;
      for (let j = 0; j < slots; j++) if (u < thresholds[base + j]!) willing[j]! |= 1 << i;
    }
    const reached = compiled.evaluate(input.attacker, input.place, input.trigger, willing, out);
    if ((reached & helpSlots) !== 0) anyHelp++;
    for (let j = 0; j < slots; j++) {
      if (out[j] !== 0) {
        successes[j]!++;
        providerTotals[j]! += bitCount(out[j]!);
      }
    }
  }
  return {
    runs,
    seed,
    levels: compiled.levels.map((level, j) => ({
      level,
      probability: successes[j]! / runs,
      interval: wilsonInterval(successes[j]!, runs),
      expectedProviders: providerTotals[j]! / runs,
    })),
    anyHelp: { probability: anyHelp / runs, interval: wilsonInterval(anyHelp, runs) },
  };
}

function bitCount(x: number): number {
  let count = 0;
  for (let v = x; v !== 0; v &= v - 1) count++;
  return count;
}
