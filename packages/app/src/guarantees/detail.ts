import type { ScenarioStatus } from '@parley/core/guarantees/analyse.ts';
import type { AssumptionUsed, ScenarioReport } from '@parley/core/guarantees/assess.ts';
import { actorName, findInstrument, type GuaranteeContext } from '@parley/core/guarantees/context.ts';
import { formatStep } from '@parley/core/guarantees/explain.ts';
import { levelWords, triggerWords } from '@parley/core/guarantees/ladder.ts';

/** One cell of the comparison in words: who is bound, who can block, how likely each level of help is. */
export interface CellDetail {
  title: string;
  instrument: string;
  origin: string;
  /** The attacker's name ("a third state" for a state not named anywhere). */
  attacker: string;
  /** The event, e.g. "an armed attack". */
  event: string;
  /** Where it strikes, e.g. "Ukraine's core territory" or "Crimea". */
  where: string;
  status: ScenarioStatus;
  /** The guaranteed state's name. */
  guaranteedState: string;
  obligedGuarantors: string[];
  /** How the obliged guarantors are bound. */
  obligation: string;
  consultingGuarantors: string[];
  /** Who can stop help, by stage: the guarantors' decision, then Security Council action. */
  canBlock: { stage: string; blockers: { name: string; certain: boolean }[] }[];
  /** The chance of each level of help (from at least one guarantor), weakest first. */
  levels: {
    level: string;
    possible: boolean;
    probability: number;
    interval: [number, number];
    expectedProviders: number;
  }[];
  /** The reasoning, one sentence per step, each citing its clauses. */
  explanation: string[];
  assumptions: AssumptionUsed[];
}

const obligationWords: Record<ScenarioReport['obligation'], string> = {
  unconditional: 'obliged by the text alone',
  'if-decided': 'obliged once the decision is taken',
  voluntary: 'may act, not obliged',
  none: 'nobody is obliged to assist',
};

const stageWords = { guarantors: "the guarantors' decision", council: 'Security Council action' } as const;

export function cellDetail(context: GuaranteeContext, report: ScenarioReport): CellDetail {
  const name = (id: string) => actorName(context, id);
  const instrument = findInstrument(context, report.instrument)!.instrument;
  const state = name(instrument.guaranteedState);
  const { attacker, place, trigger } = report.scenario;
  return {
    title: report.title,
    instrument: report.instrument,
    origin: report.origin,
    attacker: name(attacker),
    event: triggerWords[trigger],
    where: place === null ? `${state}'s core territory` : (context.places.get(place)?.name ?? place),
    status: report.status,
    guaranteedState: state,
    obligedGuarantors: report.obligedGuarantors.map(name),
    obligation: obligationWords[report.obligation],
    consultingGuarantors: report.consultingGuarantors.map(name),
    canBlock: (['guarantors', 'council'] as const).flatMap((stage) => {
      const blockers = report.canBlock.filter((b) => b.stage === stage);
      return blockers.length === 0
        ? []
        : [
            {
              stage: stageWords[stage],
              blockers: blockers.map((b) => ({ name: name(b.actor), certain: b.certain })),
            },
          ];
    }),
    levels: report.assistance.map((l) => ({
      level: levelWords[l.level],
      possible: l.possible,
      probability: l.probability,
      interval: l.interval,
      expectedProviders: l.expectedProviders,
    })),
    explanation: report.explanation.map(formatStep),
    assumptions: report.assumptions,
  };
}
