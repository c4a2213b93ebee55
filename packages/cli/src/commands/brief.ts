import { windowReport } from '@parley/core/bargaining/case-report.ts';
import type { Case } from '@parley/model/case.ts';
import { caseParties } from '@parley/core/chronology/positions-at.ts';
import { bracketSeries } from '@parley/core/drafts/brackets.ts';
import { caseParseOptions } from '@parley/core/drafts/case-drafts.ts';
import { parseDraft } from '@parley/core/drafts/parse.ts';
import { redline } from '@parley/core/drafts/redline.ts';
import type { Scenario } from '@parley/core/guarantees/analyse.ts';
import { cellLines, compareInstruments } from '@parley/core/guarantees/compare.ts';
import { loadCaseForCli } from '../load-case.ts';
import type { CommandRegistrar } from '../main.ts';
import { printJson } from '../output.ts';
import { overviewView } from '../show/overview.ts';
import { modelInputFor, modelStep } from './deals.ts';
import { guaranteeContextFor } from './guarantees.ts';

/**
 * `parley brief <case>`: the overview, then what each engine answers about the case, one
 * paragraph each — the drafts' convergence, what each guarantee wording delivers if a party
 * attacks, and when the analyst model sees a deal. Each line names the command that says more.
 */

const BRIEF_RUNS = 2000;
const BRIEF_SEED = 1;

interface DraftBrief {
  document: string;
  brackets: Array<{ version: string; brackets: number }>;
  trend: string;
  latest?: { from: string; to: string; wordsAdded: number; wordsRemoved: number; statusChanges: number };
}

function draftBriefs(c: Case): DraftBrief[] {
  return c.drafts.map((d) => {
    const parsed = d.versions.map((v) => ({
      version: v.id,
      date: v.date,
      document: parseDraft(c.draftTexts[`${d.id}@${v.id}`] ?? '', caseParseOptions(c)).document,
    }));
    const series = bracketSeries(parsed);
    const [before, after] = parsed.slice(-2);
    const summary = before && after ? redline(before.document, after.document).summary : undefined;
    return {
      document: d.id,
      brackets: series.entries.map((e) => ({ version: e.version, brackets: e.brackets })),
      trend: series.trend,
      ...(summary && before && after
        ? {
            latest: {
              from: before.version,
              to: after.version,
              wordsAdded: summary.wordsAdded,
              wordsRemoved: summary.wordsRemoved,
              statusChanges: summary.statusChanges.length,
            },
          }
        : {}),
    };
  });
}

interface GuaranteeBrief {
  instrument: string;
  attacker: string;
  obligation: string;
  obligedGuarantors: number;
  canBlock: string[];
  anyHelp: number;
  summary: string;
}

async function guaranteeBriefs(c: Case): Promise<GuaranteeBrief[]> {
  if (!c.guarantees) return [];
  const context = await guaranteeContextFor(c, false);
  const parties = caseParties(c);
  return context.instruments.flatMap((entry) => {
    // What matters most: an attack on the guaranteed state's core territory by the other party.
    const columns: Scenario[] = parties
      .filter((p) => p !== entry.instrument.guaranteedState)
      .map((attacker) => ({ attacker, trigger: 'armed-attack' }));
    const [row] = compareInstruments(context, [entry], columns, { runs: BRIEF_RUNS, seed: BRIEF_SEED });
    return (row?.cells ?? []).flatMap((cell) =>
      cell
        ? [
            {
              instrument: cell.instrument,
              attacker: cell.scenario.attacker,
              obligation: cell.obligation,
              obligedGuarantors: cell.obligedGuarantors.length,
              canBlock: [...new Set(cell.canBlock.map((b) => b.actor))],
              anyHelp: cell.anyHelp.probability,
              summary: cellLines(context, cell).join('; '),
            },
          ]
        : [],
    );
  });
}

interface DealBrief {
  scenario: string | null;
  open: Array<{ from: string; until: string | null }>;
  openForPartiesOnly: Array<{ from: string; until: string | null }>;
}

function dealBriefs(c: Case): DealBrief[] {
  if (!c.model) return [];
  const scenarios = [undefined, ...c.model.scenarios.map((s) => s.id)];
  return scenarios.map((scenario) => {
    const report = modelStep(() => windowReport(modelInputFor(c, scenario), {}));
    return { scenario: scenario ?? null, open: report.open, openForPartiesOnly: report.openForPartiesOnly };
  });
}

const spans = (list: Array<{ from: string; until: string | null }>) =>
  list.length === 0 ? 'never' : list.map((r) => `${r.from} → ${r.until ?? '…'}`).join(', ');

export const registerBrief: CommandRegistrar = (program, output) => {
  program
    .command('brief')
    .description(
      "the case's overview and, in a paragraph each, what the drafts, guarantees and deals engines find",
    )
    .argument('<case-dir>', 'the case folder, e.g. cases/istanbul-2022')
    .option('--json', 'print JSON', false)
    .action(async (dir: string, opts: { json: boolean }) => {
      const c = await loadCaseForCli(dir);
      const overview = overviewView.build(c, { contestedOnly: false });
      const drafts = draftBriefs(c);
      const guarantees = await guaranteeBriefs(c);
      const deals = dealBriefs(c);
      if (opts.json) {
        printJson(output, { view: 'brief', case: c.meta.id, overview, drafts, guarantees, deals });
        return;
      }
      const lines = [overviewView.render(overview)];
      for (const d of drafts) {
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
      if (guarantees.length > 0) {
        lines.push(
          '',
          `Guarantees — if a party attacks the guaranteed state's core territory (${BRIEF_RUNS} runs, seed ${BRIEF_SEED}):`,
        );
        for (const g of guarantees) lines.push(`  ${g.instrument}, attacker ${g.attacker}: ${g.summary}`);
        lines.push(`  more: parley guarantees ${dir}`);
      }
      if (deals.length > 0) {
        lines.push(
          '',
          'Deals — days on which some package beats no deal (analyst model: assumptions, not facts):',
        );
        for (const d of deals) {
          lines.push(
            `  ${d.scenario ?? 'baseline'}: every required signatory ${spans(d.open)}; the parties alone ${spans(d.openForPartiesOnly)}`,
          );
        }
        lines.push(`  more: parley deals window ${dir}`);
      }
      lines.push('', `Contested points: parley show ${dir} claims --contested`);
      output.out(lines.join('\n'));
    });
};
