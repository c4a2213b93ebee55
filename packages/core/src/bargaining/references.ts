import type { Case } from '@parley/model/case.ts';
import { parseEdtf } from '@parley/model/edtf.ts';
import type { AnalystModel, IssueValuation } from '@parley/model/schema/analyst-model.ts';
import { listAssumptions } from './assumptions.ts';
import { gridSize, gridSizeProblem, MAX_GRID_VALUES } from './case-model.ts';
import { checkInteractionReferences } from './interaction-references.ts';

/** What the model may refer to in the rest of the case. */
export interface IssueInfo {
  kind: 'boolean' | 'choice' | 'number' | 'set' | 'text';
  options?: string[];
  unit?: string;
  members?: string[];
}

export interface ModelIds {
  actors: Set<string>;
  issues: Map<string, IssueInfo>;
  events: Set<string>;
  sources: Set<string>;
  /**
   * The party and prospective-guarantor roles of roles.yaml, by actor, with the role record's id:
   * a model stakeholder's role must not contradict them.
   */
  roles?: Map<string, { role: string; id: string }[]>;
}

/** The ids a case offers its model: what `checkModelReferences` checks references against. */
export function modelIdsOf(c: Pick<Case, 'actors' | 'issues' | 'events' | 'sources' | 'roles'>): ModelIds {
  const roles = new Map<string, { role: string; id: string }[]>();
  for (const r of c.roles) roles.set(r.actor, [...(roles.get(r.actor) ?? []), { role: r.role, id: r.id }]);
  return {
    actors: new Set(c.actors.map((a) => a.id)),
    issues: new Map(
      c.issues.map((i) => [
        i.id,
        {
          kind: i.kind,
          ...(i.options ? { options: i.options.map((o) => o.id) } : {}),
          ...(i.unit ? { unit: i.unit } : {}),
          ...(i.members ? { members: i.members } : {}),
        },
      ]),
    ),
    events: new Set(c.events.map((e) => e.id)),
    sources: new Set(c.sources.map((s) => s.id)),
    roles,
  };
}

export type ModelReporter = (path: (string | number)[], message: string) => void;

/**
 * Cross-record rules of model.yaml: every actor, issue, event and source exists; each valuation
 * scores exactly the options its issue has; number issues have a grid and set issues their
 * packages; reservation points run forward in time; scenarios name real assumptions. Also the
 * sanity of the numbers: a number issue's grid stays within MAX_GRID_VALUES values, every
 * stakeholder gives some issue a positive weight (and its weights have a finite sum), and a
 * stakeholder's role agrees with roles.yaml.
 */
