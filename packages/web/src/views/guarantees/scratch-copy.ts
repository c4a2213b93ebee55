import type { ScenarioReport } from '@parley/core/guarantees/assess.ts';
import type { DecisionRule, GuaranteeInstrument } from '@parley/model/schema/guarantee.ts';
import { percent } from './guarantee-cells.ts';

/** The clauses a scratch copy may change: the rest of the instrument stays as recorded. */
export interface Clauses {
  decisionRule: DecisionRule;
  /** The consultation window in days; undefined leaves the text without a limit. */
  days: number | undefined;
  excludes: string[];
}

export function clausesOf(instrument: GuaranteeInstrument): Clauses {
  return {
    decisionRule: instrument.decisionRule,
    days: instrument.consultation?.days,
    excludes: instrument.excludes ?? [],
  };
}

/** The instrument with the changed clauses; a window only where the text has a consultation. */
export function withClauses(instrument: GuaranteeInstrument, clauses: Clauses): GuaranteeInstrument {
  const { consultation, excludes: _excludes, ...rest } = instrument;
  const copy: GuaranteeInstrument = { ...rest, decisionRule: clauses.decisionRule };
  if (clauses.excludes.length > 0) copy.excludes = clauses.excludes;
  if (consultation) {
    const { days: _days, ...window } = consultation;
    copy.consultation = clauses.days === undefined ? window : { ...window, days: clauses.days };
  }
  return copy;
}

/** One cell as the lab reads it: the status, the chance of any help, and who can block. */
export function cellWords(r: ScenarioReport | undefined, nameOf: (id: string) => string = (id) => id) {
  if (!r) return { status: '—', anyHelp: '—', canBlock: 'nobody' };
  const blockers = r.canBlock.map((b) => `${nameOf(b.actor)}${b.certain ? ' (certainly)' : ''}`);
  return {
    status: r.status,
    anyHelp: percent(r.anyHelp.probability),
    canBlock: blockers.length === 0 ? 'nobody' : blockers.join(', '),
  };
}

/** What differs between the original's cell and the copy's, in words ("any help", "who can block"). */
export function changedParts(
  original: ScenarioReport | undefined,
  copy: ScenarioReport | undefined,
): string[] {
  const a = cellWords(original);
  const b = cellWords(copy);
  return [
    ...(a.status !== b.status ? ['status'] : []),
    ...(a.anyHelp !== b.anyHelp ? ['any help'] : []),
    ...(a.canBlock !== b.canBlock ? ['who can block'] : []),
  ];
}
