import Table from 'cli-table3';
import type { TriggerKind } from '@parley/model/schema/guarantee.ts';
import type { Scenario } from '@parley/core/guarantees/analyse.ts';
import { percent } from '@parley/core/guarantees/compare.ts';
import { actorName, thirdState, type GuaranteeContext } from '@parley/core/guarantees/context.ts';
import { listWords } from '@parley/core/guarantees/explain.ts';
import type { CellDetail } from '@parley/app/guarantees/detail.ts';
import { renderTable } from '../show/table.ts';

/** Terminal and Markdown text for `parley guarantees`: the comparison table and one cell in detail. */

export function columnTitle(context: GuaranteeContext, c: Scenario): string {
  const where = c.place === undefined ? 'core territory' : (context.places.get(c.place)?.name ?? c.place);
  const who = c.attacker === thirdState ? 'a third state' : actorName(context, c.attacker);
  return `${who}\n→ ${where}`;
}

export function renderText(head: string[], body: (string | string[])[][]): string {
  const table = new Table({ head: ['instrument', ...head], style: { head: [], border: [] } });
  for (const row of body) table.push(row.map((cell) => (Array.isArray(cell) ? cell.join('\n') : cell)));
  return table.toString();
}

export function renderMarkdown(head: string[], body: (string | string[])[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const cell = (c: string | string[]) => (Array.isArray(c) ? c.join('<br>') : `\`${c}\``);
  return [
    line(['instrument', ...head.map((h) => h.replace('\n', '<br>'))]),
    line(['---', ...head.map(() => '---')]),
    ...body.map((row) => line(row.map(cell))),
  ].join('\n');
}

export function footnote(runs: number, seed: number, trigger: TriggerKind, markdown: boolean): string {
  const flags = '--instrument <id> --attacker <id> --place <id|core>';
  return (
    `Event: ${trigger}. ${runs} Monte Carlo runs per cell, seed ${seed} in every cell.\n` +
    '"any help": some guarantor gives some help beyond consultation. "n/a": the place is not the guaranteed\n' +
    "state's territory. Where an instrument guarantees another state, attackers who are not its parties act\n" +
    `as third states. One cell in detail: ${markdown ? `\`${flags}\`` : flags}.`
  );
}

export function renderDetail(d: CellDetail): string {
  const names = (list: readonly string[]) => (list.length === 0 ? 'none' : listWords(list));
  const blockers =
    d.canBlock.length === 0
      ? 'nobody'
      : d.canBlock
          .map(
            ({ stage, blockers }) =>
              `${stage}: ${blockers.map((b) => `${b.name}${b.certain ? ' (the attacker: certain)' : ''}`).join(', ')}`,
          )
          .join('; ');
  const pct = (p: number) => `${(p * 100).toFixed(2)}%`;
  const rows = d.levels.map((l) =>
    l.possible
      ? [
          l.level,
          percent(l.probability),
          `${pct(l.interval[0])} – ${pct(l.interval[1])}`,
          l.expectedProviders.toFixed(2),
        ]
      : [l.level, 'cannot follow', '', ''],
  );
  const lines = [
    d.title,
    `  ${d.instrument} (${d.origin})`,
    '',
    `Scenario: ${d.attacker} — ${d.event} on ${d.where}`,
    `Status: ${d.status}`,
    `Obliged guarantors: ${names(d.obligedGuarantors)} (${d.obligation})`,
    `Consulting: ${names(d.consultingGuarantors)}`,
    `Can block: ${blockers}`,
    '',
    `Chance that ${d.guaranteedState} receives each level (at least one guarantor gives it):`,
    renderTable(['level', 'probability', '95% interval', 'mean givers'], rows),
    '',
    'Why:',
    ...d.explanation.map((step, i) => `  ${i + 1}. ${step}`),
    '',
    'Willingness assumptions used (analyst judgement):',
    ...d.assumptions.map(
      (a) =>
        `  ${a.guarantor}: ${a.entry ?? '0 by construction (the attacker)'}${a.origin ? ` (${a.origin})` : ''}`,
    ),
  ];
  return lines.join('\n');
}
