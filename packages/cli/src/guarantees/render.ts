import Table from 'cli-table3';
import type { TriggerKind } from '@parley/model/schema/guarantee.ts';
import type { Scenario } from '@parley/core/guarantees/analyse.ts';
import type { ScenarioReport } from '@parley/core/guarantees/assess.ts';
import { percent } from '@parley/core/guarantees/compare.ts';
import { actorName, thirdState, type GuaranteeContext } from '@parley/core/guarantees/context.ts';
import { formatStep, listWords } from '@parley/core/guarantees/explain.ts';
import { levelWords, triggerWords } from '@parley/core/guarantees/ladder.ts';
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

export function renderDetail(context: GuaranteeContext, r: ScenarioReport): string {
  const name = (id: string) => actorName(context, id);
  const names = (ids: readonly string[]) => (ids.length === 0 ? 'none' : listWords(ids.map(name)));
  const instrument = context.instruments.find((e) => e.instrument.id === r.instrument)!.instrument;
  const state = name(instrument.guaranteedState);
  const where =
    r.scenario.place === null
      ? `${state}'s core territory`
      : (context.places.get(r.scenario.place)?.name ?? r.scenario.place);
  const obligation: Record<ScenarioReport['obligation'], string> = {
    unconditional: 'obliged by the text alone',
    'if-decided': 'obliged once the decision is taken',
    voluntary: 'may act, not obliged',
    none: 'nobody is obliged to assist',
  };
  const stageWords = { guarantors: "the guarantors' decision", council: 'Security Council action' } as const;
  const blockers =
    r.canBlock.length === 0
      ? 'nobody'
      : (['guarantors', 'council'] as const)
          .map((stage) => [stage, r.canBlock.filter((b) => b.stage === stage)] as const)
          .filter(([, list]) => list.length > 0)
          .map(
            ([stage, list]) =>
              `${stageWords[stage]}: ${list.map((b) => `${name(b.actor)}${b.certain ? ' (the attacker: certain)' : ''}`).join(', ')}`,
          )
          .join('; ');
  const pct = (p: number) => `${(p * 100).toFixed(2)}%`;
  const rows = r.assistance.map((l) =>
    l.possible
      ? [
          levelWords[l.level],
          percent(l.probability),
          `${pct(l.interval[0])} – ${pct(l.interval[1])}`,
          l.expectedProviders.toFixed(2),
        ]
      : [levelWords[l.level], 'cannot follow', '', ''],
  );
  const lines = [
    r.title,
    `  ${r.instrument} (${r.origin})`,
    '',
    `Scenario: ${r.scenario.attacker === thirdState ? 'a third state' : name(r.scenario.attacker)} — ${triggerWords[r.scenario.trigger]} on ${where}`,
    `Status: ${r.status}`,
    `Obliged guarantors: ${names(r.obligedGuarantors)} (${obligation[r.obligation]})`,
    `Consulting: ${names(r.consultingGuarantors)}`,
    `Can block: ${blockers}`,
    '',
    `Chance that ${state} receives each level (at least one guarantor gives it):`,
    renderTable(['level', 'probability', '95% interval', 'mean givers'], rows),
    '',
    'Why:',
    ...r.explanation.map((step, i) => `  ${i + 1}. ${formatStep(step)}`),
    '',
    'Willingness assumptions used (analyst judgement):',
    ...r.assumptions.map(
      (a) =>
        `  ${a.guarantor}: ${a.entry ?? '0 by construction (the attacker)'}${a.origin ? ` (${a.origin})` : ''}`,
    ),
  ];
  return lines.join('\n');
}
