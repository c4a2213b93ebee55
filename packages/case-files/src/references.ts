import type { Case } from '@parley/model/case.ts';
import { draftKey } from '@parley/model/case.ts';
import type { FieldPath } from '@parley/model/diagnostic.ts';
import { compareEdtfText } from '@parley/model/edtf.ts';
import type { Reporter } from './load.ts';
import type { YamlFile } from './yaml-file.ts';
import { checkModelReferences } from '@parley/core/bargaining/references.ts';
import { checkGuaranteeReferences } from '@parley/core/guarantees/references.ts';
import { checkPositionValue } from '@parley/model/position-value.ts';
import { uniqueIds } from '@parley/model/unique-ids.ts';

export interface ReferenceContext {
  /** Files whose schema check passed: only these are cross-checked. */
  loaded: Set<string>;
  files: Map<string, YamlFile<unknown>>;
  report: Reporter;
  /** Sources cited outside the YAML files (in draft texts' tags). */
  citedElsewhere?: Set<string>;
}

/**
 * Cross-record rules: ids are unique and resolve, positions fit their issue, drafts chain to
 * existing versions, and every source is both defined and cited.
 */
export function checkReferences(c: Case, ctx: ReferenceContext): void {
  const { report } = ctx;
  const at = (file: string) => (fieldPath: FieldPath, message: string) => report(file, fieldPath, message);

  const actors = uniqueIds(c.actors, at('actors.yaml'), 'actors', 'actor');
  const rounds = uniqueIds(c.rounds, at('rounds.yaml'), 'rounds', 'round');
  uniqueIds(c.roles, at('roles.yaml'), 'roles', 'role');
  uniqueIds(c.events, at('events.yaml'), 'events', 'event');
  const sources = uniqueIds(c.sources, at('sources.yaml'), 'sources', 'source');
  const propositions = uniqueIds(c.propositions, at('claims.yaml'), 'propositions', 'proposition');
  const claims = uniqueIds(c.claims, at('claims.yaml'), 'claims', 'claim');
  const issues = uniqueIds(c.issues, at('issues.yaml'), 'issues', 'issue');
  uniqueIds(c.positions, at('positions.yaml'), 'positions', 'position');
  uniqueIds(c.drafts, at('drafts.yaml'), 'documents', 'document');
  const versions = new Set(c.drafts.flatMap((d) => d.versions.map((v) => draftKey(d.id, v.id))));

  // A file that failed its schema check contributes no records; references into it are not
  // reported as unknown, so one broken file does not drown the real problems in echoes.
  const definedIn: Record<string, string> = {
    actor: 'actors.yaml',
    round: 'rounds.yaml',
    proposition: 'claims.yaml',
    claim: 'claims.yaml',
    issue: 'issues.yaml',
    'draft version': 'drafts.yaml',
  };
  const need =
    (file: string, ids: Set<string>, kind: string) => (id: string | undefined, fieldPath: FieldPath) => {
      const home = definedIn[kind];
      if (home && ctx.files.has(home) && !ctx.loaded.has(home)) return;
      if (id !== undefined && !ids.has(id)) report(file, fieldPath, `unknown ${kind} "${id}"`);
    };
  const needContested = (file: string) => (list: string[] | undefined, base: FieldPath) =>
    list?.forEach((p, i) => need(file, propositions, 'proposition')(p, [...base, 'contestedBy', i]));

  c.actors.forEach((a, i) => {
    need('actors.yaml', actors, 'actor')(a.affiliation, ['actors', i, 'affiliation']);
    if (a.affiliation && a.kind !== 'person')
      report('actors.yaml', ['actors', i, 'affiliation'], 'only a person has an affiliation');
    const org = c.actors.find((o) => o.id === a.affiliation);
    if (org?.kind === 'person')
      report(
        'actors.yaml',
        ['actors', i, 'affiliation'],
        `"${org.id}" is a person; affiliate with a state or organisation`,
      );
  });

  const needActor = (file: string) => need(file, actors, 'actor');
  c.roles.forEach((r, i) => {
    needActor('roles.yaml')(r.actor, ['roles', i, 'actor']);
    needActor('roles.yaml')(r.for, ['roles', i, 'for']);
    r.rounds?.forEach((id, k) => need('roles.yaml', rounds, 'round')(id, ['roles', i, 'rounds', k]));
    if (r.from && r.to && compareEdtfText(r.from, r.to) > 0)
      report('roles.yaml', ['roles', i, 'to'], `ends (${r.to}) before it starts (${r.from})`);
    needContested('roles.yaml')(r.contestedBy, ['roles', i]);
  });

  c.rounds.forEach((r, i) => {
    r.delegations.forEach((d, k) => {
      const base = ['rounds', i, 'delegations', k];
      needActor('rounds.yaml')(d.party, [...base, 'party']);
      needActor('rounds.yaml')(d.head, [...base, 'head']);
      d.members.forEach((m, j) => needActor('rounds.yaml')(m, [...base, 'members', j]));
    });
    r.hosts.forEach((h, k) => needActor('rounds.yaml')(h, ['rounds', i, 'hosts', k]));
    r.mediators.forEach((m, k) => needActor('rounds.yaml')(m, ['rounds', i, 'mediators', k]));
    r.documents.forEach((d, k) =>
      need('rounds.yaml', versions, 'draft version')(d, ['rounds', i, 'documents', k]),
    );
    needContested('rounds.yaml')(r.contestedBy, ['rounds', i]);
  });

  c.events.forEach((e, i) => {
    e.actors.forEach((a, k) => needActor('events.yaml')(a, ['events', i, 'actors', k]));
    needContested('events.yaml')(e.contestedBy, ['events', i]);
  });

  c.claims.forEach((cl, i) => {
    need('claims.yaml', propositions, 'proposition')(cl.proposition, ['claims', i, 'proposition']);
    needActor('claims.yaml')(cl.claimant, ['claims', i, 'claimant']);
    cl.with?.forEach((a, k) => needActor('claims.yaml')(a, ['claims', i, 'with', k]));
  });

  c.issues.forEach((issue, i) => {
    const where = (field: string): FieldPath => ['issues', i, field];
    if (issue.kind === 'choice' && (issue.options?.length ?? 0) < 2)
      report('issues.yaml', where('options'), 'a choice issue needs at least two options');
    if (issue.kind !== 'choice' && issue.options)
      report('issues.yaml', where('options'), `options are only for choice issues, not ${issue.kind}`);
    if (issue.kind === 'number' && !issue.unit)
      report('issues.yaml', where('unit'), 'a number issue needs a unit');
    if (issue.kind !== 'number' && issue.unit)
      report('issues.yaml', where('unit'), `a unit is only for number issues, not ${issue.kind}`);
    if (issue.kind !== 'set' && issue.members)
      report('issues.yaml', where('members'), `members are only for set issues, not ${issue.kind}`);
  });

  const issueById = new Map(c.issues.map((x) => [x.id, x]));
  c.positions.forEach((p, i) => {
    needActor('positions.yaml')(p.party, ['positions', i, 'party']);
    need('positions.yaml', issues, 'issue')(p.issue, ['positions', i, 'issue']);
    if (p.document)
      need('positions.yaml', versions, 'draft version')(p.document, ['positions', i, 'document']);
    needContested('positions.yaml')(p.contestedBy, ['positions', i]);
    const issue = issueById.get(p.issue);
    if (issue)
      checkPositionValue(p, issue, (field, message) =>
        report('positions.yaml', ['positions', i, ...field], message),
      );
  });

  c.drafts.forEach((d, i) => {
    const own = new Map(d.versions.map((v) => [v.id, v]));
    uniqueIds(
      d.versions,
      (fp, m) => report('drafts.yaml', ['documents', i, ...fp], m),
      'versions',
      'version',
    );
    d.versions.forEach((v, k) => {
      const base = ['documents', i, 'versions', k];
      if (v.author !== 'joint') needActor('drafts.yaml')(v.author, [...base, 'author']);
      if (v.basis !== undefined) {
        const basis = own.get(v.basis);
        if (!basis)
          report('drafts.yaml', [...base, 'basis'], `unknown version "${v.basis}" of document "${d.id}"`);
        else if (compareEdtfText(basis.date, v.date) > 0)
          report(
            'drafts.yaml',
            [...base, 'basis'],
            `basis "${v.basis}" (${basis.date}) is later than this version (${v.date})`,
          );
      }
      v.initialledBy?.forEach((cl, j) =>
        need('drafts.yaml', claims, 'claim')(cl, [...base, 'initialledBy', j]),
      );
    });
  });

  if (c.guarantees) {
    checkGuaranteeReferences(
      c.guarantees,
      { actors, sources, drafts: versions, issues },
      (fieldPath, message) => report('guarantees.yaml', fieldPath, message),
    );
  }

  if (c.model) {
    const issueInfo = new Map(
      c.issues.map((i) => [
        i.id,
        {
          kind: i.kind,
          ...(i.options ? { options: i.options.map((o) => o.id) } : {}),
          ...(i.unit ? { unit: i.unit } : {}),
          ...(i.members ? { members: i.members } : {}),
        },
      ]),
    );
    const events = new Set(c.events.map((e) => e.id));
    checkModelReferences(c.model, { actors, issues: issueInfo, events, sources }, (fieldPath, message) =>
      report('model.yaml', fieldPath, message),
    );
  }

  checkSourceCitations(c, ctx, sources);
}

