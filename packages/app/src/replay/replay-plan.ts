import type { Case } from '@parley/model/case.ts';
import { compareEdtfText } from '@parley/model/edtf.ts';
import type { Position } from '@parley/model/schema/positions.ts';
import type { Round } from '@parley/model/schema/rounds.ts';
import { caseParties } from '@parley/core/chronology/positions-at.ts';

/**
 * A case's recorded history turned into the steps a mediator would have lived through, so a
 * trainer can replay the talks in the server: rounds and outside events as plenary notes, each
 * party's dated positions as the packages it tabled, its acceptances and rejections as answers,
 * and each draft version as a version of the negotiating text.
 *
 * Where a package was tabled follows the round in force on its date: in a shuttle round a party
 * tables in its own caucus and the mediation team carries the package to the
 * other parties as is; otherwise it is tabled in the plenary. That mapping is a training
 * reconstruction, not a fact of the sources, and each step says so in `reconstruction`.
 */
export type ReplayChannel = { kind: 'plenary' } | { kind: 'caucus'; party: string };

export type ReplayValue = Position['value'] | Position['range'];

interface StepBase {
  /** Position in the replay, from 1. */
  seq: number;
  /** The EDTF date the step happened on, as the record gives it. */
  date: string;
  channel: ReplayChannel;
  /** One line in Parley's words, built from the record's fields. */
  summary: string;
  sources: string[];
  /** Set where the replay places the record by rule rather than as the sources report it. */
  reconstruction?: string;
}

export type ReplayStep =
  | (StepBase & { action: 'round'; round: string })
  | (StepBase & { action: 'event'; event: string })
  | (StepBase & { action: 'version'; document: string; version: string; author: string })
  | (StepBase & {
      action: 'package';
      party: string;
      /** The issue values tabled together, keyed by issue id. */
      values: Record<string, ReplayValue>;
      positions: string[];
      /** Parties whose caucus the mediation team carries the package to (shuttle rounds). */
      carryTo: string[];
    })
  | (StepBase & {
      action: 'answer';
      party: string;
      answer: 'accepted' | 'rejected' | 'withdrawn';
      values: Record<string, ReplayValue>;
      positions: string[];
    });

/** A step before it has its place in the replay (Omit over each member of the union). */
type Unnumbered = ReplayStep extends infer S ? (S extends unknown ? Omit<S, 'seq'> : never) : never;

/** The order of steps on one day: the round opens, then the world, then texts, then moves. */
const ORDER: Record<ReplayStep['action'], number> = {
  round: 0,
  event: 1,
  version: 2,
  package: 3,
  answer: 4,
};

const SHUTTLE_RULE =
  'placed in the caucus because the round in force was a shuttle; the sources do not say which channel carried it';

export function replayPlan(c: Case): ReplayStep[] {
  const parties = caseParties(c);
  const rounds = [...c.rounds].sort((a, b) => compareEdtfText(a.date, b.date));
  const steps: Unnumbered[] = [];

  for (const round of rounds) {
    steps.push({
      action: 'round',
      round: round.id,
      date: round.date,
      channel: { kind: 'plenary' },
      summary: `${round.number === undefined ? 'Round' : `Round ${round.number}`}: ${round.name} (${round.format}, ${round.venue})`,
      sources: round.sources,
    });
  }
  for (const event of c.events) {
    steps.push({
      action: 'event',
      event: event.id,
      date: event.date,
      channel: { kind: 'plenary' },
      summary: `Outside the talks: ${event.title}`,
      sources: event.sources,
    });
  }
  for (const document of c.drafts) {
    for (const version of document.versions) {
      steps.push({
        action: 'version',
        document: document.id,
        version: version.id,
        author: version.author,
        date: version.date,
        channel: { kind: 'plenary' },
        summary: `${document.title}: version ${version.id} by ${version.author} (${version.status})`,
        sources: version.sources,
        ...(version.reconstruction ? { reconstruction: 'the text is the analyst’s reconstruction' } : {}),
      });
    }
  }
  for (const group of groupPositions(c.positions)) {
    const round = roundInForce(rounds, group.date);
    const shuttle = round?.format === 'shuttle';
    const channel: ReplayChannel = shuttle ? { kind: 'caucus', party: group.party } : { kind: 'plenary' };
    const values = Object.fromEntries(group.positions.map((p) => [p.issue, p.value ?? p.range]));
    const issues = group.positions.map((p) => p.issue).join(', ');
    const common = {
      date: group.date,
      channel,
      party: group.party,
      values,
      positions: group.positions.map((p) => p.id),
      sources: [...new Set(group.positions.flatMap((p) => p.sources))],
      ...(shuttle ? { reconstruction: SHUTTLE_RULE } : {}),
    };
    if (group.status === 'proposed') {
      steps.push({
        ...common,
        action: 'package',
        summary: `${group.party} tables a package on ${issues}`,
        carryTo: shuttle ? parties.filter((p) => p !== group.party) : [],
      });
    } else {
      steps.push({
        ...common,
        action: 'answer',
        answer: group.status,
        summary: `${group.party} ${group.status} ${issues}`,
      });
    }
  }

  const ordered = steps
    .map((step, index) => ({ step, index }))
    .sort(
      (a, b) =>
        compareEdtfText(a.step.date, b.step.date) ||
        ORDER[a.step.action] - ORDER[b.step.action] ||
        a.index - b.index,
    );
  return ordered.map(({ step }, i) => ({ ...step, seq: i + 1 }) as ReplayStep);
}

/** The round whose date is the latest on or before `date`: the setting a move was made in. */
function roundInForce(sorted: readonly Round[], date: string): Round | undefined {
  let found: Round | undefined;
  for (const round of sorted) if (compareEdtfText(round.date, date) <= 0) found = round;
  return found;
}

/** A party's positions of one date and status: one move at the table. */
function groupPositions(positions: readonly Position[]) {
  const groups = new Map<
    string,
    { party: string; date: string; status: Position['status']; positions: Position[] }
  >();
  for (const p of positions) {
    const key = `${p.party}\u0000${p.date}\u0000${p.status}`;
    const group = groups.get(key) ?? { party: p.party, date: p.date, status: p.status, positions: [] };
    group.positions.push(p);
    groups.set(key, group);
  }
  return [...groups.values()];
}
