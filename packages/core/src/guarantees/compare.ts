import type { TriggerKind } from '@parley/model/schema/guarantee.ts';
import type { Scenario } from './analyse.ts';
import {
  assessScenario,
  checkScenario,
  CompiledCache,
  type AssessOptions,
  type ScenarioReport,
} from './assess.ts';
import { corePlace, findInstrument, type GuaranteeContext, type InstrumentEntry } from './context.ts';
import { levelWords } from './ladder.ts';

/**
 * The columns of a comparison: each attacker against each place (`core`, or a place id), in that
 * order, all for one trigger. Which attackers and places matter is the case's choice.
 */
export function comparisonColumns(
  attackers: readonly string[],
  places: readonly string[],
  trigger: TriggerKind,
): Scenario[] {
  return attackers.flatMap((attacker) =>
    places.map((place) => (place === corePlace ? { attacker, trigger } : { attacker, place, trigger })),
  );
}

export interface ComparisonRow {
  entry: InstrumentEntry;
  /** One report per column; undefined where the attacker is the instrument's guaranteed state. */
  cells: (ScenarioReport | undefined)[];
}

/** Instruments × scenarios. Every cell uses the same seed, so differences are not sampling noise. */
export function compareInstruments(
  context: GuaranteeContext,
  entries: readonly InstrumentEntry[],
  columns: readonly Scenario[],
  options: AssessOptions,
): ComparisonRow[] {
  const cache = new CompiledCache(context);
  return entries.map((entry) => ({
    entry,
    cells: columns.map((scenario) =>
      scenario.attacker === entry.instrument.guaranteedState
        ? undefined
        : assessScenario(context, entry, scenario, options, cache),
    ),
  }));
}

/** Every problem the comparison would hit, so the CLI can report them all before running. */
export function checkComparison(
  context: GuaranteeContext,
  entries: readonly InstrumentEntry[],
  columns: readonly Scenario[],
): string[] {
  const problems = new Set<string>();
  for (const { instrument } of entries) {
    for (const scenario of columns) {
      if (scenario.attacker === instrument.guaranteedState) continue;
      for (const p of checkScenario(context, instrument, scenario)) problems.add(p);
    }
  }
  return [...problems];
}

export function percent(p: number): string {
  if (p === 0) return '0%';
  if (p === 1) return '100%';
  if (p < 0.005) return '<1%';
  if (p > 0.995) return '>99%';
  return `${Math.round(p * 100)}%`;
}

const decidedBy = {
  individual: 'each decides',
  'unanimity-all': 'all agree',
  'unanimity-excluding-attacker': 'all but the attacker agree',
  majority: 'a majority agrees',
  unsc: 'the council agrees',
} as const;

/** A table cell: what binds whom (line 1) and the chance of help (line 2). Actors by id, to stay narrow. */
export function cellLines(context: GuaranteeContext, report: ScenarioReport | undefined): string[] {
  if (!report) return ['—'];
  switch (report.status) {
    case 'not-territory':
      return ['n/a'];
    case 'out-of-scope':
      return ['excluded:', 'nothing'];
    case 'not-triggered':
      return ['not triggered'];
    case 'covered':
      break;
  }
  const rule = findInstrument(context, report.instrument)?.instrument.decisionRule ?? 'individual';
  const certain = report.canBlock.filter((b) => b.certain && b.stage === 'guarantors').map((b) => b.actor);
  const possible = report.assistance.filter((l) => l.possible && l.level !== 'consultation');
  const n = report.obligedGuarantors.length;
  let duty: string;
  if (!report.decisionPossible) duty = `no duty: ${certain.join(', ') || 'nobody'} blocks`;
  else if (n > 0 && possible.length > 0 && possible.every((l) => l.level === 'unsc-request'))
    duty = `${n} must ask the UNSC`;
  else if (report.obligation === 'unconditional') duty = `${n} obliged, no veto`;
  else if (report.obligation === 'if-decided') duty = `${n} obliged if ${decidedBy[rule]}`;
  else if (report.obligation === 'voluntary') duty = 'may act, none obliged';
  else duty = possible.length === 0 ? 'consultation only' : 'no duty';
  const top = possible[possible.length - 1];
  const consult = report.assistance.find((l) => l.level === 'consultation' && l.possible);
  const chance = top
    ? possible.length > 1
      ? `any help ${percent(report.anyHelp.probability)}, ${shortLevel(top.level)} ${percent(top.probability)}`
      : `${shortLevel(top.level)} ${percent(top.probability)}`
    : consult
      ? `consultation ${percent(consult.probability)}`
      : 'no help';
  return [duty, chance];
}

const shortLevel = (level: keyof typeof levelWords): string =>
  level === 'unsc-request'
    ? 'UNSC request'
    : level === 'armed-force'
      ? 'force'
      : levelWords[level].replace(/^an? /, '');