/**
 * Every `sources: [...]` list (or `source:` field) in any case file must name a defined source,
 * and every defined source must be cited somewhere: an uncited source is usually a typo twin.
 */
function checkSourceCitations(c: Case, ctx: ReferenceContext, defined: Set<string>): void {
  if (ctx.files.has('sources.yaml') && !ctx.loaded.has('sources.yaml')) return;
  const cited = new Set<string>(ctx.citedElsewhere);
  for (const [file, parsed] of ctx.files) {
    if (file === 'sources.yaml' || parsed.raw === undefined) continue;
    walk(parsed.raw, [], (id, fieldPath) => {
      cited.add(id);
      if (!defined.has(id)) ctx.report(file, fieldPath, `unknown source "${id}"`);
    });
  }
  // A file with a YAML syntax error has no readable citations, so "never cited" would be a guess.
  // A file that only failed its schema check was still read, and its citations count.
  if ([...ctx.files.values()].some((f) => f.raw === undefined)) return;
  c.sources.forEach((s, i) => {
    if (!cited.has(s.id)) ctx.report('sources.yaml', ['sources', i, 'id'], `source "${s.id}" is never cited`);
  });
}

function walk(
  node: unknown,
  fieldPath: (string | number)[],
  cite: (id: string, fieldPath: FieldPath) => void,
): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => walk(child, [...fieldPath, i], cite));
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'sources' && Array.isArray(value)) {
        value.forEach((id, i) => typeof id === 'string' && cite(id, [...fieldPath, key, i]));
      } else if (key === 'source' && typeof value === 'string') {
        cite(value, [...fieldPath, key]);
      } else {
        walk(value, [...fieldPath, key], cite);
      }
    }
  }
}
