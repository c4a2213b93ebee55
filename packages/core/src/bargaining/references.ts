import { parseEdtf } from '@parley/model/edtf.ts';
import type { AnalystModel, IssueValuation } from '@parley/model/schema/analyst-model.ts';
import { listAssumptions } from './assumptions.ts';

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
}

export type ModelReporter = (path: (string | number)[], message: string) => void;

/**
 * Cross-record rules of model.yaml: every actor, issue, event and source exists; each valuation
 * scores exactly the options its issue has; number issues have a grid and set issues their
 * packages; reservation points run forward in time; scenarios name real assumptions.
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
