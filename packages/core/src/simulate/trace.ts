import { describeOutcome, type NegotiationDomain, type Outcome } from '../bargaining/outcome-space.ts';

/** One line of a run's trace: who did what, on which offer, and what the offer is worth to each. */
export interface TraceEntry {
  step: number;
  /** 1-based round (every bargaining party moves once per round). */
  round: number;
  /** Relative time in [0, 1). */
  time: number;
  /** Calendar day, for case runs on the case calendar. */
  day?: string;
  /** Stakeholder id of the mover (`mediator` in mediated protocols). */
  party: string;
  action: 'offer' | 'accept' | 'end' | 'veto' | 'propose' | 'agree';
  /** The package concerned, issue → option (the standing offer for accept/veto). */
  offer?: Record<string, string>;
  /** Answers to the package: stakeholder id → accept/reject/better/worse. */
  responses?: Record<string, string>;
  /** Each stakeholder's undiscounted utility of the package. */
  utilities?: Record<string, number>;
}

export function entryFor(
  domain: NegotiationDomain,
  outcome: Outcome | undefined,
): Pick<TraceEntry, 'offer' | 'utilities'> {
  if (!outcome) return {};
  const utilities: Record<string, number> = {};
  for (const s of domain.stakeholders) {
    let u = 0;
    s.scores.forEach((row, i) => (u += row[outcome[i]!]!));
    utilities[s.id] = u;
  }
  return { offer: describeOutcome(domain, outcome), utilities };
}

const quote = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * Traces as CSV (RFC 4180): run (its seed), step, round, time, day, party, action, one column per
 * issue, the responses as `party:answer` pairs separated by `;`, then one utility column per
 * stakeholder.
 */
export function traceCsv(
  domain: NegotiationDomain,
  runs: readonly { seed: number; trace: readonly TraceEntry[] }[],
): string {
  const issues = domain.issues.map((i) => i.name);
  const ids = domain.stakeholders.map((s) => s.id);
  const header = [
    'run',
    'step',
    'round',
    'time',
    'day',
    'party',
    'action',
    ...issues,
    'responses',
    ...ids.map((id) => `u:${id}`),
  ];
  const rows = runs.flatMap(({ seed, trace }) =>
    trace.map((e) => [
      String(seed),
      String(e.step),
      String(e.round),
      String(e.time),
      e.day ?? '',
      e.party,
      e.action,
      ...issues.map((name) => e.offer?.[name] ?? ''),
      Object.entries(e.responses ?? {})
        .map(([id, answer]) => `${id}:${answer}`)
        .join(';'),
      ...ids.map((id) => (e.utilities?.[id] === undefined ? '' : String(e.utilities[id]))),
    ]),
  );
  return [header, ...rows].map((row) => row.map(quote).join(',')).join('\n') + '\n';
}
