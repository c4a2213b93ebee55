import type {
  AssistanceForm,
  DecisionRule,
  ObligationStrength,
  TriggerKind,
} from '@parley/model/schema/guarantee.ts';
import type { ScenarioReport } from '@parley/core/guarantees/assess.ts';
import type { GuaranteeComparison } from './comparison.ts';

/** The comparison as one JSON document (documented in docs/json.md, printed by `--json`). */
export interface GuaranteesReport {
  /** The case as the caller named it (the CLI: the folder it was given). */
  case: string;
  runs: number;
  seed: number;
  /** The level of every interval in the results (Wilson score intervals). */
  confidence: number;
  columns: { attacker: string; place: string | null; trigger: TriggerKind }[];
  instruments: {
    id: string;
    title: string;
    origin: string;
    guaranteedState: string;
    guarantors: string[];
    decisionRule: DecisionRule;
    obligation: ObligationStrength;
    assistance: AssistanceForm[];
    excludes: string[];
  }[];
  results: ScenarioReport[];
}

export function guaranteesReport(caseName: string, comparison: GuaranteeComparison): GuaranteesReport {
  const { runs, seed, trigger } = comparison;
  return {
    case: caseName,
    runs,
    seed,
    confidence: 0.95,
    columns: comparison.columns.map((c) => ({ attacker: c.attacker, place: c.place ?? null, trigger })),
    instruments: comparison.entries.map(({ instrument: i, origin }) => ({
      id: i.id,
      title: i.title,
      origin,
      guaranteedState: i.guaranteedState,
      guarantors: i.guarantors,
      decisionRule: i.decisionRule,
      obligation: i.obligation,
      assistance: i.assistance,
      excludes: i.excludes ?? [],
    })),
    results: comparison.results,
  };
}
