import type { Case } from '@parley/model/case.ts';
import type { Issue } from '@parley/model/schema/issues.ts';

export interface IssuesJson {
  view: 'issues';
  case: string;
  issues: Issue[];
}

/** The issues on the table, as recorded. */
export function issuesView(c: Case): IssuesJson {
  return { view: 'issues', case: c.meta.id, issues: c.issues };
}
