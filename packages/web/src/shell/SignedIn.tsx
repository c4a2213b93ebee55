import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useLogout, useSession } from '../api/session.ts';
import { Failure, Loading } from './Status.tsx';

/** The frame of every page behind sign-in: the header with the user, and the page; else the login. */
export function SignedIn() {
  const session = useSession();
  const logout = useLogout();
  const location = useLocation();
  if (session.isPending) return <Loading what="your session" />;
  if (session.error) return <Failure error={session.error} />;
  if (!session.data)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return (
    <>
      <a className="skip" href="#main">
        Skip to the content
      </a>
      <header className="top">
        <Link to="/" className="brand">
          Parley
        </Link>
        <span className="who">{session.data.user.displayName}</span>
        <button type="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
          Sign out
        </button>
      </header>
      <Outlet />
    </>
  );
}
