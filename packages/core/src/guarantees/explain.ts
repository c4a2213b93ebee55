import type { GuaranteeInstrument, InstrumentAspect } from '@parley/model/schema/guarantee.ts';
import type { Blocker, ScenarioAnalysis, Step } from './analyse.ts';
import { actorName, type GuaranteeContext } from './context.ts';
import { levelWords, triggerWords } from './ladder.ts';

/** A clause an explanation step relies on. */
export interface Citation {
  instrument: string;
  provision: string;
  label: string;
  draft?: string;
}

export interface ExplanationStep {
  step: Step['kind'];
  text: string;
  cites: Citation[];
}

const aspectOf: Record<Step['kind'], InstrumentAspect> = {
  scope: 'scope',
  trigger: 'triggers',
  attacker: 'guarantors',
  consultation: 'consultation',
  decision: 'decision-rule',
  obligation: 'obligation',
  assistance: 'assistance',
  council: 'obligation',
};

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const ruleWords = {
  individual: 'each guarantor decides for itself',
  'unanimity-all': 'a decision agreed by all guarantors',
  'unanimity-excluding-attacker': 'a decision agreed by all guarantors except the attacker',
  majority: 'a decision by a majority of the guarantors',
  unsc: 'a decision of the Security Council',
} as const;

/** Plain-language steps of a scenario analysis, each citing the provisions it rests on. */
export function explainScenario(
  context: GuaranteeContext,
  instrument: GuaranteeInstrument,
  analysis: ScenarioAnalysis,
): ExplanationStep[] {
  const name = (id: string) => actorName(context, id);
  const names = (ids: readonly string[]) => listWords(ids.map(name));
  const placeName = (id: string) => context.places.get(id)?.name ?? id;
  const state = name(instrument.guaranteedState);
  const attacker = name(analysis.attacker);
  const cites = (kind: Step['kind']): Citation[] =>
    instrument.provisions
      .filter((p) => p.covers.includes(aspectOf[kind]))
      .map((p) => ({
        instrument: instrument.id,
        provision: p.id,
        label: p.label,
        ...(p.draft ? { draft: p.draft } : {}),
      }));

  const sentence = (step: Step): string => {
    switch (step.kind) {
      case 'scope': {
        const exclusions =
          step.excludes.length > 0 ? ` (it excludes ${listWords(step.excludes.map(placeName))})` : '';
        if (step.place === undefined)
          return `The attack is on ${state}'s core territory, which the guarantee covers${exclusions}.`;
        const where = placeName(step.place);
        if (step.placeOf !== instrument.guaranteedState) {
          return `${where} is territory of ${name(step.placeOf ?? '?')}, not of ${state}: this instrument does not apply.`;
        }
        if (step.excludedBy === step.place)
          return `${where} is expressly excluded from the guarantee: nothing follows from this instrument.`;
        if (step.excludedBy) {
          return `${where} lies in ${placeName(step.excludedBy)}, which the guarantee expressly excludes: nothing follows from this instrument.`;
        }
        return `${where} is within the guarantee's scope${exclusions}.`;
      }
      case 'trigger': {
        const listed = listWords(instrument.triggers.map((t) => triggerWords[t]));
        if (step.main) {
          const request = instrument.requiresRequest ? `, once ${state} asks for help` : '';
          return `The event, ${triggerWords[step.trigger]}, is a trigger of the guarantee${request}.`;
        }
        if (step.consultation) {
          return `The main clause names only ${listed}, so ${triggerWords[step.trigger]} does not set it off; only the consultation clause applies.`;
        }
        return `The instrument names only ${listed} as triggers, so ${triggerWords[step.trigger]} sets nothing off.`;
      }
      case 'attacker': {
        const council = instrument.council === undefined ? 'the council' : `the ${name(instrument.council)}`;
        const veto = step.isVetoHolder ? ` ${attacker} also holds a veto in ${council}.` : '';
        const disputed = (instrument.disputedGuarantors ?? []).map(
          (d) => `${name(d.actor)} (proposed by ${name(d.proposedBy)})`,
        );
        const unagreed =
          disputed.length > 0
            ? ` ${capitalise(listWords(disputed))} ${disputed.length === 1 ? 'is not an agreed guarantor' : 'are not agreed guarantors'} and not counted.`
            : '';
        if (step.isGuarantor) {
          return (
            `${attacker} is itself a guarantor. A guarantor never acts against itself, so its willingness to help ` +
            `${state} against its own attack is 0 by construction (not an assumption).${veto}${unagreed}`
          );
        }
        if (step.attacker === 'third-state') {
          return `The attacker is a third state, not a party to the instrument.${veto}${unagreed}`;
        }
        return `${attacker} is not a guarantor and has no say in the guarantors' decision.${veto}${unagreed}`;
      }
      case 'consultation': {
        const who =
          step.consulting.length > 0
            ? `${names(step.consulting)} must consult`
            : 'No guarantor is left to consult';
        const withState = step.withGuaranteedState ? ` with ${state} and` : '';
        const days = step.days === undefined ? '' : `, for no more than ${step.days} days`;
        return step.consulting.length > 0
          ? `${who}${withState} among themselves${days}. Consultation is not assistance.`
          : `${who}.`;
      }
      case 'decision': {
        const needs = `Assistance needs ${ruleWords[step.rule]}`;
        const council = step.council && step.rule === 'unsc' ? ` (${name(step.council)})` : '';
        const certain = step.blockers.filter((b) => b.certain);
        const others = step.blockers.filter((b) => !b.certain).map((b) => b.actor);
        if (!step.possible) {
          const who =
            certain.length > 0
              ? `${names(certain.map((b) => b.actor))}, the attacker, will not agree`
              : 'the required votes cannot be found';
          const also =
            others.length > 0
              ? ` Besides, ${others.length === 1 ? '' : 'each of '}${names(others)} could block it.`
              : '';
          return `${needs}${council}. ${capitalise(who)}, so the decision cannot be taken.${also}`;
        }
        if (others.length === 0) return `${needs}${council}; no single participant can block it.`;
        return `${needs}${council}; ${others.length === 1 ? `${names(others)} can` : `each of ${names(others)} can`} block it by refusing.`;
      }
      case 'obligation': {
        if (analysis.eligible.length === 0) return 'No guarantor remains once the attacker is set aside.';
        switch (step.strength) {
          case 'must-act':
            if (step.outcome === 'unconditional') {
              return `Each guarantor other than the attacker is obliged to assist on its own decision, and nobody can block another's help: ${names(step.obliged)}.`;
            }
            if (step.outcome === 'if-decided')
              return `Once that decision is taken, ${names(step.obliged)} are obliged to assist.`;
            return 'No guarantor is obliged to assist, because the decision the obligation hangs on cannot be taken.';
          case 'seek-unsc-action':
            if (step.outcome === 'none')
              return 'No guarantor is obliged to act, because the decision cannot be taken.';
            return `The guarantors' only duty is to seek action by the ${name(instrument.council ?? 'Security Council')}: ${names(step.obliged)} must bring the matter there.`;
          case 'may-act':
            if (step.outcome === 'none')
              return 'No guarantor may act under the instrument, because the decision cannot be taken.';
            return `The text gives a right, not a duty: ${names(analysis.eligible)} may assist, none is obliged.`;
          case 'consult-only':
            return 'The instrument binds the guarantors only to consult; it owes no assistance.';
        }
        return '';
      }
      case 'assistance': {
        const notOwed =
          step.notOwed.length > 0
            ? ` ${capitalise(listWords(step.notOwed.map((l) => levelWords[l])))} ${step.notOwed.length === 1 ? 'is' : 'are'} not named, so not owed under it.`
            : '';
        if (step.levels.length === 0) return `No assistance follows under this instrument.${notOwed}`;
        return `What can follow: ${listWords(step.levels.map((l) => levelWords[l]))}, each from the guarantors willing to give it.${notOwed}`;
      }
      case 'council':
        return councilSentence(step.council, step.blockers);
    }
  };

  function councilSentence(council: string, blockers: Blocker[]): string {
    const certain = blockers.filter((b) => b.certain).map((b) => name(b.actor));
    const others = blockers.filter((b) => !b.certain).map((b) => name(b.actor));
    const attackerPart = certain.length > 0 ? `${listWords(certain)}, the attacker, will veto it; ` : '';
    return (
      `The ${name(council)} can act only if no permanent member vetoes: ${attackerPart}${listWords(others)} could too. ` +
      'The instrument promises a request, not help.'
    );
  }

  return analysis.steps.map((step) => ({ step: step.kind, text: sentence(step), cites: cites(step.kind) }));
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One step as a line of text with its clause references in brackets. */
export function formatStep(step: ExplanationStep): string {
  if (step.cites.length === 0) return step.text;
  const refs = step.cites.map((c) => `${c.instrument} ${c.label}${c.draft ? ` (${c.draft})` : ''}`);
  return `${step.text} [${refs.join('; ')}]`;
}
