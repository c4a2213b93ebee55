import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, dataOf, rememberCsrfToken } from './client.ts';

export const sessionKey = ['session'] as const;

/** Who is signed in (null: nobody), keeping the session's CSRF token for the writes. */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async () => {
      const answer = await api.GET('/api/auth/me');
      if (answer.response.status === 401) return null;
      const me = dataOf(answer);
      rememberCsrfToken(me.csrfToken);
      return me;
    },
    staleTime: Infinity,
  });
}

/** Sign in with email and password; the session then holds the caller. */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: { email: string; password: string }) =>
      dataOf(await api.POST('/api/auth/login', { body })),
    onSuccess: (me) => {
      rememberCsrfToken(me.csrfToken);
      client.clear();
      client.setQueryData(sessionKey, me);
    },
  });
}

/** Create the first administrator with the setup link's token, signed in on success. */
export function useSetup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: { token: string; email: string; displayName: string; password: string }) =>
      dataOf(await api.POST('/api/auth/setup', { body })),
    onSuccess: (me) => {
      rememberCsrfToken(me.csrfToken);
      client.clear();
      client.setQueryData(sessionKey, me);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const answer = await api.POST('/api/auth/logout');
      if (!answer.response.ok && answer.response.status !== 401)
        throw new ApiError(answer.response.status, 'sign-out failed');
    },
    onSettled: () => {
      rememberCsrfToken(undefined);
      // Nothing of the last user's data stays in memory for the next one.
      client.clear();
      client.setQueryData(sessionKey, null);
    },
  });
}
