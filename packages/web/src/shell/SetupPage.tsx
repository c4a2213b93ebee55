import type { FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useSetup } from '../api/session.ts';
import { Failure } from './Status.tsx';

/** The first-start link's page: creates the first administrator with the link's one-time token. */
export function SetupPage() {
  const setup = useSetup();
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  if (setup.isSuccess) return <Navigate to="/" replace />;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setup.mutate({
      token,
      email: String(form.get('email')),
      displayName: String(form.get('displayName')),
      password: String(form.get('password')),
    });
  };
  return (
    <main id="main" className="narrow">
      <h1>Create the first administrator</h1>
      {!token && (
        <p role="alert" className="failure">
          This page needs the one-time link the server printed when it started (…/setup?token=…).
        </p>
      )}
      <form onSubmit={submit}>
        <label>
          Email <input name="email" type="email" required autoComplete="username" />
        </label>
        <label>
          Name <input name="displayName" required autoComplete="name" />
        </label>
        <label>
          Password (12 characters or more)
          <input name="password" type="password" minLength={12} required autoComplete="new-password" />
        </label>
        <button type="submit" disabled={setup.isPending || !token}>
          Create and sign in
        </button>
      </form>
      {setup.error && <Failure error={setup.error} />}
    </main>
  );
}
