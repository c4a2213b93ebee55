import type { Case } from '@parley/model/case.ts';
import type { RoleKind } from '@parley/model/schema/roles.ts';
import { caseParties, positionsAt } from '@parley/core/chronology/positions-at.ts';
import { propositionStandings } from '@parley/core/evidence/contested.ts';
import { timeline } from '@parley/core/chronology/timeline.ts';

export interface OverviewJson {
  view: 'overview';
  case: string;
  title: string;
  summary: string;
  period: string;
  asOf?: string;
  counts: Record<
    | 'actors'
    | 'rounds'
    | 'events'
    | 'issues'
    | 'positions'
    | 'sources'
    | 'propositions'
    | 'claims'
    | 'draftVersions',
    number
  >;
  parties: string[];
  mediators: string[];
  prospectiveGuarantors: string[];
  firstDate?: string;
  lastDate?: string;
  latestDraft?: { document: string; version: string; date: string; status: string };
  contestedPropositions: string[];
  /** Numeric issues where the parties' latest positions (as of `asOf`) are apart. */
  gaps: Array<{ issue: string; value: number; unit: string }>;
}

/** The case at a glance: who takes part, how much is recorded, what is contested, how far apart. */
export function overviewView(c: Case): OverviewJson {
  const withRole = (role: RoleKind) => [
    ...new Set(c.roles.filter((r) => r.role === role).map((r) => r.actor)),
  ];
  const line = timeline(c);
  const versions = c.drafts.flatMap((d) =>
    d.versions.map((v) => ({ document: d.id, version: v.id, date: v.date, status: v.status })),
  );
  const latestDraft = versions.at(-1);
  const parties = caseParties(c);
  const at = c.meta.asOf;
  return {
    view: 'overview',
    case: c.meta.id,
    title: c.meta.title,
    summary: c.meta.summary,
    period: c.meta.period,
    ...(at ? { asOf: at } : {}),
    counts: {
      actors: c.actors.length,
      rounds: c.rounds.length,
      events: c.events.length,
      issues: c.issues.length,
      positions: c.positions.length,
      sources: c.sources.length,
      propositions: c.propositions.length,
      claims: c.claims.length,
      draftVersions: versions.length,
    },
    parties,
    mediators: [...new Set([...withRole('mediator'), ...withRole('facilitator'), ...withRole('host')])],
    prospectiveGuarantors: withRole('prospective-guarantor'),
    ...(line[0] ? { firstDate: line[0].date, lastDate: line.at(-1)!.date } : {}),
    ...(latestDraft ? { latestDraft } : {}),
    contestedPropositions: propositionStandings(c)
      .filter((s) => s.contested)
      .map((s) => s.proposition.id),
    gaps: at
      ? positionsAt(c, parties, at).flatMap((s) =>
          s.gap && s.gap.gap > 0 ? [{ issue: s.issue.id, value: s.gap.gap, unit: s.gap.unit }] : [],
        )
      : [],
  };
}
