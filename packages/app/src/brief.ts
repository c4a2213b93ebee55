import type { Case } from '@parley/model/case.ts';
import { windowReport } from '@parley/core/bargaining/case-report.ts';
import { caseParties } from '@parley/core/chronology/positions-at.ts';
import { bracketSeries } from '@parley/core/drafts/brackets.ts';
import { versionParseOptions } from '@parley/core/drafts/case-drafts.ts';
import { parseDraft } from '@parley/core/drafts/parse.ts';
import { redline } from '@parley/core/drafts/redline.ts';
import type { Scenario } from '@parley/core/guarantees/analyse.ts';
import { checkScenario } from '@parley/core/guarantees/assess.ts';
import { cellLines, compareInstruments } from '@parley/core/guarantees/compare.ts';
import { modelInputFor } from './deals/model-input.ts';
import { scenarioSummaries } from './deals/window.ts';
import { guaranteeContextFor } from './guarantees/context.ts';
import { overviewView, type OverviewJson } from './views/overview.ts';

/**
 * The brief of a case: the overview, then what each engine answers about it — the drafts'
 * convergence, what each guarantee wording delivers if a party attacks, and when the analyst
 * model sees a deal.
 */

/** Monte Carlo runs and seed of the guarantee findings: enough for a summary, quick to run. */
export const briefRuns = 2000;
export const briefSeed = 1;

export interface DraftBrief {
  document: string;
  brackets: Array<{ version: string; brackets: number }>;
  trend: string;
  /** The last change: between the last two versions. */
  latest?: { from: string; to: string; wordsAdded: number; wordsRemoved: number; statusChanges: number };
}

export interface GuaranteeBrief {
  instrument: string;
  attacker: string;
  obligation: string;
  obligedGuarantors: number;
  canBlock: string[];
  anyHelp: number;
  /** The comparison table's cell in one line. */
  summary: string;
}

export interface DealBrief {
  scenario: string | null;
  /** The scenario's title ("Baseline" for the model's own assumptions). */
  title: string;
  /** The sources of the account a scenario encodes; empty for the baseline. */
  sources: string[];
  open: Array<{ from: string; until: string | null }>;
  openForPartiesOnly: Array<{ from: string; until: string | null }>;
}

export interface Brief {
  view: 'brief';
  case: string;
  overview: OverviewJson;
  drafts: DraftBrief[];
  /** Empty when the case has no guarantee instruments. */
  guarantees: GuaranteeBrief[];
  /** Empty when the case has no analyst model. */
  deals: DealBrief[];
  /** When the model has scenarios: that the window depends on the account adopted. */
  dealsNote?: string;
}

/** What the brief says of a model with scenarios: no single window is the model's answer. */
export const dealsNote =
  'The window depends on which account of events one adopts: each scenario replaces some of the ' +
  "baseline's assumptions with another reading of the contested points, and none is the model's verdict.";

export function briefOf(c: Case): Brief {
  return {
    view: 'brief',
    case: c.meta.id,
    overview: overviewView(c),
    drafts: draftBriefs(c),
    guarantees: guaranteeBriefs(c),
    deals: dealBriefs(c),
    ...(c.model && c.model.scenarios.length > 0 ? { dealsNote } : {}),
  };
}

function draftBriefs(c: Case): DraftBrief[] {
  return c.drafts.map((d) => {
    const parsed = d.versions.map((v) => ({
      version: v.id,
      date: v.date,
      document: parseDraft(c.draftTexts[`${d.id}@${v.id}`] ?? '', versionParseOptions(c, v)).document,
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

/** What matters most: an attack on the guaranteed state's core territory by the other party. */
function guaranteeBriefs(c: Case): GuaranteeBrief[] {
  if (!c.guarantees) return [];
  const context = guaranteeContextFor(c, []);
  const parties = caseParties(c);
  return context.instruments.flatMap((entry) => {
    // A column the model cannot assess (no willingness assumed against that attacker) is left
    // out of the brief; `parley guarantees` names the missing assumption.
    const columns: Scenario[] = parties
      .filter((p) => p !== entry.instrument.guaranteedState)
      .map((attacker): Scenario => ({ attacker, trigger: 'armed-attack' }))
      .filter((scenario) => checkScenario(context, entry.instrument, scenario).length === 0);
    const [row] = compareInstruments(context, [entry], columns, { runs: briefRuns, seed: briefSeed });
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

/** The deal window under the baseline and under each scenario of the model. */
function dealBriefs(c: Case): DealBrief[] {
  if (!c.model) return [];
  const baseline = { id: undefined, title: 'Baseline', sources: [] as string[] };
  return [baseline, ...scenarioSummaries(c)].map(({ id, title, sources }) => {
    const report = windowReport(modelInputFor(c, id, c.meta.id), {});
    return {
      scenario: id ?? null,
      title,
      sources,
      open: report.open,
      openForPartiesOnly: report.openForPartiesOnly,
    };
  });
}
