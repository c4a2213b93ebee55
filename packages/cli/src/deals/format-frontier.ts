import type { FrontierPointReport, FrontierReport } from '@parley/app/deals/frontier.ts';
import { count, fmt } from './format.ts';

/** Terminal text for `parley deals frontier`; the JSON is the report itself. */

const utilities = (p: FrontierPointReport) => p.utilities.map((u) => fmt(u, 4)).join('  ');
const outcome = (p: FrontierPointReport) =>
  Object.entries(p.outcome)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
const proof = (proven: boolean) => (proven ? 'proven Pareto-optimal' : 'NOT proven within budget');

export function formatFrontier(r: FrontierReport): string {
  const lines = [
    `${r.domain}: ${r.parties.length} parties (${r.parties.join(', ')}), ${count(r.outcomes)} outcomes`,
    r.frontier.size === null
      ? `Pareto frontier: cannot be listed in full at this size — ${r.frontier.reason}`
      : `Pareto frontier: ${r.frontier.size} points (exact${r.frontier.listed ? '' : '; too many to print'})`,
    '',
    `Sample: ${r.sample.points.length} frontier points by ${r.sample.method}${r.sample.unanswered ? `, ${r.sample.unanswered} directions left by the budget` : ''}`,
    `  guarantee: ${r.sample.guarantee}`,
    ...r.sample.points.flatMap((p) => [
      `  ${utilities(p)}  [${proof(p.proven)}]`,
      `    direction ${p.direction.map((x) => fmt(x, 3)).join(' ')}; ${outcome(p)}`,
    ]),
  ];
  if (r.projection) {
    const [a, b] = r.projection.parties;
    lines.push('');
    if (r.projection.size === null)
      lines.push(`Frontier of ${a} and ${b}: not computed — ${r.projection.reason}`);
    else {
      lines.push(`Frontier of ${a} and ${b} (exact, other parties ignored): ${r.projection.size} points`);
      for (const p of r.projection.points.slice(0, 50)) lines.push(`  ${utilities(p)}  ${outcome(p)}`);
      if (r.projection.size > 50) lines.push(`  … ${r.projection.size - 50} more (--json lists them all)`);
    }
  }
  if (r.nearest) {
    const n = r.nearest;
    lines.push(
      '',
      `Nearest frontier point to ${outcome({ ...n.proposal, proven: true })}`,
      `  proposal  ${n.proposal.utilities.map((u) => fmt(u, 4)).join('  ')}`,
      `  frontier  ${utilities(n.point)}  [${proof(n.point.proven)}]`,
      `  every party gains at least ${fmt(100 * n.share, 2)}% of its utility range${n.shareProven ? ' (proven the most all can gain at once)' : ' (not proven the most: budget)'}`,
      `  package: ${outcome(n.point)}`,
    );
  }
  lines.push(
    '',
    `Budget: ${r.budget.timeLimitSeconds} s${r.budget.nodeLimit !== null ? `, ${count(r.budget.nodeLimit)} nodes per search` : ''}`,
  );
  return lines.join('\n');
}
