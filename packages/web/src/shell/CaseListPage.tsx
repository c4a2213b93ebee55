import { Link } from 'react-router';
import { useCases } from '../api/queries.ts';
import { describeRoles } from './roles.ts';
import { Failure, Loading } from './Status.tsx';

/** The cases the user is a member of. */
export function CaseListPage() {
  const cases = useCases();
  return (
    <main id="main">
      <h1>Your cases</h1>
      {cases.isPending && <Loading what="your cases" />}
      {cases.error && <Failure error={cases.error} />}
      {cases.data?.length === 0 && (
        <p>You are not a member of any case yet: a case admin adds you (PUT /api/cases/…/members/…).</p>
      )}
      <ul className="cards">
        {cases.data?.map((c) => (
          <li key={c.id}>
            <Link to={`/cases/${encodeURIComponent(c.id)}`}>{c.title}</Link>
            <span className="hint"> — {describeRoles(c.roles)}</span>
          </li>
        ))}
      </ul>
    </main>
  );
}
