import type { Issue } from '@parley/model/schema/issues.ts';
import { renderTable } from './table.ts';
import type { View } from './view.ts';

export interface IssuesJson {
  view: 'issues';
  case: string;
  issues: Issue[];
}

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

export const issuesView: View<IssuesJson> = {
  build: (c) => ({ view: 'issues', case: c.meta.id, issues: c.issues }),
  render(data) {
    return renderTable(
      ['id', 'category', 'kind', 'domain', 'title'],
      data.issues.map((i) => [i.id, i.category, i.kind, domain(i), i.title]),
    );
  },
};
