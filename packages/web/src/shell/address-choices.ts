import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A view's choices kept in the address (?doc=…&mode=…), so a view can be linked. The router
 * updates the address asynchronously, and a controlled radio or select bound to it would snap back
 * to its old value until then: a choice is shown at once (held here) and the address follows.
 * An empty value removes the key.
 *
 * Two choices made before the router catches up (From, then To) must both hold. The router's own
 * setter builds on the address it last rendered, so the second would bring back the first's old
 * value; each choice here builds on the address the one before it asked for.
 */
export function useAddressChoices(): [URLSearchParams, (changes: Record<string, string>) => void] {
  const [params, setParams] = useSearchParams();
  const [pending, setPending] = useState<Record<string, string> | null>(null);
  // The addresses asked for and not yet reached, oldest first.
  const asked = useRef<string[]>([]);
  useEffect(() => {
    const at = asked.current.lastIndexOf(params.toString());
    // An earlier choice's address: a later one is on its way, and the held choices still speak.
    if (at >= 0 && at < asked.current.length - 1) {
      asked.current = asked.current.slice(at + 1);
      return;
    }
    // The address has caught up (or moved on, by a link or the back button): it speaks again.
    asked.current = [];
    setPending(null);
  }, [params]);
  const shown = useMemo(() => (pending ? withChanges(params, pending) : params), [params, pending]);
  const choose = (changes: Record<string, string>) => {
    const last = asked.current.at(-1);
    const next = withChanges(last === undefined ? params : new URLSearchParams(last), changes);
    if (next.toString() !== last) asked.current = [...asked.current, next.toString()];
    setPending((before) => ({ ...before, ...changes }));
    setParams(next);
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
