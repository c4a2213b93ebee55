import type { Case } from '@parley/model/case.ts';
import { draftKey } from '@parley/model/case.ts';
import type { FieldPath, Reporter } from '@parley/model/diagnostic.ts';
import { compareEdtfText } from '@parley/model/edtf.ts';
import type { UncheckedParts } from '@parley/model/parse-case.ts';
import { checkPositionValue } from '@parley/model/position-value.ts';
import { uniqueIds } from '@parley/model/unique-ids.ts';
import { checkModelReferences, modelIdsOf } from '@parley/core/bargaining/references.ts';
import { checkGuaranteeReferences } from '@parley/core/guarantees/references.ts';

/** Where each kind of record is defined: references into a part that failed its check are not echoed. */
const definedIn: Record<string, keyof Case> = {
  actor: 'actors',
  round: 'rounds',
  proposition: 'propositions',
  claim: 'claims',
  issue: 'issues',
  'draft version': 'drafts',
};

/**
 * Cross-record rules: ids are unique and resolve, positions fit their issue, drafts chain to
 * existing versions, guarantees and the analyst's model name what the case defines. Every
 * problem is reported at its record path. Returns the source ids the records define.
 */
export function checkReferences(c: Case, unchecked: UncheckedParts, report: Reporter): Set<string> {
  const actors = uniqueIds(c.actors, report, 'actors', 'actor');
  const rounds = uniqueIds(c.rounds, report, 'rounds', 'round');
  uniqueIds(c.roles, report, 'roles', 'role');
  uniqueIds(c.events, report, 'events', 'event');
  const sources = uniqueIds(c.sources, report, 'sources', 'source');
  const propositions = uniqueIds(c.propositions, report, 'propositions', 'proposition');
  const claims = uniqueIds(c.claims, report, 'claims', 'claim');
  const issues = uniqueIds(c.issues, report, 'issues', 'issue');
  uniqueIds(c.positions, report, 'positions', 'position');
  uniqueIds(c.drafts, report, 'drafts', 'document', 'documents');
  const versions = new Set(c.drafts.flatMap((d) => d.versions.map((v) => draftKey(d.id, v.id))));

  const need = (ids: Set<string>, kind: string) => (id: string | undefined, path: FieldPath) => {
    if (definedIn[kind]! in unchecked) return;
    if (id !== undefined && !ids.has(id)) report(path, `unknown ${kind} "${id}"`, 'unknown-reference');
  };
  const needActor = need(actors, 'actor');
  const needContested = (list: string[] | undefined, base: FieldPath) =>
    list?.forEach((p, i) => need(propositions, 'proposition')(p, [...base, 'contestedBy', i]));

  c.actors.forEach((a, i) => {
    const at = ['actors', i, 'affiliation'];
    needActor(a.affiliation, at);
    if (a.affiliation && a.kind !== 'person')
      report(at, 'only a person has an affiliation', 'invalid-affiliation');
    const org = c.actors.find((o) => o.id === a.affiliation);
    if (org?.kind === 'person')
      report(at, `"${org.id}" is a person; affiliate with a state or organisation`, 'invalid-affiliation');
  });

  c.roles.forEach((r, i) => {
    needActor(r.actor, ['roles', i, 'actor']);
    needActor(r.for, ['roles', i, 'for']);
    r.rounds?.forEach((id, k) => need(rounds, 'round')(id, ['roles', i, 'rounds', k]));
    if (r.from && r.to && compareEdtfText(r.from, r.to) > 0)
      report(['roles', i, 'to'], `ends (${r.to}) before it starts (${r.from})`, 'date-order');
    needContested(r.contestedBy, ['roles', i]);
  });

  c.rounds.forEach((r, i) => {
    r.delegations.forEach((d, k) => {
      const base = ['rounds', i, 'delegations', k];
      needActor(d.party, [...base, 'party']);
      needActor(d.head, [...base, 'head']);
      d.members.forEach((m, j) => needActor(m, [...base, 'members', j]));
    });
    r.hosts.forEach((h, k) => needActor(h, ['rounds', i, 'hosts', k]));
    r.mediators.forEach((m, k) => needActor(m, ['rounds', i, 'mediators', k]));
    r.documents.forEach((d, k) => need(versions, 'draft version')(d, ['rounds', i, 'documents', k]));
    needContested(r.contestedBy, ['rounds', i]);
  });

  c.events.forEach((e, i) => {
    e.actors.forEach((a, k) => needActor(a, ['events', i, 'actors', k]));
    needContested(e.contestedBy, ['events', i]);
  });

  c.claims.forEach((cl, i) => {
    need(propositions, 'proposition')(cl.proposition, ['claims', i, 'proposition']);
    needActor(cl.claimant, ['claims', i, 'claimant']);
    cl.with?.forEach((a, k) => needActor(a, ['claims', i, 'with', k]));
  });

  c.issues.forEach((issue, i) => {
    const misfit = (field: string, message: string) =>
      report(['issues', i, field], message, 'issue-kind-mismatch');
    if (issue.kind === 'choice' && (issue.options?.length ?? 0) < 2)
      misfit('options', 'a choice issue needs at least two options');
    if (issue.kind !== 'choice' && issue.options)
      misfit('options', `options are only for choice issues, not ${issue.kind}`);
    if (issue.kind === 'number' && !issue.unit) misfit('unit', 'a number issue needs a unit');
    if (issue.kind !== 'number' && issue.unit)
      misfit('unit', `a unit is only for number issues, not ${issue.kind}`);
    if (issue.kind !== 'set' && issue.members)
      misfit('members', `members are only for set issues, not ${issue.kind}`);
  });

  const issueById = new Map(c.issues.map((x) => [x.id, x]));
  c.positions.forEach((p, i) => {
    needActor(p.party, ['positions', i, 'party']);
    need(issues, 'issue')(p.issue, ['positions', i, 'issue']);
    if (p.document) need(versions, 'draft version')(p.document, ['positions', i, 'document']);
    needContested(p.contestedBy, ['positions', i]);
    const issue = issueById.get(p.issue);
    if (issue)
      checkPositionValue(p, issue, (field, message) =>
        report(['positions', i, ...field], message, 'position-mismatch'),
      );
  });

  c.drafts.forEach((d, i) => {
    const own = new Map(d.versions.map((v) => [v.id, v]));
    uniqueIds(
      d.versions,
      (path, message, code) => report(['drafts', i, ...path], message, code),
      'versions',
      'version',
    );
    d.versions.forEach((v, k) => {
      const base = ['drafts', i, 'versions', k];
      if (v.author !== 'joint') needActor(v.author, [...base, 'author']);
      if (v.basis !== undefined) {
        const basis = own.get(v.basis);
        if (!basis)
          report(
            [...base, 'basis'],
            `unknown version "${v.basis}" of document "${d.id}"`,
            'unknown-reference',
          );
        else if (compareEdtfText(basis.date, v.date) > 0)
          report(
            [...base, 'basis'],
            `basis "${v.basis}" (${basis.date}) is later than this version (${v.date})`,
            'date-order',
          );
        const cycle = basisCycle(v.id, own);
        if (cycle)
          report(
            [...base, 'basis'],
            cycle.length === 2
              ? `version "${v.id}" is based on itself`
              : `versions are based on each other in a circle: ${cycle.join(' → ')}`,
            'basis-cycle',
          );
      }
      v.initialledBy?.forEach((cl, j) => need(claims, 'claim')(cl, [...base, 'initialledBy', j]));
    });
  });

  if (c.guarantees) {
    checkGuaranteeReferences(
      c.guarantees,
      { actors, sources, drafts: versions, issues },
      (path, message, code?: string) => report(['guarantees', ...path], message, code ?? 'guarantee-rule'),
    );
  }

  if (c.model) {
    checkModelReferences(
      c.model,
      // The case's own actor and source sets: they already leave out records of failed parts.
      { ...modelIdsOf(c), actors, sources },
      (path, message, code?: string) => report(['model', ...path], message, code ?? 'model-rule'),
    );
  }
  return sources;
}

/**
 * The circle of `basis` links that leads from version `id` back to itself (`[v1, v2, v1]`), or
 * undefined when following them ends (at a version without a basis, or an unknown one). A
 * version that only leads into a circle of others is not on it: they are reported themselves.
 */
function basisCycle(id: string, versions: ReadonlyMap<string, { basis?: string }>): string[] | undefined {
  const chain = [id];
  const seen = new Set(chain);
  for (let next = versions.get(id)?.basis; next !== undefined; next = versions.get(next)?.basis) {
    if (next === id) return [...chain, id];
    if (seen.has(next) || !versions.has(next)) return undefined;
    seen.add(next);
    chain.push(next);
  }
  return undefined;
}
