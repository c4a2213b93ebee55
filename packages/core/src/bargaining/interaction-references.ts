import type { AnalystModel } from '@parley/model/schema/analyst-model.ts';

/** What the check needs of the case (references.ts passes its ModelIds). */
interface CaseIds {
  issues: Map<string, { kind: string; options?: string[] }>;
  sources: Set<string>;
}

/**
 * Cross-record rules of each stakeholder's `interactions`: each joins at least two scorable issues
 * of the case (boolean, choice or set; not number or text), lists only options those issues have
 * (a set issue's options are the model's packages for it), cites known sources, and has an id its
 * stakeholder uses once. Problems are reported inside the stakeholder's entry, so a viewer who
 * cannot see an issue or source loses that stakeholder's model, never someone else's.
 */
export function checkInteractionReferences(
  model: AnalystModel,
  ids: CaseIds,
  report: (path: (string | number)[], message: string) => void,
): void {
  model.stakeholders.forEach((s, q) => {
    const seen = new Set<string>();
    (s.interactions ?? []).forEach((x, k) => {
      const at = ['stakeholders', q, 'interactions', k];
      if (seen.has(x.id)) report([...at, 'id'], `${s.actor} has two interactions with id "${x.id}"`);
      seen.add(x.id);
      const issues = Object.entries(x.when);
      if (issues.length < 2)
        report(
          [...at, 'when'],
          'an interaction joins at least two issues (one issue alone is a score: put it under scores)',
        );
      for (const [issueId, options] of issues) {
        const where = [...at, 'when', issueId];
        const issue = ids.issues.get(issueId);
        if (!issue) {
          report(where, `unknown issue "${issueId}"`);
          continue;
        }
        const known =
          issue.kind === 'boolean'
            ? ['yes', 'no']
            : issue.kind === 'choice'
              ? (issue.options ?? [])
              : issue.kind === 'set'
                ? (model.packages[issueId] ?? []).map((p) => p.id)
                : undefined;
        if (!known) {
          report(
            where,
            `issue "${issueId}" is a ${issue.kind} issue; interactions join boolean, choice and set issues`,
          );
          continue;
        }
        options.forEach((option, j) => {
          if (!known.includes(option))
            report(
              [...where, j],
              `"${option}" is not an option of issue "${issueId}" (it has ${known.join(', ')})`,
            );
        });
      }
      x.sources?.forEach((source, j) => {
        if (!ids.sources.has(source)) report([...at, 'sources', j], `unknown source "${source}"`);
      });
    });
  });
}
