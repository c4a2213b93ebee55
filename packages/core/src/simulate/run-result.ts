import type { Outcome } from '../bargaining/outcome-space.ts';
import type { TraceEntry } from './trace.ts';

export interface Agreement {
  outcome: Outcome;
  package: Record<string, string>;
  step: number;
  round: number;
  time: number;
  /** Calendar day of the agreement (case calendar runs). */
  day?: string;
  /** Per stakeholder (domain order), undiscounted. */
  utilities: number[];
  /** Per stakeholder: u·d^t at the agreement's time (equal to utilities without discounting). */
  discounted: number[];
}

export interface RunResult {
  protocol: 'saop' | 'single-text';
  agreement: Agreement | null;
  /** Why it ended without agreement: the deadline, or a party walking away. */
  ending: 'agreement' | 'deadline' | 'walked-away';
  steps: number;
  trace: TraceEntry[];
}

/** Utility at relative time t under discount factor d (GENIUS: u·d^t; d = 1 means none). */
export const discounted = (u: number, d: number, time: number) => (d >= 1 ? u : u * Math.pow(d, time));
