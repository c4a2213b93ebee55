import { ParleyError } from '@parley/model/errors.ts';
import type { AnalystModel } from '@parley/model/schema/analyst-model.ts';

/**
 * Every number in model.yaml is a named assumption, addressable by a path:
 *
 *   <actor>.<issue>.weight            issue weight
 *   <actor>.<issue>.scores.<option>   score of an option (or of a set package)
 *   <actor>.<issue>.members.<member>  a set member's contribution
 *   <actor>.<issue>.curve.<k>         score of the k-th curve point (0-based)
 *   <actor>.reservation.<event>       reservation value from that event on
 *   <actor>.interactions.<id>         value of an interaction (bonus or penalty)
 *   <actor>.discount                  discount factor per day or round
 *
 * Scenarios and the sensitivity analysis change assumptions by these paths, on a copy.
 */

export interface NamedAssumption {
  path: string;
  value: number;
  rationale: string;
  /** The range the value may take. */
  min: number;
  max: number;
}

export function listAssumptions(model: AnalystModel): NamedAssumption[] {
  const list: NamedAssumption[] = [];
  for (const s of model.stakeholders) {
    for (const [issue, v] of Object.entries(s.issues)) {
      const at = `${s.actor}.${issue}`;
      list.push({
        path: `${at}.weight`,
        value: v.weight.value,
        rationale: v.weight.rationale,
        min: 0,
        max: Infinity,
      });
      for (const [option, value] of Object.entries(v.scores?.value ?? {}))
        list.push({ path: `${at}.scores.${option}`, value, rationale: v.scores!.rationale, min: 0, max: 1 });
      for (const [member, value] of Object.entries(v.members?.value ?? {}))
        list.push({
          path: `${at}.members.${member}`,
          value,
          rationale: v.members!.rationale,
          min: -1,
          max: 1,
        });
      v.curve?.value.forEach(([, value], k) =>
        list.push({ path: `${at}.curve.${k}`, value, rationale: v.curve!.rationale, min: 0, max: 1 }),
      );
    }
    for (const p of s.reservation)
      list.push({
        path: `${s.actor}.reservation.${p.event}`,
        value: p.value,
        rationale: p.rationale,
        min: 0,
        max: 1,
      });
    for (const x of s.interactions ?? [])
      list.push({
        path: `${s.actor}.interactions.${x.id}`,
        value: x.value.value,
        rationale: x.value.rationale,
        min: -1,
        max: 1,
      });
    if (s.discount)
      list.push({
        path: `${s.actor}.discount`,
        value: s.discount.value,
        rationale: s.discount.rationale,
        min: Number.MIN_VALUE,
        max: 1,
      });
  }
  return list;
}

export function findAssumption(model: AnalystModel, path: string): NamedAssumption {
  const found = listAssumptions(model).find((a) => a.path === path);
  if (!found)
    throw new ParleyError(
      'invalid-model',
      `no assumption "${path}" in the model (run 'parley deals assumptions <case>' to list them)`,
    );
  return found;
}

/** A copy of the model with one assumption replaced. */
export function withAssumption(model: AnalystModel, path: string, value: number): AnalystModel {
  const assumption = findAssumption(model, path);
  if (!(value >= assumption.min && value <= assumption.max))
    throw new ParleyError(
      'invalid-model',
      `${path} must lie in [${assumption.min}, ${assumption.max}], got ${value}`,
    );
  const copy = structuredClone(model);
  const [actor, second, third, fourth] = path.split('.');
  const s = copy.stakeholders.find((x) => x.actor === actor)!;
  if (second === 'reservation') {
    s.reservation.find((p) => p.event === third)!.value = value;
    return copy;
  }
  const term =
    second === 'interactions' && fourth === undefined
      ? s.interactions?.find((x) => x.id === third)
      : undefined;
  if (term) {
    term.value.value = value;
    return copy;
  }
  if (second === 'discount' && third === undefined) {
    s.discount!.value = value;
    return copy;
  }
  const v = s.issues[second!]!;
  if (third === 'weight') v.weight.value = value;
  else if (third === 'scores') v.scores!.value[fourth!] = value;
  else if (third === 'members') v.members!.value[fourth!] = value;
  else if (third === 'curve') v.curve!.value[Number(fourth)]![1] = value;
  return copy;
}

/** The model under a scenario: its overrides applied in order. */
export function applyScenario(model: AnalystModel, scenarioId: string | undefined): AnalystModel {
  if (!scenarioId) return model;
  const scenario = model.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) {
    const known = model.scenarios.map((s) => s.id).join(', ') || 'none';
    throw new ParleyError('unknown-id', `unknown scenario "${scenarioId}" (the model defines: ${known})`);
  }
  return scenario.overrides.reduce((m, o) => withAssumption(m, o.assumption, o.value), model);
}
