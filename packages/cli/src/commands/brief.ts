import { briefOf, briefRuns, briefSeed, type Brief } from '@parley/app/brief.ts';
import { loadCaseForCli } from '../load-case.ts';
import type { CommandRegistrar } from '../command-registrar.ts';
import { printJson } from '../output.ts';
import { modelStep } from '../deals/model-step.ts';
import { renderOverview } from '../show/overview.ts';
import { wrap } from '../wrap.ts';

/**
 * `parley brief <case>`: the overview, then what each engine answers about the case, one
 * paragraph each. Each paragraph names the command that says more.
 */

const spans = (list: Array<{ from: string; until: string | null }>) =>
  list.length === 0 ? 'never' : list.map((r) => `${r.from} → ${r.until ?? '…'}`).join(', ');

function renderBrief(brief: Brief, dir: string): string {
  const lines = [renderOverview(brief.overview)];
  for (const d of brief.drafts) {
    lines.push(
      '',
      `Drafts — ${d.document}: open brackets per version ${d.brackets.map((b) => b.brackets).join(' → ')} (${d.trend}).`,
    );
    if (d.latest) {
      lines.push(
        `  ${d.latest.from} → ${d.latest.to}: +${d.latest.wordsAdded} / −${d.latest.wordsRemoved} words, ${d.latest.statusChanges} provision status changes.`,
        `  more: parley diff ${dir} ${d.document}@${d.latest.from} ${d.document}@${d.latest.to}`,
      );
    }
  }
  if (brief.guarantees.length > 0) {
    lines.push(
      '',
      `Guarantees — if a party attacks the guaranteed state's core territory (${briefRuns} runs, seed ${briefSeed}):`,
    );
    for (const g of brief.guarantees) lines.push(`  ${g.instrument}, attacker ${g.attacker}: ${g.summary}`);
    lines.push(`  more: parley guarantees ${dir}`);
  }
  if (brief.deals.length > 0) {
    lines.push(
      '',
      'Deals — days on which some package beats no deal (analyst model: assumptions, not facts):',
    );
    if (brief.dealsNote) lines.push(...wrap(brief.dealsNote, 96, '  '));
    for (const d of brief.deals) {
      const sources = d.sources.length ? ` [${d.sources.join(', ')}]` : '';
      lines.push(
        d.scenario === null ? '  baseline' : `  ${d.scenario} — ${d.title}${sources}`,
        `    every required signatory ${spans(d.open)}; the parties alone ${spans(d.openForPartiesOnly)}`,
      );
    }
    lines.push(`  more: parley deals window ${dir} [--scenario <id>]`);
  }
  lines.push('', `Contested points: parley show ${dir} claims --contested`);
  return lines.join('\n');
}

export const registerBrief: CommandRegistrar = (program, output) => {
  program
    .command('brief')
    .description(
      "the case's overview and, in a paragraph each, what the drafts, guarantees and deals engines find",
    )
    .argument('<case-dir>', 'the case folder, e.g. cases/istanbul-2022')
    .option('--json', 'print JSON', false)
    .action(async (dir: string, opts: { json: boolean }) => {
      const caseData = await loadCaseForCli(dir);
      const brief = modelStep(() => briefOf(caseData));
      if (opts.json) printJson(output, brief);
      else output.out(renderBrief(brief, dir));
    });
};
