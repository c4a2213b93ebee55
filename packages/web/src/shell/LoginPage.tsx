import { useId, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useLogin, useSession } from '../api/session.ts';
import { Failure } from './Status.tsx';

/** Sign in with email and password; back to the page asked for (`?next=`) after. */
export function LoginPage() {
  const session = useSession();
  const login = useLogin();
  const [search] = useSearchParams();
  const id = useId();
  const next = safeNext(search.get('next'));
  if (session.data) return <Navigate to={next} replace />;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    login.mutate({ email: String(form.get('email')), password: String(form.get('password')) });
  };
  return (
    <main id="main" className="narrow">
      <h1>Sign in to Parley</h1>
      <form onSubmit={submit} aria-describedby={`${id}-hint`}>
        <label>
          Email <input name="email" type="email" required autoComplete="username" />
        </label>
        <label>
          Password <input name="password" type="password" required autoComplete="current-password" />
        </label>
        <button type="submit" disabled={login.isPending}>
          Sign in
        </button>
      </form>
      <p id={`${id}-hint`} className="hint">
        A server with no account prints a one-time setup link when it starts.
      </p>
      {login.error && <Failure error={login.error} />}
    </main>
  );
}

/** Only a path of this site: `?next=https://elsewhere` must not send a user away. */
export const safeNext = (next: string | null) => (next && /^\/(?!\/)/.test(next) ? next : '/');
