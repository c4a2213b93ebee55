import type { IssuesJson } from '@parley/app/views/issues.ts';
import type { Issue } from '@parley/model/schema/issues.ts';
import { renderTable } from './table.ts';

function domain(issue: Issue): string {
  switch (issue.kind) {
    case 'choice':
      return (issue.options ?? []).map((o) => o.id).join(' | ');
    case 'number':
      return issue.unit ?? '';
    case 'set':
      return issue.members ? `{${issue.members.join(', ')}}` : 'any';
    default:
      return '';
  }
}

export function renderIssues(data: IssuesJson): string {
  return renderTable(
    ['id', 'category', 'kind', 'domain', 'title'],
    data.issues.map((i) => [i.id, i.category, i.kind, domain(i), i.title]),
  );
}
