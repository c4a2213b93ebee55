import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A view's choices kept in the address (?doc=…&mode=…), so a view can be linked. The router
 * updates the address asynchronously, and a controlled radio or select bound to it would snap back
 * to its old value until then: a choice is shown at once (held here) and the address follows.
 * An empty value removes the key.
 */
export function useAddressChoices(): [URLSearchParams, (changes: Record<string, string>) => void] {
  const [params, setParams] = useSearchParams();
  const [pending, setPending] = useState<Record<string, string> | null>(null);
  // The address has caught up (or moved on, by a link or the back button): it speaks again.
  useEffect(() => setPending(null), [params]);
  const shown = useMemo(() => (pending ? withChanges(params, pending) : params), [params, pending]);
  const choose = (changes: Record<string, string>) => {
    setPending((before) => ({ ...before, ...changes }));
    setParams((p) => withChanges(p, changes));
  };
  return [shown, choose];
}

function withChanges(params: URLSearchParams, changes: Record<string, string>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) {
    if (v) next.set(k, v);
    else next.delete(k);
  }
  return next;
}
