import type { OverviewJson } from '@parley/app/views/overview.ts';

export function renderOverview(d: OverviewJson): string {
  const n = d.counts;
  return [
    `${d.title}  [${d.case}]`,
    `period ${d.period}${d.asOf ? `, viewed as of ${d.asOf}` : ''}`,
    '',
    d.summary.trim(),
    '',
    `parties:               ${d.parties.join(', ')}`,
    `mediators and hosts:   ${d.mediators.join(', ')}`,
    `prospective guarantors: ${d.prospectiveGuarantors.join(', ')}`,
    `record counts:         ${n.actors} actors, ${n.rounds} rounds, ${n.events} events, ${n.issues} issues, ${n.positions} positions, ${n.draftVersions} draft versions, ${n.claims} claims on ${n.propositions} propositions, ${n.sources} sources`,
    d.latestDraft
      ? `latest draft:          ${d.latestDraft.document}@${d.latestDraft.version} (${d.latestDraft.date}, ${d.latestDraft.status})`
      : '',
    `contested points (${d.contestedPropositions.length}): ${d.contestedPropositions.join(', ')}`,
    d.gaps.length
      ? `gaps between the parties as of ${d.asOf}:\n${d.gaps.map((g) => `  ${g.issue}: ${g.value.toLocaleString('en-US')} ${g.unit}`).join('\n')}`
      : '',
  ]
    .filter((l, i, all) => l !== '' || all[i - 1] !== '')
    .join('\n');
}