export function checkModelReferences(model: AnalystModel, ids: ModelIds, report: ModelReporter): void {
  const seenActors = new Set<string>();
  if (!model.stakeholders.some((s) => s.role === 'party'))
    report(['stakeholders'], 'the model needs at least one stakeholder with role party');

  for (const [issueId, grid] of Object.entries(model.grids)) {
    const issue = ids.issues.get(issueId);
    if (!issue) report(['grids', issueId], `unknown issue "${issueId}"`);
    else if (issue.kind !== 'number')
      report(['grids', issueId], `issue "${issueId}" is a ${issue.kind} issue; grids are for number issues`);
    if ('from' in grid && grid.to < grid.from) report(['grids', issueId, 'to'], 'to must not be below from');
    else {
      const size = gridSize(issueId, model);
      if (size > MAX_GRID_VALUES)
        report(
          ['grids', issueId, ...('step' in grid ? ['step'] : ['points'])],
          `the grid is too fine: ${gridSizeProblem(size)}`,
        );
    }
  }
  for (const [issueId, packages] of Object.entries(model.packages)) {
    const issue = ids.issues.get(issueId);
    if (!issue) report(['packages', issueId], `unknown issue "${issueId}"`);
    else if (issue.kind !== 'set')
      report(
        ['packages', issueId],
        `issue "${issueId}" is a ${issue.kind} issue; packages are for set issues`,
      );
    const seen = new Set<string>();
    packages.forEach((p, k) => {
      if (seen.has(p.id)) report(['packages', issueId, k, 'id'], `package "${p.id}" appears twice`);
      seen.add(p.id);
      p.members.forEach((m, j) => {
        if (issue?.members && !issue.members.includes(m))
          report(['packages', issueId, k, 'members', j], `"${m}" is not a member of issue "${issueId}"`);
      });
      p.sources?.forEach((s, j) => {
        if (!ids.sources.has(s)) report(['packages', issueId, k, 'sources', j], `unknown source "${s}"`);
      });
    });
  }
  if (model.guarantorIssue) {
    const issue = ids.issues.get(model.guarantorIssue);
    if (!issue) report(['guarantorIssue'], `unknown issue "${model.guarantorIssue}"`);
    else if (issue.kind !== 'set')
      report(['guarantorIssue'], `issue "${model.guarantorIssue}" must be a set issue of guarantor states`);
    else if (!model.packages[model.guarantorIssue])
      report(['guarantorIssue'], `list the guarantor packages under packages.${model.guarantorIssue}`);
  }

  model.stakeholders.forEach((s, k) => {
    const at = ['stakeholders', k];
    if (!ids.actors.has(s.actor)) report([...at, 'actor'], `unknown actor "${s.actor}"`);
    if (seenActors.has(s.actor)) report([...at, 'actor'], `actor "${s.actor}" is modelled twice`);
    seenActors.add(s.actor);
    const declared = ids.roles?.get(s.actor) ?? [];
    const party = declared.find((r) => r.role === 'party');
    if (s.role === 'guarantor' && party)
      report(
        [...at, 'role'],
        `${s.actor} is modelled as a guarantor, but roles.yaml makes it a party (role "${party.id}"); a party bargains, so model it with role: party`,
      );
    const guarantor = declared.find((r) => r.role === 'prospective-guarantor');
    if (s.role === 'party' && !party && guarantor)
      report(
        [...at, 'role'],
        `${s.actor} is modelled as a party, but roles.yaml makes it a prospective guarantor (role "${guarantor.id}") and not a party; model it with role: guarantor`,
      );
    const weights = Object.values(s.issues).map((v) => v.weight.value);
    const weightSum = weights.reduce((sum, w) => sum + w, 0);
    if (!(weightSum > 0))
      report(
        [...at, 'issues'],
        `every weight of ${s.actor} is 0 (or it values no issue), so every package would be worth the same to it; give some issue a positive weight`,
      );
    else if (!Number.isFinite(weightSum))
      report(
        [...at, 'issues'],
        `the weights of ${s.actor} add up to more than the largest number; utilities divide by that sum, so use weights such as 0.2`,
      );
    for (const [issueId, valuation] of Object.entries(s.issues)) {
      checkValuation(model, ids, issueId, valuation, [...at, 'issues', issueId], report);
    }
    const events = new Set<string>();
    let previous = '';
    s.reservation.forEach((p, j) => {
      const where = [...at, 'reservation', j];
      if (!ids.events.has(p.event)) report([...where, 'event'], `unknown event "${p.event}"`);
      if (events.has(p.event)) report([...where, 'event'], `event "${p.event}" has two reservation points`);
      events.add(p.event);
      const day = parseEdtf(p.date).earliest;
      if (day < previous) report([...where, 'date'], 'reservation points must be in date order');
      previous = day;
    });
  });

  checkInteractionReferences(model, ids, report);

  const known = new Map(listAssumptions(model).map((a) => [a.path, a]));
  const scenarioIds = new Set<string>();
  model.scenarios.forEach((scenario, k) => {
    if (scenarioIds.has(scenario.id))
      report(['scenarios', k, 'id'], `scenario "${scenario.id}" appears twice`);
    scenarioIds.add(scenario.id);
    scenario.overrides.forEach((o, j) => {
      const a = known.get(o.assumption);
      if (!a)
        report(
          ['scenarios', k, 'overrides', j, 'assumption'],
          `no assumption "${o.assumption}" in the model`,
        );
      else if (o.value < a.min || o.value > a.max)
        report(['scenarios', k, 'overrides', j, 'value'], `must lie in [${a.min}, ${a.max}]`);
    });
  });
}

function checkValuation(
  model: AnalystModel,
  ids: ModelIds,
  issueId: string,
  valuation: IssueValuation,
  at: (string | number)[],
  report: ModelReporter,
): void {
  const issue = ids.issues.get(issueId);
  if (!issue) {
    report(at, `unknown issue "${issueId}"`);
    return;
  }
  const exactKeys = (given: string[], expected: string[], field: string) => {
    for (const key of expected) if (!given.includes(key)) report([...at, field], `no score for "${key}"`);
    for (const key of given)
      if (!expected.includes(key))
        report([...at, field, key], `"${key}" is not an option of issue "${issueId}"`);
  };
  const scores = valuation.scores ? Object.keys(valuation.scores.value) : undefined;
  switch (issue.kind) {
    case 'text':
      report(at, `issue "${issueId}" is a text issue and cannot be scored`);
      return;
    case 'boolean':
      if (!scores) report(at, 'a boolean issue is scored with scores: { yes, no }');
      else exactKeys(scores, ['yes', 'no'], 'scores');
      return;
    case 'choice':
      if (!scores) report(at, 'a choice issue is scored with scores, one per option');
      else exactKeys(scores, issue.options ?? [], 'scores');
      return;
    case 'number': {
      if (!valuation.curve) report(at, 'a number issue is scored with a curve of [value, score] points');
      else {
        const xs = valuation.curve.value.map(([x]) => x);
        if (xs.some((x, k) => k > 0 && x <= xs[k - 1]!))
          report([...at, 'curve'], 'curve points must have increasing values');
      }
      if (!model.grids[issueId]) report(at, `number issue "${issueId}" needs a grid under grids.${issueId}`);
      return;
    }
    case 'set': {
      const packages = model.packages[issueId];
      if (!packages) report(at, `set issue "${issueId}" needs its packages listed under packages.${issueId}`);
      if (valuation.curve) report(at, 'a set issue is scored with members or with scores per package');
      if (scores && packages)
        exactKeys(
          scores,
          packages.map((p) => p.id),
          'scores',
        );
      for (const m of Object.keys(valuation.members?.value ?? {})) {
        if (issue.members && !issue.members.includes(m))
          report([...at, 'members', m], `"${m}" is not a member of issue "${issueId}"`);
      }
    }
  }
}
