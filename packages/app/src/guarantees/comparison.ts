import type { Case } from '@parley/model/case.ts';
import { ParleyError } from '@parley/model/errors.ts';
import type { Comparison, TriggerKind } from '@parley/model/schema/guarantee.ts';
import type { Scenario } from '@parley/core/guarantees/analyse.ts';
import type { ScenarioReport } from '@parley/core/guarantees/assess.ts';
import {
  checkComparison,
  compareInstruments,
  comparisonColumns,
  type ComparisonRow,
} from '@parley/core/guarantees/compare.ts';
import {
  corePlace,
  thirdState,
  type GuaranteeContext,
  type InstrumentEntry,
} from '@parley/core/guarantees/context.ts';
import type { ComparisonInput } from './input.ts';

export interface GuaranteeComparison {
  trigger: TriggerKind;
  runs: number;
  seed: number;
  entries: InstrumentEntry[];
  columns: Scenario[];
  rows: ComparisonRow[];
  /** Every cell's report, row by row; exactly one when a single cell was asked for. */
  results: ScenarioReport[];
}

/**
 * The columns to compare when none is asked for: the case's own choice (`comparison` in
 * guarantees.yaml) or, without one, the columns derived from the records.
 */
export function comparisonOf(caseData: Case, context: GuaranteeContext): Comparison {
  return caseData.guarantees?.comparison ?? derivedComparison(context);
}

/**
 * Columns derived from the records: every attacker the willingness assumptions name for a state
 * the case's instruments guarantee (all instruments when the case has none), then a third state;
 * core territory, then the first place those instruments exclude.
 */
export function derivedComparison(context: GuaranteeContext): Comparison {
  const own = context.instruments.filter((e) => e.origin === 'case');
  const instruments = (own.length > 0 ? own : context.instruments).map((e) => e.instrument);
  const guarded = new Set(instruments.map((i) => i.guaranteedState));
  const named = context.willingness
    .filter(({ entry }) => guarded.has(entry.guaranteedState))
    .flatMap(({ entry }) => entry.attackers ?? [])
    .filter((a) => a !== thirdState);
  const excluded = instruments.flatMap((i) => i.excludes ?? []).find((id) => context.places.has(id));
  return {
    attackers: [...new Set(named), thirdState],
    places: excluded === undefined ? [corePlace] : [corePlace, excluded],
  };
}

/**
 * Instruments × scenarios for one event, every cell with the same seed. Unknown ids and every
 * problem the comparison would hit are reported before anything runs.
 */
export function compareGuarantees(
  caseData: Case,
  context: GuaranteeContext,
  input: ComparisonInput,
): GuaranteeComparison {
  const { trigger, runs, seed } = input;
  if (context.instruments.length === 0)
    throw new ParleyError('invalid-input', 'no guarantee instruments: the case has none, nor the library');
  const entries = pickInstruments(context, input.instrument);
  const defaults = comparisonOf(caseData, context);
  const attackers =
    input.attacker === undefined ? defaults.attackers : [checkAttacker(context, input.attacker)];
  const places = input.place === undefined ? defaults.places : [checkPlace(context, input.place)];
  const columns = comparisonColumns(attackers, places, trigger);
  const problems = checkComparison(context, entries, columns);
  if (entries.every(({ instrument }) => columns.every((c) => c.attacker === instrument.guaranteedState)))
    problems.push(`attacker "${attackers[0]}" is the guaranteed state of every selected instrument`);
  if (problems.length > 0) throw new ParleyError('invalid-input', problems.join('\n'));

  const rows = compareInstruments(context, entries, columns, { runs, seed });
  const results = rows.flatMap((r) => r.cells.filter((c): c is ScenarioReport => c !== undefined));
  return { trigger, runs, seed, entries, columns, rows, results };
}

function pickInstruments(context: GuaranteeContext, id: string | undefined): InstrumentEntry[] {
  if (id === undefined) return context.instruments;
  const entry = context.instruments.find((e) => e.instrument.id === id);
  if (!entry) {
    const known = context.instruments.map((e) => e.instrument.id).join(', ');
    throw new ParleyError('unknown-id', `unknown instrument "${id}"; known: ${known}`);
  }
  return [entry];
}

function checkAttacker(context: GuaranteeContext, id: string): string {
  if (!context.actorNames.has(id)) {
    throw new ParleyError(
      'unknown-id',
      `unknown attacker "${id}": not an actor of the case or the library (use an actor id or "${thirdState}")`,
    );
  }
  return id;
}

function checkPlace(context: GuaranteeContext, id: string): string {
  if (id !== corePlace && !context.places.has(id)) {
    const known = [corePlace, ...context.places.keys()].join(', ');
    throw new ParleyError('unknown-id', `unknown place "${id}"; known: ${known}`);
  }
  return id;
}
